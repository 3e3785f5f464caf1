import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect } from "vitest";
import { z } from "zod";
import { client, Registry } from "../../src/core/index.js";
import { BooleanField } from "../../src/forms/fields/boolean-field.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { ChoiceField } from "../../src/forms/fields/choice-field.js";
import { DateField } from "../../src/forms/fields/date-field.js";
import { DateTimeField } from "../../src/forms/fields/date-time-field.js";
import { DecimalField } from "../../src/forms/fields/decimal-field.js";
import { DurationField } from "../../src/forms/fields/duration-field.js";
import { EmailField } from "../../src/forms/fields/email-field.js";
import { FileField } from "../../src/forms/fields/file-field.js";
import { FloatField } from "../../src/forms/fields/float-field.js";
import { GenericIPAddressField } from "../../src/forms/fields/generic-ip-address-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { JSONField } from "../../src/forms/fields/json-field.js";
import { MultipleChoiceField } from "../../src/forms/fields/multiple-choice-field.js";
import { NullBooleanField } from "../../src/forms/fields/null-boolean-field.js";
import { RegexField } from "../../src/forms/fields/regex-field.js";
import { SlugField } from "../../src/forms/fields/slug-field.js";
import { TimeField } from "../../src/forms/fields/time-field.js";
import { TypedChoiceField } from "../../src/forms/fields/typed-choice-field.js";
import { URLField } from "../../src/forms/fields/url-field.js";
import { UUIDField } from "../../src/forms/fields/uuid-field.js";
import { Form } from "../../src/forms/form.js";
import { FormField } from "../../src/forms/form-field.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { FormSet } from "../../src/forms/formsets.js";

/** A secret that a handler throws; no response body may ever contain it. */
export const SECRET = "s3cr3t-db-password-9f1c";

/** The statuses docs/protocol.md's table allows, with their codes. */
export const STATUS_CODES: Record<number, readonly string[]> = {
  400: ["BAD_REQUEST"],
  401: ["UNAUTHENTICATED"],
  403: ["FORBIDDEN", "CSRF_FAILED"],
  404: ["NOT_FOUND"],
  405: ["METHOD_NOT_ALLOWED"],
  413: ["PAYLOAD_TOO_LARGE"],
  415: ["UNSUPPORTED_MEDIA_TYPE"],
  422: ["VALIDATION_FAILED"],
  500: ["INTERNAL"],
};

class AddressForm extends Form {
  static override meta = formMeta({ name: "address" });
  street = new CharField({ maxLength: 50 });
  city = new CharField();
  photo = new FileField({ required: false, maxSize: 1024 });
}

class ItemForm extends Form {
  static override meta = formMeta({ name: "item" });
  product = new ChoiceField({
    choices: [
      ["a", "A"],
      ["b", "B"],
    ],
  });
  quantity = new IntegerField({ minValue: 1, maxValue: 99 });
  scan = new FileField({ required: false, maxSize: 2048 });
}

/** One field of every family, a nested form and a formset: the surface fuzzed with bad data. */
export class EverythingForm extends Form {
  static override meta = formMeta({ name: "everything" });
  text = new CharField({ maxLength: 20, minLength: 2 });
  email = new EmailField();
  count = new IntegerField({ minValue: 0, maxValue: 1000 });
  ratio = new FloatField({ required: false });
  price = new DecimalField({ maxDigits: 6, decimalPlaces: 2, required: false });
  agree = new BooleanField({ required: false });
  maybe = new NullBooleanField({ required: false });
  topic = new ChoiceField({
    choices: [
      ["sales", "Sales"],
      ["support", "Support"],
    ],
  });
  tags = new MultipleChoiceField({
    choices: [
      ["x", "X"],
      ["y", "Y"],
    ],
    required: false,
  });
  level = new TypedChoiceField({
    choices: [
      ["1", "One"],
      ["2", "Two"],
    ],
    coerce: Number,
    required: false,
  });
  day = new DateField({ required: false });
  at = new DateTimeField({ required: false });
  time = new TimeField({ required: false });
  span = new DurationField({ required: false });
  site = new URLField({ required: false });
  uuid = new UUIDField({ required: false });
  slug = new SlugField({ required: false });
  code = new RegexField(/^[A-Z]{3}$/, { required: false });
  ip = new GenericIPAddressField({ required: false });
  extra = new JSONField({ required: false });
  avatar = new FileField({ required: false, maxSize: 4096, allowedContentTypes: ["image/*"] });
  address = new FormField(AddressForm, { required: false });
  items = new FormSet(ItemForm, { maxNum: 5 });
}

/** Everything the hardening tests call: the README echo, a thrower, the big form. */
export function hardeningRegistry(): Registry {
  const registry = new Registry();
  registry.register(
    client({ input: z.object({ text: z.string() }) }, (_ctx, { text }) => ({ message: text })),
    "echo",
  );
  registry.register(
    client((_ctx, args) => args),
    "identity",
  );
  registry.register(
    client(() => {
      throw new Error(SECRET);
    }),
    "boom",
  );
  registry.register(EverythingForm);
  return registry;
}

/**
 * True for a GET that reaches a context route, `{base}/ctx/<one segment>/`, which answers
 * `Cache-Control: private, no-store` (docs/protocol.md) whatever its status.
 */
export function isContextRead(method: string, path: string): boolean {
  if (method !== "GET") return false;
  // Joined as the request's URL is (a path such as "//" is not a relative URL of its own).
  const { pathname } = new URL(`http://mizan.test${path}`);
  const segment = /^\/api\/mizan\/+ctx\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (segment === undefined) return false;
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Nothing reachable from a literal gained a property. */
export function expectNoPollution(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
    expect(Object.getOwnPropertyNames(proto)).not.toContain("polluted");
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isStaff).toBeUndefined();
}

/**
 * The answer is one of docs/protocol.md's: a 200 success envelope (or manifest), or the error
 * envelope with the code of its status; a 500 only where `allow500` says a handler threw.
 */
export function expectDocumented(
  status: number,
  headers: Headers,
  text: string,
  options: { allow500?: boolean; manifest?: boolean; contextRead?: boolean } = {},
): void {
  // A context read is per user and says so; every other answer is plain `no-store`.
  expect(headers.get("cache-control")).toBe(options.contextRead ? "private, no-store" : "no-store");
  expect(headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  if (status === 200) {
    if (options.manifest) expect(body).toHaveProperty("version");
    else expect(Object.keys(body)).toEqual(["result", "invalidate", "merge"]);
    return;
  }
  expect(Object.keys(STATUS_CODES).map(Number)).toContain(status);
  if (status === 500 && !options.allow500) throw new Error(`unexpected 500: ${text}`);
  expect(Object.keys(body)).toEqual(["error"]);
  const error = body.error as Record<string, unknown>;
  expect(Object.keys(error)).toEqual(["code", "message", "details"]);
  expect(STATUS_CODES[status]).toContain(error.code);
  expect(typeof error.message).toBe("string");
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/\bat \S+ \(|node:internal|\.ts:\d+/);
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The heap still in use after a full collection: what a test retained, not its garbage. */
export function retainedHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
