/**
 * The typing benchmarks' big form, built from one spec three ways: a mizan Form (run through
 * the real generator), a hand-written Zod schema for raw react-hook-form, and a JSON Schema
 * for RJSF. Five field kinds in turn: text, email, integer, choice, checkbox. `bigForm(size)`
 * builds it at any size; the `BIG_*` constants, `BigForm` and `bigZod` are the 200-field one.
 */
import {
  BooleanField,
  CharField,
  ChoiceField,
  EmailField,
  type Field,
  Form,
  type FormOptions,
  formMeta,
  IntegerField,
  Registry,
} from "mizan";
import { z } from "zod";

/** The default size (the jsdom and Chromium benchmarks' main rows). */
export const FIELD_COUNT = 200;
/** The sizes the jsdom typing benchmark compares (per-key cost should not grow with them). */
export const FIELD_COUNTS = [50, 200, 1000] as const;
export const TYPED_FIELD = "text_0";
const CHOICES = ["a", "b", "c", "d", "e"] as const;

export type Kind = "text" | "email" | "number" | "choice" | "flag";
const KINDS: Kind[] = ["text", "email", "number", "choice", "flag"];

export interface BigField {
  name: string;
  kind: Kind;
  initial: string | number | boolean;
}

function bigFields(size: number): BigField[] {
  return Array.from({ length: size }, (_, i) => {
    const kind = KINDS[i % KINDS.length] as Kind;
    const n = Math.floor(i / KINDS.length);
    const name = `${kind}_${n}`;
    const initial =
      name === TYPED_FIELD
        ? ""
        : kind === "text"
          ? `Value ${n}`
          : kind === "email"
            ? `user${n}@example.com`
            : kind === "number"
              ? n
              : kind === "choice"
                ? "b"
                : true;
    return { name, kind, initial };
  });
}

function mizanField(f: BigField): Field {
  switch (f.kind) {
    case "text":
      return new CharField({ maxLength: 100, initial: f.initial });
    case "email":
      return new EmailField({ initial: f.initial });
    case "number":
      return new IntegerField({ minValue: 0, maxValue: 1000, initial: f.initial });
    case "choice":
      return new ChoiceField({
        choices: CHOICES.map((c) => [c, c.toUpperCase()]),
        initial: f.initial,
      });
    case "flag":
      return new BooleanField({ required: false, initial: f.initial });
  }
}

/** What a Zod user writes for the same form (DOM inputs hold strings, hence the coercion). */
function zodFor(fields: BigField[]) {
  return z.object(
    Object.fromEntries(
      fields.map((f) => {
        switch (f.kind) {
          case "text":
            return [f.name, z.string().trim().min(1).max(100)];
          case "email":
            return [f.name, z.email()];
          case "number":
            return [f.name, z.coerce.number().int().min(0).max(1000)];
          case "choice":
            return [f.name, z.enum(CHOICES)];
          case "flag":
            return [f.name, z.boolean()];
        }
        throw new Error(f.kind);
      }),
    ),
  );
}

/** The same form as RJSF's JSON Schema. */
function jsonSchemaFor(fields: BigField[]) {
  return {
    type: "object",
    required: fields.filter((f) => f.kind !== "flag").map((f) => f.name),
    properties: Object.fromEntries(
      fields.map((f) => {
        switch (f.kind) {
          case "text":
            return [f.name, { type: "string", minLength: 1, maxLength: 100 }];
          case "email":
            return [f.name, { type: "string", format: "email" }];
          case "number":
            return [f.name, { type: "integer", minimum: 0, maximum: 1000 }];
          case "choice":
            return [f.name, { type: "string", enum: [...CHOICES] }];
          case "flag":
            return [f.name, { type: "boolean" }];
        }
        throw new Error(f.kind);
      }),
    ),
  } as const;
}

/** The big form at one size, in each contestant's terms. */
export interface BigFormSpec {
  size: number;
  /** The mizan form's registered name: `big` at 200 fields (hook `useBigForm`), else `big<size>`. */
  name: string;
  fields: BigField[];
  defaults: Record<string, unknown>;
  form: typeof Form<Form>;
  zod: ReturnType<typeof zodFor>;
  jsonSchema: ReturnType<typeof jsonSchemaFor>;
}

const specs = new Map<number, BigFormSpec>();

/**
 * The big form with `size` fields (built once per size). At 200 it is `BigForm`, named `big`;
 * at other sizes it is named `big<size>` (generated hook `useBig<size>Form`).
 */
export function bigForm(size: number = FIELD_COUNT): BigFormSpec {
  const known = specs.get(size);
  if (known) return known;
  const fields = bigFields(size);
  const name = size === FIELD_COUNT ? "big" : `big${size}`;
  class Sized extends Form<Sized> {
    static override meta = formMeta({ name, title: `A ${size}-field form` });
    constructor(options?: FormOptions) {
      super(options);
      for (const f of fields) (this as unknown as Record<string, Field>)[f.name] = mizanField(f);
    }
  }
  const spec: BigFormSpec = {
    size,
    name,
    fields,
    defaults: Object.fromEntries(fields.map((f) => [f.name, f.initial])),
    form: Sized as unknown as typeof Form<Form>,
    zod: zodFor(fields),
    jsonSchema: jsonSchemaFor(fields),
  };
  specs.set(size, spec);
  return spec;
}

const main = bigForm(FIELD_COUNT);
export const BIG_FIELDS: BigField[] = main.fields;
export const BIG_DEFAULTS: Record<string, unknown> = main.defaults;
export const BigForm = main.form;
/** What a Zod user writes for the 200-field form. */
export const bigZod = main.zod;
/** The 200-field form as RJSF's JSON Schema. */
export const bigJsonSchema = main.jsonSchema;

/** A registry holding the big form at each of `sizes` (default: the 200-field one only). */
export function bigRegistry(sizes: readonly number[] = [FIELD_COUNT]): Registry {
  const registry = new Registry();
  for (const size of sizes) registry.register(bigForm(size).form);
  return registry;
}
