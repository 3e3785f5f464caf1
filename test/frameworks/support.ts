/**
 * What every framework test runs against its mounted handler: one registry (the README's
 * ContactForm and a form with a FileField) and four browser-shaped exchanges over real HTTP,
 * each through the CSRF double-submit a browser session goes through.
 */
import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import type { RequestContext } from "../../src/core/context.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { FileField } from "../../src/forms/fields/file-field.js";
import { type CleanedData, Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ContactForm } from "../fixtures/forms.js";

export class UploadForm extends Form {
  static override meta = formMeta({ name: "upload" });
  title = new CharField({ maxLength: 50 });
  attachment = new FileField({ maxSize: 64 * 1024 });

  async onSubmitSuccess(_ctx: RequestContext, data: CleanedData<UploadForm>) {
    const file = data.attachment as File;
    const bytes = new Uint8Array(await file.arrayBuffer());
    return {
      title: data.title,
      name: file.name,
      type: file.type,
      size: file.size,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  }
}

/** How many times a form's `onSubmitSuccess` ran: a refused call must leave it at 0. */
export const submitted = { count: 0 };

class CountedContactForm extends ContactForm {
  static override meta = formMeta({ name: "contact", title: "Contact Us" });
  override async onSubmitSuccess(ctx: RequestContext, data: CleanedData<ContactForm>) {
    submitted.count++;
    return super.onSubmitSuccess(ctx, data);
  }
}

/** A fresh registry with `contact` and `upload`. */
export function frameworkRegistry(): Registry {
  const registry = new Registry();
  registry.register(CountedContactForm);
  registry.register(UploadForm);
  return registry;
}

export const VALID_CONTACT = {
  name: "Ada",
  email: "ada@example.com",
  topic: "support",
  message: "Hello from a real server.",
};

// biome-ignore lint/suspicious/noExplicitAny: bodies are read by shape
export type Json = any;

/** A browser session: `GET {base}/manifest/` hands it the csrftoken cookie, as on page load. */
export async function browserSession(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${baseUrl}/manifest/`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  const line = response.headers.getSetCookie().find((c) => c.startsWith("csrftoken="));
  const token = line?.split(";")[0]?.slice("csrftoken=".length) ?? "";
  expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
  return { cookie: `sessionid=s1; csrftoken=${token}`, token };
}

/** POST `{base}/call/` as JSON with the session's cookie and token. */
export async function callJson(
  baseUrl: string,
  fn: string,
  args: unknown,
  session: { cookie: string; token?: string },
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${baseUrl}/call/`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: session.cookie,
      ...(session.token !== undefined && { "x-csrftoken": session.token }),
    },
    body: JSON.stringify({ fn, args }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Bytes that are not UTF-8 text, so a body decoded and re-encoded as text would not survive. */
export function binaryFile(): { file: File; sha256: string } {
  const bytes = new Uint8Array(3000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
  return {
    file: new File([bytes], "scan.bin", { type: "application/octet-stream" }),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** The four exchanges, each as a test body over `baseUrl` (`{origin}/api/mizan`). */
export const scenarios = {
  async submitSucceeds(baseUrl: string): Promise<void> {
    const session = await browserSession(baseUrl);
    const before = submitted.count;
    const { status, body, headers } = await callJson(
      baseUrl,
      "contact.submit",
      { data: VALID_CONTACT },
      session,
    );
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      result: { sent: true, to: "ada@example.com" },
      invalidate: [],
      merge: [],
    });
    expect(submitted.count).toBe(before + 1);
  },

  async invalidIs422(baseUrl: string): Promise<void> {
    const session = await browserSession(baseUrl);
    const before = submitted.count;
    const { status, body } = await callJson(
      baseUrl,
      "contact.submit",
      { data: { ...VALID_CONTACT, email: "not-an-email", message: "short" } },
      session,
    );
    expect(status).toBe(422);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.fields).toEqual({
      email: [{ message: "Enter a valid email address.", code: "invalid" }],
      message: [
        {
          message: "Ensure this value has at least 10 characters (it has 5).",
          code: "min_length",
        },
      ],
    });
    expect(submitted.count).toBe(before);
  },

  async csrfRefused(baseUrl: string): Promise<void> {
    const { cookie } = await browserSession(baseUrl);
    const before = submitted.count;
    const { status, body } = await callJson(
      baseUrl,
      "contact.submit",
      { data: VALID_CONTACT },
      { cookie },
    );
    expect(status).toBe(403);
    expect(body.error.code).toBe("CSRF_FAILED");
    expect(submitted.count).toBe(before);
  },

  /**
   * `bytes`: send the multipart body as fixed bytes (what a browser re-sends on a 308), not as
   * a FormData, which Node's fetch re-encodes with a new boundary when it follows a redirect.
   */
  async uploadRoundTrips(baseUrl: string, { bytes = false } = {}): Promise<void> {
    const session = await browserSession(baseUrl);
    const { file, sha256 } = binaryFile();
    const form = new FormData();
    form.append("fn", "upload.submit");
    form.append("args", JSON.stringify({ data: { title: "Quarterly scan" } }));
    form.append("args.data.attachment", file);
    const encoded = new Response(form);
    const response = await fetch(`${baseUrl}/call/`, {
      method: "POST",
      headers: {
        cookie: session.cookie,
        "x-csrftoken": session.token,
        ...(bytes && { "content-type": encoded.headers.get("content-type") ?? "" }),
      },
      body: bytes ? await encoded.blob() : form,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Json).result).toEqual({
      title: "Quarterly scan",
      name: "scan.bin",
      type: "application/octet-stream",
      size: 3000,
      sha256,
    });
  },

  /** A urlencoded call (`fn` + `args` fields); returns the response for framework checks. */
  async urlencodedCall(baseUrl: string): Promise<Response> {
    const session = await browserSession(baseUrl);
    const response = await fetch(`${baseUrl}/call/`, {
      method: "POST",
      headers: { cookie: session.cookie, "x-csrftoken": session.token },
      body: new URLSearchParams({
        fn: "contact.submit",
        args: JSON.stringify({ data: VALID_CONTACT }),
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.clone().json()) as Json).result).toEqual({
      sent: true,
      to: "ada@example.com",
    });
    return response;
  },

  /** The app's own `/health` route, beside mizan's. */
  async otherRoutesAnswer(baseUrl: string): Promise<void> {
    const response = await fetch(new URL("/health", baseUrl));
    expect(await response.json()).toEqual({ ok: true });
  },
};

/**
 * The exchanges every mounted app must answer, declared as tests over `start()` (which mounts
 * the handler the documented way and returns `{origin}/api/mizan`).
 */
export function mountedAppTests(start: () => Promise<string>): void {
  test("a form submit succeeds", async () => {
    await scenarios.submitSucceeds(await start());
  });
  test("invalid data is a 422 with Django's messages", async () => {
    await scenarios.invalidIs422(await start());
  });
  test("a cookie-carrying call without the token is 403 CSRF_FAILED", async () => {
    await scenarios.csrfRefused(await start());
  });
  test("a multipart upload round-trips", async () => {
    await scenarios.uploadRoundTrips(await start());
  });
  test("a urlencoded call (a body parser in front may have read it)", async () => {
    await scenarios.urlencodedCall(await start());
  });
  test("the app's other routes still answer", async () => {
    await scenarios.otherRoutesAnswer(await start());
  });
}
