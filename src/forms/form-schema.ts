import type { RequestContext } from "../core/context.js";
import { contentHash } from "../core/hash.js";
import { type BaseForm as Form, hookName } from "./base-form.js";
import type { Field, FieldDescriptor, JsonSchema } from "./field.js";
import type { FormMeta } from "./form-meta.js";
import { withProcessLocale } from "./message-format.js";

type FormCtor = (new (
  options?: ConstructorParameters<typeof Form>[0],
) => Form) & {
  meta?: FormMeta | undefined;
};

/** What a renderer needs of a form (nested forms carry this without a version). */
export interface FormDescriptor {
  name: string;
  title: string;
  description: string;
  prefix: string | null;
  fields: Record<string, FieldDescriptor>;
  field_order: string[];
  meta: Record<string, unknown>;
}

/** The result of `<name>.schema`. */
export interface FormSchema extends FormDescriptor {
  version: string;
  json_schema: JsonSchema;
}

/**
 * Whether the browser must ask the server about this field of `form`: the field has rules
 * only the server runs (`Field.hasServerRules()`), or the form has a clean<Field>() hook for
 * it. The one place this is decided; the schema's `x-mizan-server-rules` and the
 * descriptor's `server_rules` both carry its answer.
 */
export function fieldHasServerRules(form: Form, name: string, field: Field): boolean {
  const hook = (form as unknown as Record<string, unknown>)[hookName(name)];
  return typeof hook === "function" || field.hasServerRules();
}

function metaOf(form: FormCtor): Partial<FormMeta> {
  return form.meta ?? {};
}

/** The form as a JSON Schema object node (root: draft 2020-12 with `$schema`). */
export function formJsonSchema(form: FormCtor, options: { nested?: boolean } = {}): JsonSchema {
  const instance = new form();
  const meta = metaOf(form);
  const properties: Record<string, JsonSchema> = {};
  const order: string[] = [];
  for (const [name, field] of instance.fields) {
    const key = instance.addPrefix(name);
    const node = field.jsonSchema();
    if (fieldHasServerRules(instance, name, field)) node["x-mizan-server-rules"] = true;
    properties[key] = node;
    order.push(key);
  }
  const node: JsonSchema = {
    type: "object",
    properties,
    "x-mizan-field-order": order,
  };
  if (!options.nested) {
    node.$schema = "https://json-schema.org/draft/2020-12/schema";
    if (meta.title) node.title = meta.title;
    if (meta.description) node.description = meta.description;
    if (meta.name) node["x-mizan-form"] = meta.name;
  }
  return node;
}

/** Fields metadata in declaration order; `ctx` resolves per-request initial values. */
export function formDescriptor(
  form: FormCtor,
  ctx?: unknown,
  initial?: Record<string, unknown>,
): FormDescriptor {
  const instance = new form();
  const meta = metaOf(form);
  const fields: Record<string, FieldDescriptor> = {};
  const order: string[] = [];
  for (const [name, field] of instance.fields) {
    const key = instance.addPrefix(name);
    const descriptor = field.describe(ctx);
    descriptor.html_name = key;
    descriptor.server_rules = fieldHasServerRules(instance, name, field);
    if (initial && Object.hasOwn(initial, name)) {
      descriptor.initial = initial[name] as FieldDescriptor["initial"];
    }
    fields[key] = descriptor;
    order.push(key);
  }
  return {
    name: meta.name ?? "",
    title: meta.title ?? "",
    description: meta.description ?? "",
    prefix: meta.prefix ?? null,
    fields,
    field_order: order,
    meta: {
      ...(meta.extra ?? {}),
      auth: meta.auth === undefined ? null : typeof meta.auth === "function" ? "custom" : meta.auth,
    },
  };
}

const versions = new WeakMap<FormCtor, string>();

/** A content hash of the form's rules: changes whenever what the browser runs changes. */
export function formVersion(form: FormCtor): string {
  let version = versions.get(form);
  if (!version) {
    // Shared by every request: hashed in the process language, whichever request asks first.
    version = withProcessLocale(() =>
      contentHash({ schema: formJsonSchema(form), fields: formDescriptor(form) }),
    );
    versions.set(form, version);
  }
  return version;
}

/** The full `<name>.schema` payload; with a request, initial values are resolved for it. */
export async function formSchema(form: FormCtor, ctx?: RequestContext): Promise<FormSchema> {
  const metaInitial = metaOf(form).initial;
  const initial =
    typeof metaInitial === "function" ? (ctx ? await metaInitial(ctx) : undefined) : metaInitial;
  return {
    ...formDescriptor(form, ctx, initial),
    version: formVersion(form),
    json_schema: formJsonSchema(form),
  };
}
