import { contentHash } from "../core/hash.js";
import type { Manifest } from "../core/registry.js";
import { jsonSchemaToType } from "./json-schema-type.js";
import { camelCase, pascalCase } from "./names.js";
import { compareNames, formatStatement, literal } from "./printer.js";
import { GenerateError } from "./runtime-names.js";

/** One context of the manifest, as the generator reads it. */
export interface ContextEntry {
  name: string;
  kind: "global" | "local";
  /** JSON Schema of the arguments (a local context's provider props); null when none. */
  input: unknown;
  /** JSON Schema of the value; null when the function declares no output. */
  output: unknown;
  description: string | null;
}

/** The identifiers generated for one context (`greet` → `useGreet`, `GreetProvider`, ...). */
interface ContextNames {
  context: string;
  /** `useCurrentUser` / `useGreet`. */
  hook: string;
  /** The value's type: `CurrentUserContext`. */
  data: string;
  /** A local context's arguments: `GreetContextArgs`. */
  args: string;
  /** A local context's provider: `GreetProvider`. */
  provider: string;
  /** Its props: `GreetProviderProps`. */
  props: string;
  /** The module-level helper of a local context: `greetContext`. */
  local: string;
}

/**
 * `currentUser` → `useCurrentUser`, `CurrentUserContext`; `greet` → `useGreet`,
 * `GreetContext`, `GreetContextArgs`, `GreetProvider`, `GreetProviderProps`.
 *
 * @example
 * contextNames("session.user").hook; // "useSessionUser"
 */
function contextNames(context: string): ContextNames {
  const pascal = pascalCase(context);
  return {
    context,
    hook: `use${pascal}`,
    data: `${pascal}Context`,
    args: `${pascal}ContextArgs`,
    provider: `${pascal}Provider`,
    props: `${pascal}ProviderProps`,
    local: `${camelCase(context)}Context`,
  };
}

/** Props the provider takes for itself, or React keeps: no argument may be named so. */
const RESERVED_PROPS = ["children", "fallback", "key", "ref"];

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function kindOf(name: string, value: unknown): "global" | "local" {
  if (value === "global" || value === "local") return value;
  throw new GenerateError(`Context "${name}": kind must be "global" or "local".`);
}

/**
 * The manifest's contexts, by name: `manifest.contexts`, and any function registered with a
 * `context` option the `contexts` map does not list (a manifest from before it was filled).
 */
export function manifestContexts(manifest: Manifest): ContextEntry[] {
  const entries = new Map<string, ContextEntry>();
  for (const fn of Object.values(manifest.functions ?? {})) {
    if (!fn.context) continue;
    entries.set(fn.name, {
      name: fn.name,
      kind: kindOf(fn.name, fn.context),
      input: fn.input ?? null,
      output: fn.output ?? null,
      description: fn.description ?? null,
    });
  }
  for (const [name, value] of Object.entries(manifest.contexts ?? {})) {
    if (!value || typeof value !== "object") {
      throw new GenerateError(`Context "${name}": the manifest entry is not an object.`);
    }
    const entry = value as Partial<ContextEntry> & { description?: string | null };
    const fn = entries.get(name);
    entries.set(name, {
      name,
      kind: kindOf(name, entry.kind),
      input: entry.input ?? null,
      output: entry.output ?? null,
      description: entry.description ?? fn?.description ?? null,
    });
  }
  return [...entries.values()].sort((a, b) => byCodeUnit(a.name, b.name));
}

/** A local context's argument type, checked to be usable as JSX props. */
function argsType(entry: ContextEntry): string {
  const input = entry.input;
  if (input === null || input === undefined) return "Record<never, never>";
  const schema = input as { type?: unknown; properties?: unknown };
  if (typeof input !== "object" || (schema.type !== "object" && schema.properties === undefined)) {
    throw new GenerateError(
      `Context "${entry.name}": a local context's input must be an object schema (its properties are the provider's props).`,
    );
  }
  const names = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  // No arguments: the provider takes children and fallback only.
  if (!names.length) return "Record<never, never>";
  const reserved = names.filter((n) => RESERVED_PROPS.includes(n));
  if (reserved.length) {
    throw new GenerateError(
      `Context "${entry.name}": an argument may not be named ${reserved.map((n) => `"${n}"`).join(", ")} (the provider's own props are ${RESERVED_PROPS.join(", ")}); rename it.`,
    );
  }
  return jsonSchemaToType(input);
}

/** Text as TSDoc lines (` * ...`), wrapped at 100 columns. */
export function docLines(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\*\//g, "*\\/").split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > 96) {
      lines.push(` * ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(` * ${line}`);
  return lines;
}

/** `<GreetProvider name="…">`'s attributes: the required arguments, strings as strings. */
function exampleProps(input: unknown): string {
  const schema = (input ?? {}) as {
    properties?: Record<string, { type?: unknown }>;
    required?: unknown;
  };
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => required.has(key))
    .map(([key, value]) => (value?.type === "string" ? `${key}="…"` : `${key}={…}`))
    .map((attribute) => ` ${attribute}`)
    .join("");
}

function globalContext(entry: ContextEntry, names: ContextNames, data: string): string[] {
  const about =
    entry.description ??
    `The global context \`${entry.name}\`: one value per page, rendered into the HTML by the server and kept fresh by calls' invalidate/merge.`;
  return [
    `/** What the global context \`${entry.name}\` holds. */`,
    formatStatement(`export type ${names.data} = ${data};`),
    "",
    "/**",
    ...docLines(about),
    " *",
    " * @example",
    ` * const { data, status, error, refresh } = ${names.hook}();`,
    " */",
    `export function ${names.hook}(): MizanContextResult<${names.data}> {`,
    `  return useMizanContext<${names.data}>(${literal(entry.name)});`,
    "}",
    "",
  ];
}

function localContext(entry: ContextEntry, names: ContextNames, data: string): string[] {
  const about =
    entry.description ??
    `The local context \`${entry.name}\`: fetched per arguments, kept fresh by calls' invalidate/merge.`;
  const args = argsType(entry);
  return [
    `/** The arguments of the local context \`${entry.name}\`: its provider's props. */`,
    formatStatement(`export type ${names.args} = ${args};`),
    "",
    `/** What the local context \`${entry.name}\` holds. */`,
    formatStatement(`export type ${names.data} = ${data};`),
    "",
    "/**",
    ...docLines(
      `\`<${names.provider}>\`'s props: the arguments, \`children\`, and a \`fallback\` shown while the first value loads.`,
    ),
    " */",
    `export type ${names.props} = MizanLocalContextProps<${names.args}>;`,
    "",
    formatStatement(
      `const ${names.local} = createLocalContext<${names.args}, ${names.data}>(${literal(entry.name)}, { provider: ${literal(names.provider)}, hook: ${literal(names.hook)} });`,
    ),
    "",
    "/**",
    ...docLines(`${about} Supplies the value for its props to \`${names.hook}()\` below it.`),
    " *",
    " * @example",
    ` * <${names.provider}${exampleProps(entry.input)} fallback={<p>Loading…</p>}>`,
    " *   <Panel />",
    ` * </${names.provider}>`,
    " */",
    `export const ${names.provider} = ${names.local}.Provider;`,
    "",
    "/**",
    ` * The value of the nearest \`<${names.provider}>\`; throws outside one.`,
    " *",
    " * @example",
    ` * const { data, status, error, refresh } = ${names.hook}();`,
    " */",
    `export function ${names.hook}(): MizanContextResult<${names.data}> {`,
    `  return ${names.local}.use();`,
    "}",
    "",
  ];
}

/** The names `contexts.ts` exports, for the index (types marked `type `). */
export function contextExports(contexts: ContextEntry[]): string[] {
  return contexts
    .flatMap((entry) => {
      const n = contextNames(entry.name);
      return entry.kind === "global"
        ? [n.hook, `type ${n.data}`]
        : [n.hook, n.provider, `type ${n.data}`, `type ${n.args}`, `type ${n.props}`];
    })
    .sort(compareNames);
}

/**
 * `contexts.ts`: a hook per global context (`useCurrentUser()`), a provider and a hook per
 * local one (`<GreetProvider name="Ada">`, `useGreet()`), typed from the output and input
 * schemas. Needs React: only generated with hooks.
 *
 * @example
 * const file = contextsFile(manifestContexts(manifest), "mizan/react", (source) => `// ${source}\n`);
 */
export function contextsFile(
  contexts: ContextEntry[],
  react: string,
  header: (source: string) => string,
): string {
  const source = `contexts ${contexts.map((c) => c.name).join(", ")}; schemas ${contentHash(contexts.map((c) => [c.name, c.kind, c.input, c.output]))}`;
  const imports = new Set(["type MizanContextResult"]);
  const body: string[] = [];
  for (const entry of contexts) {
    const names = contextNames(entry.name);
    const data =
      entry.output === null || entry.output === undefined
        ? "unknown"
        : jsonSchemaToType(entry.output);
    if (entry.kind === "global") {
      imports.add("useMizanContext");
      body.push(...globalContext(entry, names, data));
    } else {
      imports.add("createLocalContext");
      imports.add("type MizanLocalContextProps");
      body.push(...localContext(entry, names, data));
    }
  }
  const list = [...imports].sort(compareNames).join(", ");
  return [
    header(source),
    formatStatement(`import { ${list} } from ${JSON.stringify(react)};`),
    "",
    ...body,
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
