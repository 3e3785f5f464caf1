import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import type { ValidationDetails, WireErrorItem } from "../../src/core/errors.js";
import type { Form } from "../../src/forms/form.js";
import { ContactForm, fixtureRegistry, OrderForm, SignupForm } from "./fixtures/forms.js";
import { emit, TMP } from "./helpers.js";
import {
  anyString,
  aroundLength,
  aroundNumber,
  numericText,
  padded,
  wrongTypes,
} from "./parity/arbitraries.js";

/** Cases per example form (at least 10,000; FORM_PARITY_RUNS overrides). */
const RUNS = Number(process.env.FORM_PARITY_RUNS ?? 10_000);

type Errors = Record<string, WireErrorItem[]>;
interface FormVerdict {
  errors: Errors;
  data?: unknown;
}

/** The server's verdict on a whole submission: `<name>.validate`'s field errors. */
async function serverVerdict(
  FormClass: new (options: { data: Record<string, unknown> }) => Form,
  data: Record<string, unknown>,
  serverOnly: ReadonlySet<string>,
): Promise<FormVerdict> {
  const form = new FormClass({ data });
  const valid = await form.isValid();
  const details: ValidationDetails = form.errorDetails();
  const errors: Errors = {};
  let dropped = false;
  for (const [path, items] of Object.entries(details.fields)) {
    const shared = items.filter((i) => !serverOnly.has(i.code));
    if (shared.length < items.length) dropped = true;
    if (shared.length) errors[path] = shared;
  }
  // A field the server alone refused has no cleaned value to compare.
  return valid || (!Object.keys(errors).length && !dropped)
    ? { errors, data: form.cleanedData }
    : { errors };
}

function clientVerdict(
  schema: z.ZodType,
  data: Record<string, unknown>,
  compareData: boolean,
): FormVerdict {
  const result = schema.safeParse(data);
  if (result.success) return compareData ? { errors: {}, data: result.data } : { errors: {} };
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".");
    const code = String((issue as { params?: { code?: unknown } }).params?.code ?? issue.code);
    errors[path] = [...(errors[path] ?? []), { message: issue.message, code }];
  }
  return { errors };
}

function optionalKeys<T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) {
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

const junk = fc.oneof(wrongTypes, anyString);
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: junk as fc.Arbitrary<unknown> });

/**
 * Submissions of three kinds: valid ones, valid ones with one field changed (to a boundary,
 * a wrong type, or removed), and free-form ones.
 */
function submissions(
  valid: Record<string, fc.Arbitrary<unknown>>,
  any: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const whole = fc.record(valid) as fc.Arbitrary<Record<string, unknown>>;
  const oneChanged = fc.tuple(whole, fc.constantFrom(...Object.keys(any))).chain(([data, key]) =>
    fc.oneof(
      (any[key] as fc.Arbitrary<unknown>).map((value) => ({ ...data, [key]: value })),
      fc.constant(Object.fromEntries(Object.entries(data).filter(([k]) => k !== key))),
    ),
  );
  return fc.oneof(
    { weight: 2, arbitrary: whole },
    { weight: 3, arbitrary: oneChanged },
    { weight: 3, arbitrary: optionalKeys(any) },
  );
}

const contactData = submissions(
  {
    name: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
    email: fc.constantFrom("ada@example.com", "bob.smith@mail.example.org", "x@localhost"),
    topic: fc.constantFrom("sales", "support", "press"),
    message: fc.stringMatching(/^[a-z]{10,30}$/),
  },
  {
    name: sometimes(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), aroundLength(100))),
    email: sometimes(fc.oneof(fc.emailAddress(), padded(fc.emailAddress()))),
    topic: sometimes(fc.constantFrom("sales", "support", "press", "Sales", "")),
    message: sometimes(fc.oneof(aroundLength(10), fc.lorem({ maxCount: 5 }))),
  },
);

const signupData = submissions(
  {
    username: fc.stringMatching(/^[a-z0-9_-]{3,30}$/),
    email: fc.constantFrom("ada@example.com", "root@localhost"),
    password: fc.stringMatching(/^[a-zA-Z0-9]{8,12}$/),
    age: fc.oneof(fc.integer({ min: 13, max: 120 }), fc.integer({ min: 13, max: 120 }).map(String)),
    height: fc.constantFrom("1.5", "12.34", 9.5, null, ""),
    nickname: fc.stringMatching(/^[a-z]{0,12}$/),
    terms: fc.constantFrom(true, "on"),
    newsletter: fc.boolean(),
    likes: fc.subarray(["tea", "coffee"]),
    vegan: fc.constantFrom(true, false, null),
  },
  {
    username: sometimes(
      fc.oneof(
        fc.stringMatching(/^[-\w]{1,12}$/),
        aroundLength(3),
        aroundLength(30),
        fc.constant("admin"),
      ),
    ),
    email: sometimes(fc.emailAddress()),
    password: sometimes(
      fc.oneof(aroundLength(8), padded(fc.string({ minLength: 6, maxLength: 10 }))),
    ),
    age: sometimes(fc.oneof(aroundNumber(13), aroundNumber(120), numericText)),
    height: sometimes(
      fc.oneof(aroundNumber(99.99, 0.01), numericText, fc.constantFrom("1.234", "12.3", null)),
    ),
    nickname: sometimes(fc.oneof(aroundLength(12), fc.constant(null))),
    terms: sometimes(fc.constantFrom(true, false, "on", "false", "0", "", null)),
    newsletter: sometimes(fc.constantFrom(true, false, "on", "False", undefined)),
    likes: sometimes(fc.oneof(fc.subarray(["tea", "coffee", "milk"]), fc.constant("tea"))),
    vegan: sometimes(fc.constantFrom(true, false, null, "true", "2", "3", "unknown", "")),
  },
);

const validItem = fc.record({
  product: fc.constantFrom("tea", "coffee", "mug"),
  quantity: fc.integer({ min: 1, max: 20 }),
});
const anyItem = optionalKeys({
  product: sometimes(fc.constantFrom("tea", "coffee", "mug", "cake")),
  quantity: sometimes(fc.oneof(aroundNumber(1), aroundNumber(20), numericText)),
});
const orderData = submissions(
  {
    shipping: fc.record({
      street: fc.stringMatching(/^[A-Za-z0-9 ]{1,40}$/).filter((s) => s.trim() !== ""),
      city: fc.stringMatching(/^[A-Za-z]{1,20}$/),
      postcode: fc.stringMatching(/^[0-9A-Z]{3,8}$/),
    }),
    items: fc.array(validItem, { minLength: 1, maxLength: 5 }),
    note: fc.string({ maxLength: 10 }),
  },
  {
    shipping: fc.oneof(
      {
        weight: 4,
        arbitrary: optionalKeys({
          street: sometimes(aroundLength(100)),
          city: sometimes(aroundLength(60)),
          postcode: sometimes(aroundLength(10)),
        }),
      },
      { weight: 1, arbitrary: junk },
    ),
    items: fc.oneof(
      { weight: 4, arbitrary: fc.array(fc.oneof(validItem, anyItem), { maxLength: 7 }) },
      { weight: 1, arbitrary: fc.oneof(junk, fc.array(junk, { maxLength: 2 })) },
    ),
    note: sometimes(fc.string({ maxLength: 10 })),
  },
);

const CASES = [
  { name: "contact", form: ContactForm, data: contactData, serverOnly: new Set<string>() },
  // cleanUsername ("taken") runs on the server only.
  { name: "user_signup", form: SignupForm, data: signupData, serverOnly: new Set(["taken"]) },
  { name: "order", form: OrderForm, data: orderData, serverOnly: new Set<string>() },
] as const;

let schemas: Record<string, z.ZodType>;
beforeAll(async () => {
  const dir = join(TMP, "parity-forms");
  emit(fixtureRegistry().manifest(), dir, { hooks: false });
  const mod = (await import(join(dir, "index.ts"))) as Record<string, z.ZodType>;
  schemas = {
    contact: mod.contactSchema,
    user_signup: mod.userSignupSchema,
    order: mod.orderSchema,
  } as Record<string, z.ZodType>;
}, 60_000);

describe("parity: example forms, whole submissions (generated Zod vs Form.isValid())", () => {
  test.each(CASES)(
    "$name: ≥ 10,000 submissions",
    async ({ name, form, data, serverOnly }) => {
      let count = 0;
      let valid = 0;
      await fc.assert(
        fc.asyncProperty(data, async (submission) => {
          count++;
          const server = await serverVerdict(form as never, submission, serverOnly);
          const client = clientVerdict(
            schemas[name] as z.ZodType,
            submission,
            server.data !== undefined,
          );
          if (!Object.keys(server.errors).length) valid++;
          expect(client).toEqual(server);
        }),
        { numRuns: RUNS, seed: 20261128, endOnFailure: true },
      );
      expect(count).toBe(RUNS);
      // The mix reaches both verdicts, each often.
      expect(valid).toBeGreaterThan(RUNS / 10);
      expect(valid).toBeLessThan(RUNS / 2);
    },
    120_000,
  );
});
