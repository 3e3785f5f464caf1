import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectNoPrototypePollution } from "../helpers/handler-requests.js";
import {
  BASE,
  contactPairs,
  handlerFor,
  management,
  multipart,
  raw,
  submitted,
  TOKEN,
  urlencoded,
} from "./native-forms.js";

beforeEach(() => {
  submitted.length = 0;
});
afterEach(expectNoPrototypePollution);

const withoutManagement = () => contactPairs().filter(([k]) => !k.includes("_FORMS"));

async function statusAndText(request: Request) {
  const response = await handlerFor()(request);
  return { status: response.status, text: await response.text(), response };
}

describe("hostile native posts", () => {
  it("refuses 5,000 fields with a 400, urlencoded and multipart", async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `f${i}=x`).join("&");
    const url = await statusAndText(urlencoded(`csrfmiddlewaretoken=${TOKEN}&${many}`));
    expect(url.status).toBe(400);
    expect(url.text).toContain("Too many fields");
    const form = new FormData();
    for (let i = 0; i < 5000; i++) form.append(`f${i}`, "x");
    const parts = await statusAndText(multipart(form));
    expect(parts.status).toBe(400);
    expect(parts.response.headers.get("content-type")).toContain("text/html");
  });

  it("honours a lower limits.maxNumberOfFields", async () => {
    const handler = handlerFor({ limits: { maxNumberOfFields: 3 } });
    expect((await handler(urlencoded(contactPairs()))).status).toBe(400);
  });

  it("reads repeated management fields as Django does (the last one)", async () => {
    const last = await statusAndText(
      urlencoded([...contactPairs(), ["lines-TOTAL_FORMS", "1000000000"]]),
    );
    expect(last.status).toBe(422);
    expect(last.text).toContain("Please submit at most 3 forms.");
    const good = await handlerFor()(
      urlencoded([["lines-TOTAL_FORMS", "1000000000"], ...contactPairs()]),
    );
    expect(good.status).toBe(303);
  });

  it("answers TOTAL_FORMS of 10^9 (and absurd numbers) with a 422, building no rows", async () => {
    for (const total of ["1000000000", "9".repeat(400), "1e9"]) {
      const started = performance.now();
      const pairs = [...withoutManagement(), ...management(total)];
      const { status, text } = await statusAndText(urlencoded(pairs));
      expect(status).toBe(422);
      expect(text).toMatch(/Please submit at most 3 forms|ManagementForm data is missing/);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(submitted).toEqual([]);
  });

  it("reports a missing or tampered ManagementForm by Django's message, submitting nothing", async () => {
    const missing = await statusAndText(urlencoded(withoutManagement()));
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("ManagementForm data is missing or has been tampered with");
    expect(missing.text).toContain("lines-TOTAL_FORMS, lines-INITIAL_FORMS");
    const tampered = await statusAndText(
      urlencoded([...withoutManagement(), ...management("abc", "0")]),
    );
    expect(tampered.status).toBe(422);
    expect(tampered.text).toContain("Missing fields: lines-TOTAL_FORMS.");
    expect(submitted).toEqual([]);
  });

  it("ignores __proto__ and constructor names: no pollution, the form still submits", async () => {
    const pairs: Array<[string, string]> = [
      ["__proto__", "x"],
      ["__proto__[polluted]", "1"],
      ["constructor", "y"],
      ["constructor[prototype][polluted]", "1"],
      ["address-__proto__-polluted", "1"],
      ["lines-0-__proto__", "1"],
      ["lines-__proto__-TOTAL_FORMS", "5"],
    ];
    const response = await handlerFor()(urlencoded([...contactPairs(), ...pairs]));
    expect(response.status).toBe(303);
    const sent = submitted[0] as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(
      ["address", "attachment", "email", "lines", "name", "subscribe", "topics"].sort(),
    );
    const form = new FormData();
    for (const [k, v] of [...contactPairs(), ...pairs]) form.append(k, v);
    form.append("__proto__", new File(["x"], "x.txt"));
    expect((await handlerFor()(multipart(form))).status).toBe(303);
  });

  it("refuses malformed bodies with a 400, never a 500", async () => {
    const cookie = { cookie: `csrftoken=${TOKEN}` };
    const cases: Array<[string, string]> = [
      [
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nv',
        "multipart/form-data; boundary=x",
      ],
      ["no boundary", "multipart/form-data"],
      ["garbage", "multipart/form-data; boundary=abc"],
      ["--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--\r\n", "multipart/form-data; boundary=b"],
    ];
    for (const [body, type] of cases) {
      const { status, response } = await statusAndText(raw(body, type, cookie));
      expect(status).toBe(400);
      expect(response.headers.get("content-type")).toContain("text/html");
    }
    const badUtf8 = new Request(`${BASE}/form/contact/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `csrftoken=${TOKEN}`,
      },
      body: new Uint8Array([0x6e, 0x3d, 0xff, 0xfe]),
    });
    expect((await handlerFor()(badUtf8)).status).toBe(400);
    // Broken percent-escapes decode as URLSearchParams does (kept literally), not a 500.
    const escapes = await handlerFor()(
      urlencoded(`${new URLSearchParams(contactPairs())}&name=%E0%A4%A`),
    );
    expect(escapes.status).toBe(303);
  });

  it("answers a body over the byte limit with a 413 HTML page", async () => {
    const handler = handlerFor({ limits: { maxBodyBytes: 100 } });
    const response = await handler(urlencoded([...contactPairs(), ["name", "x".repeat(500)]]));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("only accepts POST", async () => {
    const response = await handlerFor()(new Request(`${BASE}/form/contact/`));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
