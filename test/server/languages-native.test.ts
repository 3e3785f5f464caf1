import { describe, expect, test } from "vitest";
import { createInProcessClient, MizanClientError } from "../../src/client/index.js";
import { ar } from "../../src/forms/locales/ar.js";
import { fr } from "../../src/forms/locales/fr.js";
import {
  activeLocale,
  client,
  formatMessage,
  type MessageTemplate,
  Registry,
  withLocale,
} from "../../src/index.js";
import { handleFormPost, resolveContexts } from "../../src/server/index.js";
import { escapeHtml as escaped } from "../../src/server/native-pages.js";
import {
  contactPairs,
  handlerFor,
  management,
  registry,
  TOKEN,
  urlencoded,
} from "./native-forms.js";

const served = { languages: ["en", "fr", "ar"] };

const plain = (template: MessageTemplate | undefined, params = {}, lang = "fr") =>
  formatMessage(template as MessageTemplate, params, lang);

describe("native form posts in the request's language", () => {
  test("the default 422 page: French messages and texts, lang=fr", async () => {
    const pairs = contactPairs().filter(([name]) => name !== "email");
    const request = urlencoded([...pairs, ["email", "nope"]], {
      headers: { "accept-language": "fr-FR,fr;q=0.9" },
    });
    const response = await handlerFor(served)(request);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-language")).toBe("fr");
    expect(response.headers.get("vary")).toBe("Accept-Language, Cookie");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(escaped(plain(fr["page.errors_title"])));
    expect(html).toContain(escaped(plain(fr["page.errors_intro"])));
    expect(html).toContain(escaped(plain(fr["EmailValidator.invalid"])));
  });

  test("Arabic pages are laid out right to left; a missing ManagementForm is in Arabic", async () => {
    const pairs = contactPairs().filter(([name]) => !name.startsWith("lines-"));
    const response = await handlerFor(served)(
      urlencoded(pairs, { headers: { "accept-language": "ar" } }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    const message = plain(
      ar["FormSet.missing_management_form"],
      { field_names: "lines-TOTAL_FORMS, lines-INITIAL_FORMS" },
      "ar",
    );
    expect(html).toContain(message);
  });

  test("a forged post's 403 page: French title and CSRF text", async () => {
    const pairs = contactPairs().filter(([name]) => name !== "csrfmiddlewaretoken");
    const response = await handlerFor(served)(
      urlencoded(pairs, { headers: { "accept-language": "fr" } }),
    );
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain(escaped(plain(fr["page.forbidden_title"])));
    expect(html).toContain(escaped(plain(fr["http.CSRF_FAILED.token_missing"])));
  });

  test("without languages the page is English, lang=en, no Vary", async () => {
    const pairs = contactPairs().filter(([name]) => name !== "email");
    const response = await handlerFor()(
      urlencoded([...pairs, ["email", "nope"]], { headers: { "accept-language": "fr" } }),
    );
    expect(response.headers.get("vary")).toBeNull();
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Please correct the errors below");
    expect(html).toContain("Enter a valid email address.");
  });

  test("handleFormPost with languages: French errors, Content-Language and Vary headers", async () => {
    const pairs = [...contactPairs().filter(([name]) => name !== "email"), ["email", "x"]];
    const request = urlencoded(pairs as Array<[string, string]>, {
      cookie: `csrftoken=${TOKEN}; django_language=fr`,
      headers: { "accept-language": "en" },
    });
    const state = await handleFormPost(request, "contact", { registry: registry(), ...served });
    expect(state.status).toBe("invalid");
    if (state.status !== "invalid") return;
    expect(state.errors.fields.email?.[0]?.message).toBe(plain(fr["EmailValidator.invalid"]));
    expect(state.headers.get("content-language")).toBe("fr");
    expect(state.headers.get("vary")).toBe("Accept-Language, Cookie");
    expect(activeLocale()).toBe("en");
  });

  test("handleFormPost's thrown errors come in the request's language", async () => {
    const request = urlencoded([...management(0)], {
      form: "nope",
      headers: { "accept-language": "fr" },
    });
    const thrown = await handleFormPost(request, "nope", { registry: registry(), ...served }).catch(
      (error: unknown) => error,
    );
    expect((thrown as { status: number }).status).toBe(404);
    const forged = urlencoded(contactPairs().slice(1), { headers: { "accept-language": "fr" } });
    const refused = await handleFormPost(forged, "contact", {
      registry: registry(),
      ...served,
    }).catch((error: unknown) => error);
    expect((refused as Error).message).toBe(plain(fr["http.CSRF_FAILED.token_missing"]));
  });
});

function languageRegistry(): Registry {
  const r = new Registry();
  r.register(
    client({ context: "global" }, (ctx) => ({ language: ctx.language })),
    "pageLanguage",
  );
  r.register(
    client({ auth: true }, () => "secret"),
    "private",
  );
  return r;
}

describe("SSR and the in-process client", () => {
  test("resolveContexts runs each context in the request's language", async () => {
    const request = new Request("http://test.local/", { headers: { "accept-language": "ar" } });
    const state = await resolveContexts(request, [{ name: "pageLanguage" }], {
      registry: languageRegistry(),
      ...served,
    });
    expect(Object.values(state)[0]).toMatchObject({ result: { language: "ar" } });
    const english = await resolveContexts(request, [{ name: "pageLanguage" }], {
      registry: languageRegistry(),
    });
    expect(Object.values(english)[0]).toMatchObject({ result: { language: "en" } });
  });

  test("the in-process client's language: ctx.language and error texts", async () => {
    const api = createInProcessClient({ registry: languageRegistry(), language: "fr" });
    expect(await api.context("pageLanguage")).toEqual({ language: "fr" });
    const error = await api.call("private").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanClientError);
    expect((error as MizanClientError).message).toBe(fr["http.UNAUTHENTICATED"]);
    const plainApi = createInProcessClient({ registry: languageRegistry() });
    expect(await plainApi.context("pageLanguage")).toEqual({ language: "en" });
    // Inside a withLocale block, a client without a language follows the block.
    expect(await withLocale("ar", () => plainApi.context("pageLanguage"))).toEqual({
      language: "ar",
    });
  });
});
