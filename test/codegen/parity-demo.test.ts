import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  ContactForm,
  LoginForm,
  OrderForm,
  ProfileForm,
  SignupForm,
} from "../../examples/demo/server/forms.js";
import { registry } from "../../examples/demo/server/registry.js";
import { DemoStore } from "../../examples/demo/server/store.js";
import { formNames } from "../../src/codegen/index.js";
import { createContext } from "../../src/core/context.js";
import type { Form } from "../../src/forms/form.js";
import { emit, TMP } from "./helpers.js";
import { formArbitrary } from "./parity/schema-arbitrary.js";

/** Cases per demo form (FORM_PARITY_RUNS overrides). */
const RUNS = Number(process.env.FORM_PARITY_RUNS ?? 10_000);

type Errors = Record<string, Array<{ message: string; code: string }>>;

// The demo's server-only rules: SignupForm.cleanUsername and LoginForm.cleanUsername (the user
// store) and SignupForm.clean() (the two passwords) cannot run in the browser.
const DEMO = [
  { name: "contact", form: ContactForm, serverOnly: [] },
  { name: "signup", form: SignupForm, serverOnly: ["taken", "mismatch"] },
  { name: "order", form: OrderForm, serverOnly: [] },
  { name: "profile", form: ProfileForm, serverOnly: [] },
  { name: "login", form: LoginForm, serverOnly: ["unknown_user"] },
] as const;

const schemas: Record<string, z.ZodType> = {};
const manifest = registry.manifest();
beforeAll(async () => {
  const dir = join(TMP, "parity-demo");
  emit(manifest, dir, { hooks: false });
  for (const { name } of DEMO) {
    const names = formNames(name);
    const mod = (await import(join(dir, names.file))) as Record<string, z.ZodType>;
    schemas[name] = mod[names.schema] as z.ZodType;
  }
}, 60_000);

describe("parity: the demo app's forms, whole submissions (generated Zod vs Form.isValid())", () => {
  test("every demo form is covered", () => {
    expect(DEMO.map((d) => d.name).sort()).toEqual(Object.keys(manifest.forms).sort());
  });

  test.each(DEMO)(
    "$name: 10,000 submissions",
    async ({ name, form, serverOnly }) => {
      const node = (manifest.forms[name] as { json_schema: Record<string, unknown> }).json_schema;
      const only = new Set<string>(serverOnly);
      let count = 0;
      const ctx = createContext({
        app: { store: new DemoStore() } as never,
        user: { id: 1 } as never,
      });
      await fc.assert(
        fc.asyncProperty(formArbitrary(node), async (data) => {
          count++;
          const server = new (form as unknown as new (o: object) => Form)({ data, ctx });
          await server.isValid();
          const expected: Errors = {};
          for (const [path, items] of Object.entries(server.errorDetails().fields)) {
            const shared = items.filter((i) => !only.has(i.code));
            if (shared.length) expected[path] = shared;
          }
          const result = (schemas[name] as z.ZodType).safeParse(data);
          const actual: Errors = {};
          for (const issue of result.success ? [] : result.error.issues) {
            const code = String(
              (issue as { params?: { code?: unknown } }).params?.code ?? issue.code,
            );
            actual[issue.path.join(".")] = [
              ...(actual[issue.path.join(".")] ?? []),
              { message: issue.message, code },
            ];
          }
          expect(actual).toEqual(expected);
        }),
        { numRuns: RUNS, seed: 20261128, endOnFailure: true },
      );
      expect(count).toBe(RUNS);
    },
    120_000,
  );
});
