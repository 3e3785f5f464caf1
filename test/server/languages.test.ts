import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ar } from "../../src/forms/locales/ar.js";
import { fr } from "../../src/forms/locales/fr.js";
import {
  activeLocale,
  CharField,
  client,
  EmailField,
  Form,
  FormSet,
  formatMessage,
  formMeta,
  IntegerField,
  lookupMessage,
  type MessageTemplate,
  Registry,
  type RequestContext,
  type ValidationError,
  validateIpv46Address,
  withLocale,
} from "../../src/index.js";
import { createHandler, type HandlerOptions, negotiateLanguage } from "../../src/server/index.js";

const BASE = "http://test.local/api/mizan";

/** A French (or Arabic) table's text for a key, filled in: what the answer must carry. */
function text(table: Record<string, MessageTemplate>, key: string, params = {}, lang = "fr") {
  const template = table[key];
  if (template === undefined) throw new Error(`no ${key} in the ${lang} table`);
  return formatMessage(template, params, lang);
}

/** Gates a test opens by hand, keyed by the `name` a request sends. */
const gates = new Map<string, { arrived: () => void; release: Promise<void> }>();
function gate(name: string) {
  let arrived = () => {};
  let release = () => {};
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  gates.set(name, { arrived, release: released });
  return { reached, release };
}

const seenInHook: Record<string, string> = {};

class LineForm extends Form {
  qty = new IntegerField();
}

class ContactForm extends Form {
  static override meta = formMeta({ name: "contact" });
  name = new CharField();
  email = new EmailField();
  code = new CharField({ maxLength: 3, required: false });
  lines = new FormSet(LineForm, { minNum: 2 });

  async cleanName(value: string, ctx: RequestContext) {
    const waiting = gates.get(value);
    if (waiting) {
      waiting.arrived();
      await waiting.release;
    }
    seenInHook[value] = `${ctx.language} ${activeLocale()}`;
    return value;
  }
}

function registry(): Registry {
  const r = new Registry();
  r.register(ContactForm);
  r.register(
    client((ctx) => ({ language: ctx.language, active: activeLocale() })),
    "whichLanguage",
  );
  r.register(
    client({ context: "global" }, (ctx) => ({ language: ctx.language, active: activeLocale() })),
    "pageLanguage",
  );
  r.register(
    client(
      () => new Response("bonjour", { headers: { "content-language": "fr-FR", vary: "Origin" } }),
    ),
    "ownResponse",
  );
  return r;
}

function handlerFor(options: HandlerOptions = {}) {
  return createHandler({ registry: registry(), onError: () => {}, csrf: false, ...options });
}

const served = { languages: ["en", "fr", "de", "es", "ar"] } as const;

function call(fn: string, args: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}/call/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ fn, args }),
  });
}

const invalidContact = (name: string) => ({
  data: { name, email: "not-an-email", code: "abcde", lines: [{ qty: "x" }] },
});

describe("a handler with languages", () => {
  test("French and English requests served at once each get their own messages", async () => {
    const handler = handlerFor(served);
    const fr1 = gate("fr-wait");
    const en1 = gate("en-wait");
    const french = handler(
      call("contact.validate", invalidContact("fr-wait"), { "accept-language": "fr" }),
    );
    await fr1.reached;
    const english = handler(
      call("contact.validate", invalidContact("en-wait"), { "accept-language": "en" }),
    );
    await en1.reached;
    // Both wait inside a clean hook; the French one goes on first, then the English one.
    fr1.release();
    const frenchResponse = await french;
    en1.release();
    const englishResponse = await english;
    expect(activeLocale()).toBe("en");

    expect(frenchResponse.headers.get("content-language")).toBe("fr");
    expect(englishResponse.headers.get("content-language")).toBe("en");
    expect(seenInHook).toMatchObject({ "fr-wait": "fr fr", "en-wait": "en en" });
    const frErrors = (await frenchResponse.json()).result.errors;
    const enErrors = (await englishResponse.json()).result.errors;
    expect(frErrors.fields.email[0].message).toBe(text(fr, "EmailValidator.invalid"));
    expect(frErrors.fields.code[0].message).toBe(
      text(fr, "MaxLengthValidator.max_length", { limit_value: 3, show_value: 5 }),
    );
    expect(frErrors.fields.lines[0].message).toBe(text(fr, "FormSet.too_few_forms", { num: 2 }));
    expect(frErrors.fields["lines.0.qty"][0].message).toBe(text(fr, "IntegerField.invalid"));
    expect(enErrors.fields.email[0].message).toBe("Enter a valid email address.");
    expect(enErrors.fields.code[0].message).toBe(
      "Ensure this value has at most 3 characters (it has 5).",
    );
    expect(enErrors.fields.lines[0].message).toBe("Please submit at least 2 forms.");
    expect(enErrors.fields["lines.0.qty"][0].message).toBe("Enter a whole number.");
    expect(frErrors.fields.email[0].message).not.toBe(enErrors.fields.email[0].message);
  });

  test.each([
    [{ "accept-language": "fr-CA,en;q=0.5" }, "fr"],
    [{ "accept-language": "FR-ca" }, "fr"],
    [{ "accept-language": "de;q=0.5, es;q=0.8, en;q=0.1" }, "es"],
    [{ "accept-language": "pt-BR, pt;q=0.9, de;q=0.4" }, "de"],
    [{ "accept-language": "pt-BR, *;q=0.5, ar;q=0.2" }, "en"],
    [{ "accept-language": "pt-BR" }, "en"],
    [{ "accept-language": ";;;,=q" }, "en"],
    [{}, "en"],
    [{ cookie: "django_language=ar", "accept-language": "fr" }, "ar"],
    [{ cookie: "other=1; django_language=de", "accept-language": "fr" }, "de"],
    [{ cookie: "django_language=xx", "accept-language": "fr" }, "fr"],
    [{ cookie: "django_language=*", "accept-language": "es" }, "es"],
    [{ "accept-language": "fr;q=0, de" }, "de"],
    [{ "accept-language": "ar-EG;q=0.9, fr;q=0.95" }, "fr"],
    [{ cookie: "django_language=fr-BE", "accept-language": "de" }, "fr"],
    [{ cookie: "django_language=%ZZ", "accept-language": "de" }, "de"],
    [{ "accept-language": `${"xx-yy;q=0.9, ".repeat(60)}fr` }, "en"],
  ])("%j → %s", async (headers, language) => {
    const response = await handlerFor(served)(call("whichLanguage", {}, headers));
    expect((await response.json()).result).toEqual({ language, active: language });
    expect(response.headers.get("content-language")).toBe(language);
    expect(response.headers.get("vary")).toBe("Accept-Language, Cookie");
  });

  test("defaultLanguage and languageCookie", async () => {
    const handler = handlerFor({ ...served, defaultLanguage: "de", languageCookie: "lang" });
    const read = async (headers: Record<string, string>) =>
      (await (await handler(call("whichLanguage", {}, headers))).json()).result.language;
    expect(await read({ "accept-language": "it" })).toBe("de");
    expect(await read({ cookie: "lang=es", "accept-language": "fr" })).toBe("es");
    expect(await read({ cookie: "django_language=es", "accept-language": "fr" })).toBe("fr");
  });

  test("a function's own Response keeps its Content-Language; Vary is merged", async () => {
    const response = await handlerFor(served)(call("ownResponse", {}, { "accept-language": "fr" }));
    expect(response.headers.get("content-language")).toBe("fr-FR");
    expect(response.headers.get("vary")).toBe("Origin, Accept-Language, Cookie");
  });

  test("HTTP and CSRF texts in French: 404, 405, CSRF", async () => {
    const handler = handlerFor({ ...served, csrf: {} });
    const headers = { "accept-language": "fr" };
    const notFound = await handler(new Request(`${BASE}/nope/`, { headers }));
    expect(notFound.status).toBe(404);
    expect((await notFound.json()).error.message).toBe(fr["http.NOT_FOUND"]);
    expect(notFound.headers.get("content-language")).toBe("fr");

    const wrongMethod = await handler(new Request(`${BASE}/call/`, { headers }));
    expect(wrongMethod.status).toBe(405);
    const expected405 = fr["http.METHOD_NOT_ALLOWED.use"]
      ? text(fr, "http.METHOD_NOT_ALLOWED.use", { method: "POST" })
      : fr["http.METHOD_NOT_ALLOWED"];
    expect((await wrongMethod.json()).error.message).toBe(expected405);

    const token = "abcdefghijklmnopqrstuvwxyz012345";
    const forged = await handler(
      call("whichLanguage", {}, { ...headers, cookie: `csrftoken=${token}` }),
    );
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.message).toBe(fr["http.CSRF_FAILED.token_missing"]);
    const wrong = await handler(
      call(
        "whichLanguage",
        {},
        { ...headers, cookie: `csrftoken=${token}`, "x-csrftoken": `${token.slice(1)}x` },
      ),
    );
    expect((await wrong.json()).error.message).toBe(fr["http.CSRF_FAILED.token_incorrect"]);
  });

  test("a 413 says its limit in the request's language", async () => {
    const handler = handlerFor({ ...served, limits: { maxBodyBytes: 64 } });
    const response = await handler(
      call("whichLanguage", { pad: "x".repeat(200) }, { "accept-language": "fr" }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe(
      text(fr, "http.PAYLOAD_TOO_LARGE.body", { max_bytes: 64 }),
    );
  });

  test("Arabic: the plural form follows the count (3 → few)", async () => {
    const response = await handlerFor(served)(
      call(
        "contact.validate",
        { data: { code: "abcdefgh" }, fields: ["code"] },
        {
          "accept-language": "ar",
        },
      ),
    );
    const errors = (await response.json()).result.errors;
    const template = ar["MaxLengthValidator.max_length"] as { few?: string };
    expect(template.few).toBeDefined();
    expect(errors.fields.code[0].message).toBe(
      formatMessage(template.few as string, { limit_value: 3, show_value: 8 }, "ar"),
    );
  });

  test("Arabic plural forms of the shipped table for 0, 1, 2, 3, 11, 100", async () => {
    handlerFor(served); // registers the shipped tables
    const counts = [0, 1, 2, 3, 11, 100];
    const categories = ["zero", "one", "two", "few", "many", "other"] as const;
    const template = ar["FormSet.too_few_forms"] as unknown as Record<string, string>;
    const messages = await withLocale("ar", async () => {
      await Promise.resolve();
      return counts.map((num) => formatMessage(lookupMessage("FormSet.too_few_forms"), { num }));
    });
    expect(messages).toEqual(
      counts.map((num, i) =>
        (template[categories[i] as string] as string).replace("%(num)d", String(num)),
      ),
    );
    // Each form the table gives differently is picked (two: the dual; few: plural; many).
    expect(new Set(messages.map((m) => m.replace(/\d+/, "#"))).size).toBeGreaterThan(3);
  });

  test("a translated param: validate_ipv46_address's protocol words", async () => {
    handlerFor(served); // registers the shipped tables
    const failure = (language: string) =>
      withLocale(language, () => {
        try {
          validateIpv46Address.validate("999.1.1.1");
        } catch (error) {
          return (error as ValidationError).errors[0];
        }
        throw new Error("accepted");
      });
    const protocol = fr["validate_ipv46_address.protocol"] as string;
    expect(protocol).not.toBe("IPv4 or IPv6");
    expect(failure("fr")).toMatchObject({
      message: text(fr, "validate_ipv46_address.invalid", { protocol }),
      params: { protocol },
    });
    expect(failure("en")?.message).toBe("Enter a valid IPv4 or IPv6 address.");
  });

  test("a context read is answered in the request's language", async () => {
    const response = await handlerFor(served)(
      new Request(`${BASE}/ctx/pageLanguage/`, { headers: { "accept-language": "de-AT" } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { language: "de", active: "de" } });
    expect(response.headers.get("content-language")).toBe("de");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  test("serve() hands adapters the language headers with a pass-through", async () => {
    const handler = handlerFor(served);
    const answer = await handler.serve(call("whichLanguage", {}, { "accept-language": "es" }));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("content-language")).toBe("es");
  });

  test("the manifest and form versions stay in the process language; schemas follow the request", async () => {
    const handler = handlerFor(served);
    const french = { "accept-language": "fr" };
    const manifestFr = await handler(new Request(`${BASE}/manifest/`, { headers: french }));
    const schemaFr = (await (await handler(call("contact.schema", {}, french))).json()).result;
    const manifestEn = await handlerFor()(new Request(`${BASE}/manifest/`));
    const schemaEn = (await (await handlerFor()(call("contact.schema", {}))).json()).result;
    expect(await manifestFr.json()).toEqual(await manifestEn.json());
    expect(schemaFr.version).toBe(schemaEn.version);
    const emailMessages = (schema: { json_schema: { properties: Record<string, unknown> } }) =>
      (schema.json_schema.properties.email as { errorMessage: Record<string, string> })
        .errorMessage;
    expect(emailMessages(schemaEn).required).toBe("This field is required.");
    expect(emailMessages(schemaFr).required).toBe(fr["Field.required"]);
    // A validate call that sends the (English-built) version is not stale in French.
    const validated = await handler(
      call("contact.validate", { data: {}, version: schemaEn.version }, french),
    );
    expect((await validated.json()).result.stale).toBe(false);
  });

  test("nothing leaks: after a French request the process language is still English", async () => {
    const handler = handlerFor(served);
    await handler(call("whichLanguage", {}, { "accept-language": "fr" }));
    expect(activeLocale()).toBe("en");
    expect(lookupMessage("Field.required")).toBe("This field is required.");
  });
});

describe("a handler without languages", () => {
  test("answers as before: English, no Content-Language, no Vary", async () => {
    const response = await handlerFor()(
      call("contact.validate", invalidContact("x"), { "accept-language": "fr" }),
    );
    expect(response.headers.get("content-language")).toBeNull();
    expect(response.headers.get("vary")).toBeNull();
    const errors = (await response.json()).result.errors;
    expect(errors.fields.email[0].message).toBe("Enter a valid email address.");
    const who = await handlerFor()(call("whichLanguage", {}, { "accept-language": "fr" }));
    expect((await who.json()).result).toEqual({ language: "en", active: "en" });
  });
});

describe("hostile headers", () => {
  test("any Accept-Language or cookie value gets a served language, never an error", async () => {
    const handler = handlerFor(served);
    const headerText = fc.string({
      unit: fc.constantFrom(...'abcdefFR-_;=q.,*019 \t"%é@'),
      maxLength: 80,
    });
    await fc.assert(
      fc.asyncProperty(headerText, headerText, async (accept, cookie) => {
        const response = await handler(
          call(
            "whichLanguage",
            {},
            { "accept-language": accept, cookie: `django_language=${cookie}` },
          ),
        );
        expect(response.status).toBe(200);
        const { language } = (await response.json()).result;
        expect(served.languages).toContain(language);
        expect(response.headers.get("content-language")).toBe(language);
      }),
      { numRuns: 200 },
    );
  });
});

describe("negotiateLanguage", () => {
  test("answers as the handler would, for pages the app renders", () => {
    const request = new Request("http://test.local/", {
      headers: { "accept-language": "es-MX,es;q=0.9", cookie: "theme=dark" },
    });
    expect(negotiateLanguage(request, served)).toBe("es");
    expect(negotiateLanguage(request, { languages: ["en", "fr"] })).toBe("en");
    expect(negotiateLanguage(request, { languages: ["fr", "en"] })).toBe("fr");
  });
});

describe("configuration", () => {
  test("a default outside the list, or a malformed list, is refused", () => {
    expect(() => handlerFor({ languages: ["en", "fr"], defaultLanguage: "de" })).toThrow(
      /defaultLanguage "de" is not one of languages/,
    );
    expect(() => handlerFor({ languages: ["en", "not a code"] })).toThrow(TypeError);
    expect(() => handlerFor({ languages: ["en"], languageCookie: "" })).toThrow(TypeError);
  });
});
