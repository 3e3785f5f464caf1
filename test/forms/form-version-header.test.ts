import { describe, expect, test } from "vitest";
import { dispatch, outcomeHeaders } from "../../src/core/dispatch.js";
import { formVersion } from "../../src/forms/form-schema.js";
import {
  CharField,
  createContext,
  Form,
  formMeta,
  Registry,
  type RequestContext,
} from "../../src/index.js";
import { createHandler } from "../../src/server/index.js";
import { callRequest } from "../helpers/handler-requests.js";

class NoteForm extends Form<NoteForm> {
  static override meta = formMeta({ name: "note" });
  title = new CharField({ maxLength: 5 });
}

/** A form whose clean reads and writes the call's response headers. */
class VaryForm extends Form<VaryForm> {
  static override meta = formMeta({ name: "vary" });
  title = new CharField();
  override clean(ctx: RequestContext) {
    seenVersion = ctx.responseHeaders.get("X-Mizan-Form-Version");
    ctx.responseHeaders.set("Vary", "Cookie");
    return super.clean(ctx);
  }
}
let seenVersion: string | null = null;

/** A form whose clean throws an unexpected error (a 500). */
class BrokenForm extends Form<BrokenForm> {
  static override meta = formMeta({ name: "broken" });
  title = new CharField();
  override clean(_ctx: RequestContext): never {
    throw new Error("boom");
  }
}

function registry(): Registry {
  const r = new Registry();
  r.register(NoteForm);
  r.register(VaryForm);
  r.register(BrokenForm);
  return r;
}

describe("X-Mizan-Form-Version", () => {
  test("a validate or submit call in process leaves it in ctx.responseHeaders", async () => {
    const r = registry();
    for (const fn of ["note.validate", "note.submit"]) {
      const ctx = createContext();
      await r.call(fn, ctx, { data: { title: "hi" } }).catch(() => undefined);
      expect(ctx.responseHeaders.get("X-Mizan-Form-Version")).toBe(formVersion(NoteForm));
      expect([...ctx.responseHeaders]).toEqual([["x-mizan-form-version", formVersion(NoteForm)]]);
    }
  });

  test("the form sees it while cleaning, and headers it sets come after it", async () => {
    const ctx = createContext();
    const result = await registry().call("vary.validate", ctx, { data: { title: "x" } });
    expect(result).toMatchObject({ valid: true });
    expect(seenVersion).toBe(formVersion(VaryForm));
    expect([...ctx.responseHeaders]).toEqual([
      ["vary", "Cookie"],
      ["x-mizan-form-version", formVersion(VaryForm)],
    ]);
  });

  test("a context's own responseHeaders factory gets it", async () => {
    const own = new Headers({ "X-Own": "1" });
    const ctx = createContext({ responseHeaders: () => own });
    await registry().call("note.validate", ctx, { data: {} });
    expect(ctx.responseHeaders).toBe(own);
    expect(own.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
  });

  test("a context not made by createContext gets it on its own headers", async () => {
    const headers = new Headers();
    const ctx = { ...createContext(), responseHeaders: headers } as RequestContext;
    await registry().call("note.validate", ctx, { data: {} });
    expect(headers.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
  });

  test("dispatch's outcome carries it, on success and on errors", async () => {
    const r = registry();
    const request = new Request("http://localhost/");
    const ok = await dispatch("note.validate", { data: { title: "toolong" } }, request, {
      registry: r,
    });
    expect(ok.kind).toBe("result");
    expect(outcomeHeaders(ok)?.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
    expect(ok.headers.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
    const refused = await dispatch("note.submit", { data: {} }, request, { registry: r });
    expect(refused).toMatchObject({ kind: "error", status: 422 });
    expect(outcomeHeaders(refused)?.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
    const broken = await dispatch("broken.validate", { data: { title: "x" } }, request, {
      registry: r,
      onError: () => {},
    });
    expect(broken).toMatchObject({ kind: "error", status: 500 });
    expect(outcomeHeaders(broken)?.get("x-mizan-form-version")).toBe(formVersion(BrokenForm));
  });

  test("reaches the HTTP answer, with the form's own headers", async () => {
    const handler = createHandler({ registry: registry(), csrf: false, onError: () => {} });
    const valid = await handler(callRequest("note.validate", { data: { title: "hi" } }));
    expect(valid.status).toBe(200);
    expect(valid.headers.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
    const invalid = await handler(callRequest("note.submit", { data: {} }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("x-mizan-form-version")).toBe(formVersion(NoteForm));
    const vary = await handler(callRequest("vary.validate", { data: { title: "x" } }));
    expect(vary.headers.get("vary")).toBe("Cookie");
    expect(vary.headers.get("x-mizan-form-version")).toBe(formVersion(VaryForm));
  });

  test("a stale version is reported against the server's", async () => {
    const r = registry();
    const current = await r.call("note.validate", createContext(), {
      data: {},
      version: formVersion(NoteForm),
    });
    expect(current).toMatchObject({ stale: false });
    const old = await r.call("note.validate", createContext(), { data: {}, version: "old" });
    expect(old).toMatchObject({ stale: true });
  });
});
