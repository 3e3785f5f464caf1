/**
 * The typing benchmark's 200-field form, built from one spec three ways: a mizan Form (run
 * through the real generator), a hand-written Zod schema for raw react-hook-form, and a JSON
 * Schema for RJSF. Five field kinds in turn: text, email, integer, choice, checkbox.
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

export const FIELD_COUNT = 200;
export const TYPED_FIELD = "text_0";
const CHOICES = ["a", "b", "c", "d", "e"] as const;

export type Kind = "text" | "email" | "number" | "choice" | "flag";
const KINDS: Kind[] = ["text", "email", "number", "choice", "flag"];

export interface BigField {
  name: string;
  kind: Kind;
  initial: string | number | boolean;
}

export const BIG_FIELDS: BigField[] = Array.from({ length: FIELD_COUNT }, (_, i) => {
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

export const BIG_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  BIG_FIELDS.map((f) => [f.name, f.initial]),
);

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

export class BigForm extends Form<BigForm> {
  static override meta = formMeta({ name: "big", title: "A 200-field form" });
  constructor(options?: FormOptions) {
    super(options);
    for (const f of BIG_FIELDS) (this as unknown as Record<string, Field>)[f.name] = mizanField(f);
  }
}

export function bigRegistry(): Registry {
  const registry = new Registry();
  registry.register(BigForm);
  return registry;
}

/** What a Zod user writes for the same form (DOM inputs hold strings, hence the coercion). */
export const bigZod = z.object(
  Object.fromEntries(
    BIG_FIELDS.map((f) => {
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

/** The same form as RJSF's JSON Schema. */
export const bigJsonSchema = {
  type: "object",
  required: BIG_FIELDS.filter((f) => f.kind !== "flag").map((f) => f.name),
  properties: Object.fromEntries(
    BIG_FIELDS.map((f) => {
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
