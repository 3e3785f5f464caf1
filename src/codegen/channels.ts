import { contentHash } from "../core/hash.js";
import type { Manifest } from "../core/registry.js";
import { docLines } from "./contexts.js";
import type { GeneratedFile } from "./generate.js";
import { jsonSchemaToType } from "./json-schema-type.js";
import { pascalCase } from "./names.js";
import { compareNames, formatStatement, literal } from "./printer.js";
import { GenerateError } from "./runtime-names.js";

/** One channel of the manifest, as the generator reads it. */
export interface ChannelEntry {
  name: string;
  description: string | null;
  /** JSON Schema of the params (an object: the subscribe frame's `params`). */
  params: unknown;
  /** JSON Schema of client messages; null when the channel takes none. */
  message: unknown;
  /** JSON Schema of the events subscribers receive. */
  event: unknown;
}

/** The identifiers generated for one channel (`chat` → `useChatChannel`, `ChatChannelEvent`, ...). */
interface ChannelNames {
  hook: string;
  params: string;
  message: string;
  event: string;
}

/**
 * `chat` → `useChatChannel`, `ChatChannelParams`, `ChatChannelMessage`, `ChatChannelEvent`.
 *
 * @example
 * channelNames("staff.alerts").hook; // "useStaffAlertsChannel"
 */
export function channelNames(name: string): ChannelNames {
  const pascal = pascalCase(name);
  return {
    hook: `use${pascal}Channel`,
    params: `${pascal}ChannelParams`,
    message: `${pascal}ChannelMessage`,
    event: `${pascal}ChannelEvent`,
  };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest's channels, by name (none in a manifest from before channels existed). */
export function manifestChannels(manifest: Manifest): ChannelEntry[] {
  const entries: ChannelEntry[] = [];
  for (const [name, value] of Object.entries(manifest.channels ?? {})) {
    if (!value || typeof value !== "object") {
      throw new GenerateError(`Channel "${name}": the manifest entry is not an object.`);
    }
    const entry = value as Partial<ChannelEntry>;
    entries.push({
      name,
      description: typeof entry.description === "string" ? entry.description : null,
      params: entry.params ?? null,
      message: entry.message ?? null,
      event: entry.event ?? null,
    });
  }
  return entries.sort((a, b) => byCodeUnit(a.name, b.name));
}

/** Whether the params schema requires any property (else the hook's params are optional). */
function paramsRequired(entry: ChannelEntry): boolean {
  const required = (entry.params as { required?: unknown } | null)?.required;
  return Array.isArray(required) && required.length > 0;
}

function paramsType(entry: ChannelEntry): string {
  const schema = entry.params as { type?: unknown; properties?: unknown } | null;
  if (schema === null) return "Record<string, never>";
  if (typeof schema !== "object" || (schema.type !== "object" && schema.properties === undefined)) {
    throw new GenerateError(
      `Channel "${entry.name}": its params must be an object schema (they travel as the subscribe frame's params).`,
    );
  }
  return jsonSchemaToType(schema);
}

/** `{ room: "…" }`: the required params, as the hook's example passes them. */
function exampleParams(entry: ChannelEntry): string {
  const schema = (entry.params ?? {}) as {
    properties?: Record<string, { type?: unknown }>;
    required?: unknown;
  };
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const shown = Object.entries(schema.properties ?? {})
    .filter(([key]) => required.has(key))
    .map(([key, value]) => `${key}: ${value?.type === "string" ? '"…"' : "…"}`);
  return shown.length ? `{ ${shown.join(", ")} }` : "";
}

function channelBlock(entry: ChannelEntry): string[] {
  const names = channelNames(entry.name);
  const about =
    entry.description ??
    `The channel \`${entry.name}\`: live events over the page's WebSocket, opened by the first subscriber.`;
  const message = entry.message === null ? "never" : jsonSchemaToType(entry.message);
  const event = entry.event === null ? "unknown" : jsonSchemaToType(entry.event);
  const params = `params: ${names.params}${paramsRequired(entry) ? "" : " = {}"}`;
  return [
    `/** The params of the channel \`${entry.name}\`: which feed to subscribe to. */`,
    formatStatement(`export type ${names.params} = ${paramsType(entry)};`),
    "",
    entry.message === null
      ? `/** The channel \`${entry.name}\` takes no messages. */`
      : `/** What a subscriber of the channel \`${entry.name}\` may send. */`,
    formatStatement(`export type ${names.message} = ${message};`),
    "",
    `/** What subscribers of the channel \`${entry.name}\` receive. */`,
    formatStatement(`export type ${names.event} = ${event};`),
    "",
    "/**",
    ...docLines(about),
    " *",
    " * @example",
    ` * const { events, last, send, status, error } = ${names.hook}(${exampleParams(entry)});`,
    " */",
    formatStatement(
      `export function ${names.hook}(${params}, options: UseChannelOptions<${names.event}> = {}): UseChannelResult<${names.event}, ${names.message}> { return useChannel<${names.event}, ${names.message}>(${literal(entry.name)}, params, options); }`,
    ),
    "",
  ];
}

/** The names `channels.ts` exports, for the index (types marked `type `). */
export function channelExports(channels: ChannelEntry[]): string[] {
  return channels
    .flatMap((entry) => {
      const n = channelNames(entry.name);
      return [n.hook, `type ${n.params}`, `type ${n.message}`, `type ${n.event}`];
    })
    .sort(compareNames);
}

/**
 * `channels.ts`: a typed hook per channel (`useChatChannel({ room })`), its params, message and
 * event types from the manifest's JSON Schemas. Needs React: only generated with hooks.
 *
 * @example
 * const file = channelsFile(manifestChannels(manifest), "mizan/react", (source) => `// ${source}\n`);
 */
export function channelsFile(
  channels: ChannelEntry[],
  react: string,
  header: (source: string) => string,
): string {
  const source = `channels ${channels.map((c) => c.name).join(", ")}; schemas ${contentHash(channels.map((c) => [c.name, c.params, c.message, c.event]))}`;
  const imports = ["type UseChannelOptions", "type UseChannelResult", "useChannel"];
  return [
    header(source),
    formatStatement(`import { ${imports.join(", ")} } from ${JSON.stringify(react)};`),
    "",
    ...channels.flatMap(channelBlock),
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** The names an index's `export { … } from` statements export (without `type `). */
function indexNames(index: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, list, from] of index.matchAll(/export \{([^}]*)\} from "([^"]+)"/g)) {
    for (const item of (list ?? "").split(",")) {
      const name = item.trim().replace(/^type /, "");
      if (name) names.set(name, from ?? "");
    }
  }
  for (const [, name] of index.matchAll(/export const ([A-Za-z_$][\w$]*)/g)) {
    if (name) names.set(name, "index.ts");
  }
  return names;
}

/**
 * The generated files with the channels added: `channels.ts` and its line in `index.ts` (first:
 * "./channels.js" sorts before every other source). No channels, or no hooks: unchanged.
 * Refuses a channel whose names another export already has.
 */
export function withChannels(
  files: GeneratedFile[],
  manifest: Manifest,
  options: { hooks: boolean; react: string; header: (source: string) => string },
): GeneratedFile[] {
  const channels = manifestChannels(manifest);
  if (!options.hooks || !channels.length) return files;
  const list = channelExports(channels);
  const index = files.find((file) => file.path === "index.ts");
  if (index) {
    const taken = indexNames(index.contents);
    for (const raw of list) {
      const name = raw.replace(/^type /, "");
      const owner = taken.get(name);
      if (owner) {
        throw new GenerateError(`The channels and ${owner} would both export ${name}; rename one.`);
      }
    }
    const split = index.contents.indexOf("\n\n");
    const line = formatStatement(`export { ${list.join(", ")} } from "./channels.js";`);
    index.contents = `${index.contents.slice(0, split + 2)}${line}\n${index.contents.slice(split + 2)}`;
  }
  const contents = channelsFile(channels, options.react, options.header);
  return [...files, { path: "channels.ts", contents }];
}
