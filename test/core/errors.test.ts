import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { refusal } from "../../src/core/errors.js";
import { ERROR_STATUS, MizanError, zodErrorDetails } from "../../src/core/index.js";

describe("MizanError", () => {
  test("the status table is docs/protocol.md's", () => {
    expect(ERROR_STATUS).toEqual({
      BAD_REQUEST: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      CSRF_FAILED: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      VALIDATION_FAILED: 422,
      RATE_LIMITED: 429,
      INTERNAL: 500,
      UNAVAILABLE: 503,
    });
  });

  test("docs/protocol.md's table lists exactly these codes and statuses", () => {
    const doc = readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` +\| (\d{3}) +\|/gm)].map(([, code, status]) => [
      code,
      Number(status),
    ]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_STATUS);
    expect(rows).toHaveLength(Object.keys(ERROR_STATUS).length);
  });

  test("each code has its status and a default message", () => {
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) {
      const error = new MizanError(code);
      expect(error.status).toBe(ERROR_STATUS[code]);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.details).toBeNull();
    }
  });

  test("toEnvelope is the wire's error envelope", () => {
    const error = new MizanError("FORBIDDEN", "Editors only.", { role: "editor" });
    expect(error.toEnvelope()).toEqual({
      error: { code: "FORBIDDEN", message: "Editors only.", details: { role: "editor" } },
    });
  });

  test("fromUnknown keeps a MizanError and hides anything else behind INTERNAL", () => {
    const known = new MizanError("NOT_FOUND");
    expect(MizanError.fromUnknown(known)).toBe(known);
    const secret = new Error("password=hunter2");
    const wrapped = MizanError.fromUnknown(secret);
    expect(wrapped.code).toBe("INTERNAL");
    expect(wrapped.cause).toBe(secret);
    expect(JSON.stringify(wrapped.toEnvelope())).not.toContain("hunter2");
    expect(JSON.stringify(wrapped.toEnvelope(true))).toContain("hunter2");
  });

  test("debug adds nothing to errors that are not INTERNAL", () => {
    const error = new MizanError("BAD_REQUEST", "Nope.", null, new Error("inner"));
    expect(error.toEnvelope(true).error.details).toBeNull();
  });
});

describe("zodErrorDetails", () => {
  test("groups issues by dotted path; root issues are non_field", () => {
    const schema = z
      .object({ email: z.email(), items: z.array(z.object({ qty: z.number().min(1) })) })
      .refine(() => false, { message: "Always wrong." });
    const result = schema.safeParse({ email: "x", items: [{ qty: 0 }] });
    if (result.success) throw new Error("expected a failure");
    const details = zodErrorDetails(result.error);
    expect(Object.keys(details.fields).sort()).toEqual(["email", "items.0.qty"]);
    expect(details.fields["items.0.qty"]?.[0]?.code).toBe("too_small");
  });

  test("a __proto__ field path stays an own key and pollutes nothing", () => {
    const schema = z.object({}).superRefine((_value, ctx) => {
      ctx.addIssue({ code: "custom", path: ["__proto__"], message: "Bad key." });
      ctx.addIssue({ code: "custom", path: ["__proto__"], message: "Still bad." });
    });
    const result = schema.safeParse({});
    if (result.success) throw new Error("expected a failure");
    const details = zodErrorDetails(result.error);
    expect(Object.hasOwn(details.fields, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(details.fields)).toBe(Object.prototype);
    const wire = JSON.parse(JSON.stringify(details));
    expect(Object.getOwnPropertyDescriptor(wire.fields, "__proto__")?.value).toEqual([
      { message: "Bad key.", code: "custom" },
      { message: "Still bad.", code: "custom" },
    ]);
  });
});

describe("refusal: mizan's own expected refusals", () => {
  test("answers as the same MizanError would, without a captured stack", () => {
    const details = {
      fields: { name: [{ message: "Required.", code: "required" }] },
      non_field: [],
    };
    const made = refusal("VALIDATION_FAILED", undefined, details);
    const thrown = new MizanError("VALIDATION_FAILED", undefined, details);
    expect(made).toBeInstanceOf(MizanError);
    expect(made.status).toBe(422);
    expect(made.toEnvelope()).toEqual(thrown.toEnvelope());
    expect(made.stack).toBe("MizanError: Validation failed.");
    expect(thrown.stack).toContain("\n    at ");
  });

  test("leaves Error.stackTraceLimit as it was", () => {
    const before = Error.stackTraceLimit;
    refusal("FORBIDDEN", "No.");
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("x").stack).toContain("\n    at ");
  });
});
