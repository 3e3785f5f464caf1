import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";
import { formNames } from "../../../src/codegen/index.js";
import { type MessageCatalog, withCatalog } from "../../../src/codegen/runtime/index.js";
import { withLocale } from "../../../src/core/locale.js";
import type { Manifest } from "../../../src/core/registry.js";
import type { Field } from "../../../src/forms/field.js";
import { SHIPPED_LOCALES } from "../../../src/forms/locales/index.js";
import { registerLocale } from "../../../src/forms/messages.js";
import { ValidationError } from "../../../src/forms/validation-error.js";
import { emit, TMP } from "../helpers.js";

/** One side's answer for one input: the cleaned value, or the errors in order. */
export type Verdict =
  | { ok: true; value: unknown }
  | { ok: false; errors: Array<{ code: string; message: string }> };

// biome-ignore lint/suspicious/noExplicitAny: any field class
type AnyField = Field<any, any>;

/** The server's verdict: `field.clean(input)`. */
export function serverVerdict(field: AnyField, input: unknown): Verdict {
  try {
    return { ok: true, value: field.clean(input) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ok: false, errors: error.errors.map(({ code, message }) => ({ code, message })) };
  }
}

/** The generated Zod's verdict on the same input. */
export function clientVerdict(schema: z.ZodType, input: unknown): Verdict {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      code: String((issue as { params?: { code?: unknown } }).params?.code ?? issue.code),
      message: issue.message,
    })),
  };
}

/** The shipped languages besides English: each field is also checked in each (fewer runs). */
export const LANGUAGES = Object.keys(SHIPPED_LOCALES).filter((l) => l !== "en");
for (const language of LANGUAGES) registerLocale(language, SHIPPED_LOCALES[language] ?? {});

/** The `--languages` catalogs generated with each field schema. */
const catalogsOf = new WeakMap<z.ZodType, Record<string, MessageCatalog>>();

/**
 * Generate the client for a set of fields (as one form, through the real generator and its
 * file output, with a catalog per shipped language) and import it: the field schemas by name.
 */
export async function generatedFields(
  name: string,
  fields: Record<string, AnyField>,
): Promise<Record<string, z.ZodType>> {
  const properties: Record<string, unknown> = {};
  const descriptors: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    field.name = key;
    properties[key] = field.jsonSchema();
    descriptors[key] = field.describe();
  }
  const manifest: Manifest = {
    version: "parity",
    functions: {},
    contexts: {},
    forms: {
      [name]: {
        name,
        title: name,
        version: "v",
        fields: descriptors,
        field_order: Object.keys(fields),
        json_schema: { type: "object", properties, "x-mizan-field-order": Object.keys(fields) },
      },
    },
  };
  const dir = join(TMP, `parity-${name}`);
  emit(manifest, dir, { hooks: false, languages: ["en", ...LANGUAGES] });
  const names = formNames(name);
  const mod = (await import(join(dir, names.file))) as Record<string, z.ZodObject>;
  const schema = mod[names.schema];
  if (!schema) throw new Error(`no ${names.schema} in the generated module`);
  const index = (await import(join(dir, "messages/index.ts"))) as {
    messageCatalogs: Record<string, () => Promise<{ catalog: MessageCatalog }>>;
  };
  const catalogs: Record<string, MessageCatalog> = {};
  for (const [language, load] of Object.entries(index.messageCatalogs))
    catalogs[language] = (await load()).catalog;
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const fieldSchema of Object.values(shape)) catalogsOf.set(fieldSchema, catalogs);
  return shape;
}

/** How many inputs each field configuration gets (PARITY_RUNS overrides). */
export const RUNS = Number(process.env.PARITY_RUNS ?? 2000);

/**
 * For every input: same success, same cleaned value, same ordered (code, message) list.
 * Then, in each shipped language (a tenth of the runs, at least 50; the server inside
 * `withLocale`, the generated schema inside that language's catalog), the same again.
 * Returns the number of cases run.
 */
export function assertParity(
  field: AnyField,
  schema: z.ZodType,
  inputs: fc.Arbitrary<unknown>,
  runs = RUNS,
): number {
  let count = 0;
  fc.assert(
    fc.property(inputs, (input) => {
      count++;
      const server = serverVerdict(field, input);
      const client = clientVerdict(schema, input);
      expect(client).toEqual(server);
    }),
    { numRuns: runs, seed: Number(process.env.PARITY_SEED ?? 20261128), endOnFailure: true },
  );
  const catalogs = catalogsOf.get(schema);
  for (const language of catalogs ? LANGUAGES : []) {
    const catalog = catalogs?.[language];
    if (!catalog) throw new Error(`no "${language}" catalog was generated`);
    fc.assert(
      fc.property(inputs, (input) => {
        count++;
        const server = withLocale(language, () => serverVerdict(field, input));
        const client = withCatalog(catalog, () => clientVerdict(schema, input));
        expect(client, language).toEqual(server);
      }),
      {
        numRuns: Math.max(50, Math.round(runs / 10)),
        seed: Number(process.env.PARITY_SEED ?? 20261128),
        endOnFailure: true,
      },
    );
  }
  return count;
}
