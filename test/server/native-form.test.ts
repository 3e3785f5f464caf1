import { beforeEach, describe, expect, it } from "vitest";
import { csrfToken, handleFormPost } from "../../src/server/index.js";
import {
  BASE,
  contactPairs,
  handlerFor,
  management,
  multipart,
  raw,
  registry,
  submitted,
  TOKEN,
  urlencoded,
} from "./native-forms.js";

beforeEach(() => {
  submitted.length = 0;
});

describe("POST {base}/form/<name>/", () => {
  it("submits a urlencoded post and answers 303 to successUrl", async () => {
    const pairs = contactPairs([
      ["topics", "news"],
      ["topics", "offers"],
      ["address-street", "1 Main St"],
    ]);
    const response = await handlerFor()(urlencoded(pairs));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/thanks/");
    expect(response.headers.getSetCookie().join()).toContain("seen=1");
    expect(submitted).toEqual([
      {
        name: "Ada",
        email: "ada@example.com",
        topics: ["news", "offers"],
        subscribe: false,
        address: { street: "1 Main St", city: "" },
        lines: [{ sku: "A1", qty: 2 }],
        attachment: null,
      },
    ]);
  });

  it("reads a ticked checkbox, an empty optional nested form and an upload from multipart", async () => {
    const data = new FormData();
    for (const [k, v] of contactPairs([["subscribe", "on"]])) data.append(k, v);
    data.append("attachment", new File(["hello"], "note.txt", { type: "text/plain" }));
    const response = await handlerFor()(multipart(data));
    expect(response.status).toBe(303);
    const sent = submitted[0] as Record<string, unknown>;
    expect(sent.subscribe).toBe(true);
    expect(sent.address).toBeNull();
    expect(sent.attachment).toBeInstanceOf(File);
    expect(await (sent.attachment as File).text()).toBe("hello");
  });

  it("re-renders a 422 HTML page, escaped, with the errors by field", async () => {
    const pairs = contactPairs([["email", "<script>x</script>"]]);
    const response = await handlerFor()(
      urlencoded(pairs, { headers: { referer: "http://test.local/contact/" } }),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<dt>email</dt>");
    expect(html).toContain("Enter a valid email address.");
    expect(html).not.toContain("<script>");
    expect(html).toContain('href="http://test.local/contact/"');
    expect(submitted).toEqual([]);
  });

  it("hands the invalid state to renderFormPage", async () => {
    const handler = handlerFor({
      renderFormPage: (state) =>
        new Response(JSON.stringify(state), { status: 422, headers: { "x-page": "app" } }),
    });
    const pairs = contactPairs([["lines-0-qty", "0"]]);
    const response = await handler(urlencoded(pairs));
    expect(response.headers.get("x-page")).toBe("app");
    const state = await response.json();
    expect(state.form).toBe("contact");
    expect(state.values.lines).toEqual([{ sku: "A1", qty: "0" }]);
    expect(state.errors.fields["lines.0.qty"][0].code).toBe("min_value");
  });

  it("puts a ValidationError from onSubmitSuccess on the page as a non-field error", async () => {
    const response = await handlerFor()(urlencoded(contactPairs([["name", "taken"]])));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("That name is taken.");
  });

  it("without successUrl goes back to a same-origin Referer, else says Submitted.", async () => {
    const pairs: Array<[string, string]> = [
      ["csrfmiddlewaretoken", TOKEN],
      ["p-email", "a@b.co"],
    ];
    const options = { form: "prefixed", headers: { "x-user": "1" } };
    const back = await handlerFor()(
      urlencoded(pairs, {
        ...options,
        headers: { ...options.headers, referer: "http://test.local/p/" },
      }),
    );
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("http://test.local/p/");
    const foreign = await handlerFor()(
      urlencoded(pairs, {
        ...options,
        headers: { ...options.headers, referer: "https://evil.com/" },
      }),
    );
    expect(foreign.status).toBe(200);
    expect(await foreign.text()).toContain("Submitted.");
  });

  it("runs auth through dispatch: anonymous is a 401 HTML page", async () => {
    const response = await handlerFor()(
      urlencoded(
        [
          ["csrfmiddlewaretoken", TOKEN],
          ["p-email", "a@b.co"],
        ],
        { form: "prefixed" },
      ),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("redirects to a safe next, and ignores unsafe ones", async () => {
    const go = async (next: string, where: "field" | "query") => {
      const extra: Array<[string, string]> = where === "field" ? [["next", next]] : [];
      const query = where === "query" ? `?next=${encodeURIComponent(next)}` : "";
      const response = await handlerFor()(urlencoded(contactPairs(extra), { query }));
      return response.headers.get("location");
    };
    expect(await go("/orders/?id=3", "field")).toBe("/orders/?id=3");
    expect(await go("/orders/", "query")).toBe("/orders/");
    for (const unsafe of [
      "//evil.com",
      "https://evil.com",
      "/\\evil.com",
      "javascript:alert(1)",
      "%2F%2Fevil.com",
      "/\t/evil.com",
      "",
    ]) {
      expect(await go(unsafe, "field")).toBe("/thanks/");
      expect(await go(unsafe, "query")).toBe("/thanks/");
    }
    // Raw in the query string, a percent-encoded //evil.com decodes to //evil.com: refused.
    const response = await handlerFor()(
      urlencoded(contactPairs(), { query: "?next=%2F%2Fevil.com" }),
    );
    expect(response.headers.get("location")).toBe("/thanks/");
  });

  it("refuses a post without or with a wrong csrfmiddlewaretoken: 403 HTML", async () => {
    const handler = handlerFor();
    const missing = contactPairs().filter(([k]) => k !== "csrfmiddlewaretoken");
    for (const pairs of [missing, [...missing, ["csrfmiddlewaretoken", "x".repeat(32)]]]) {
      const response = await handler(urlencoded(pairs as Array<[string, string]>));
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("CSRF verification failed");
    }
    expect(submitted).toEqual([]);
  });

  it("404s an unknown form and 415s a JSON body, as HTML", async () => {
    const unknown = await handlerFor()(urlencoded(contactPairs(), { form: "nope" }));
    expect(unknown.status).toBe(404);
    const json = await handlerFor()(raw("{}", "application/json"));
    expect(json.status).toBe(415);
    expect(json.headers.get("content-type")).toContain("text/html");
  });
});

describe("handleFormPost", () => {
  const request = (pairs: Array<[string, string]>) => urlencoded(pairs);

  it("answers ok with the result and the redirect", async () => {
    const state = await handleFormPost(request(contactPairs()), "contact", {
      registry: registry(),
    });
    expect(state).toMatchObject({ status: "ok", result: { ok: true }, redirect: "/thanks/" });
  });

  it("answers invalid with the values sent (files left out) and the 422's errors", async () => {
    const pairs = contactPairs([["email", "nope"], ...management(1)]);
    const form = new FormData();
    for (const [k, v] of pairs) form.append(k, v);
    form.append("attachment", new File(["x"], "x.txt"));
    const state = await handleFormPost(multipart(form), "contact", { registry: registry() });
    expect(state.status).toBe("invalid");
    if (state.status !== "invalid") return;
    expect(state.values.email).toBe("nope");
    expect(state.values).not.toHaveProperty("attachment");
    expect(state.errors.fields.email?.[0]?.code).toBe("invalid");
    expect(state.errors.non_field).toEqual([]);
  });

  it("throws a MizanError for what is not a validation failure", async () => {
    const noToken = contactPairs().filter(([k]) => k !== "csrfmiddlewaretoken");
    await expect(
      handleFormPost(request(noToken), "contact", { registry: registry() }),
    ).rejects.toMatchObject({ code: "CSRF_FAILED", status: 403 });
  });
});

describe("csrfToken", () => {
  it("reuses the cookie's token, else issues one with its Set-Cookie", () => {
    const known = csrfToken(new Request(BASE, { headers: { cookie: `csrftoken=${TOKEN}` } }));
    expect(known).toEqual({ token: TOKEN, setCookie: null });
    const fresh = csrfToken(new Request(BASE));
    expect(fresh.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(fresh.setCookie).toContain(`csrftoken=${fresh.token};`);
  });
});
