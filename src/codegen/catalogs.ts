import { SHIPPED_LOCALES } from "../forms/locales/index.js";
import type { LocaleTable, MessageTemplate } from "../forms/message-types.js";
import { hasLocale, lookupMessage } from "../forms/messages.js";
import { formatStatement, literal } from "./printer.js";
import { RENDERER_TEXTS } from "./runtime/renderer-texts.js";
import { GenerateError } from "./runtime-names.js";

// `mizan generate --languages en,fr,ar`: one catalog per language besides English
// (`messages/<lang>.ts`, the keys the forms use) and `messages/index.ts`, which loads each with
// a dynamic import(). English needs no file: the forms carry its texts, and the renderer its
// own (RENDERER_TEXTS: the submit, add and remove buttons, NullBooleanSelect's choices, ...),
// whose keys every catalog carries too.

/** Where a client's catalogs live, relative to the output folder. */
export const CATALOG_INDEX = "messages/index.ts";

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * `--languages` as given (`"en,fr,ar"` or a list): checked as BCP 47 tags, the language
 * lower-cased and the rest as written (`pt_BR` → `pt-BR`, the name a table is registered
 * under), de-duplicated. English is always there (first), since it is what the forms carry.
 *
 * @example
 * parseLanguages("fr, AR"); // ["en", "fr", "ar"]
 */
export function parseLanguages(value: string | readonly string[]): string[] {
  const list = (typeof value === "string" ? value.split(",") : value)
    .map((l) => l.trim().replace(/_/g, "-"))
    .map((l) => l.replace(/^[^-]+/, (primary) => primary.toLowerCase()))
    .filter(Boolean);
  for (const language of list) {
    if (!TAG.test(language))
      throw new GenerateError(
        `--languages: "${language}" is not a language tag (e.g. en, fr, pt-br).`,
      );
  }
  const seen = new Set<string>();
  return ["en", ...list].filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

/**
 * The template the server uses for `key` in `language`: `tables[language]` when given, else
 * the table registered with `registerLocale()` (the entry module's, e.g. an app's own
 * language), else the one mizan ships. `undefined` when the language has no text of its own
 * for the key (the server then shows English, which the forms carry).
 */
function templateFor(
  language: string,
  key: string,
  tables: Readonly<Record<string, LocaleTable>> | undefined,
): MessageTemplate | undefined {
  const given = tables && Object.hasOwn(tables, language) ? tables[language] : undefined;
  const template = given
    ? given[key]
    : hasLocale(language)
      ? lookupMessage(key, language)
      : SHIPPED_LOCALES[language]?.[key];
  if (template === undefined) return undefined;
  const english = lookupMessage(key, "en");
  return JSON.stringify(template) === JSON.stringify(english) ? undefined : template;
}

function knowsLanguage(
  language: string,
  tables: Readonly<Record<string, LocaleTable>> | undefined,
) {
  return (
    (tables !== undefined && Object.hasOwn(tables, language)) ||
    hasLocale(language) ||
    Object.hasOwn(SHIPPED_LOCALES, language)
  );
}

/**
 * The catalog files for `languages` (English excluded) holding `keys` and the renderer's own
 * texts (`RENDERER_TEXTS`), in key order, and the index that loads them. `header` writes the
 * generated-file header.
 */
export function catalogFiles(
  languages: readonly string[],
  keys: ReadonlySet<string>,
  header: (source: string) => string,
  /** `runtime`: the runtime's specifier as written from `messages/`. */
  options: { runtime: string; tables?: Readonly<Record<string, LocaleTable>> | undefined },
): Array<{ path: string; contents: string }> {
  const others = languages.filter((l) => l !== "en");
  if (!others.length) return [];
  const sorted = [...new Set([...keys, ...Object.keys(RENDERER_TEXTS)])].sort();
  const files: Array<{ path: string; contents: string }> = [];
  const { runtime } = options;
  for (const language of others) {
    if (!knowsLanguage(language, options.tables))
      throw new GenerateError(
        `--languages: no messages for "${language}". mizan ships ${Object.keys(SHIPPED_LOCALES).sort().join(", ")}; register another with registerLocale("${language}", table) in the entry module.`,
      );
    const messages: Record<string, MessageTemplate> = {};
    for (const key of sorted) {
      const template = templateFor(language, key, options.tables);
      if (template !== undefined) messages[key] = template;
    }
    files.push({
      path: `messages/${language}.ts`,
      contents: [
        header(`the "${language}" texts of ${sorted.length} default messages`),
        formatStatement(`import type { MessageCatalog } from ${JSON.stringify(runtime)};`),
        "",
        `/** The default texts of the forms and the renderer in "${language}"; English is built in. */`,
        formatStatement(
          `export const catalog: MessageCatalog = ${literal({ language, messages })};`,
        ),
        "",
      ].join("\n"),
    });
  }
  const property = (l: string) => literal({ [l]: 0 }).slice(2, -5); // fr, "pt-br"
  const loaders = [...others]
    .sort()
    .map((l) => `${property(l)}: () => import(${JSON.stringify(`./${l}.js`)})`);
  files.push({
    path: CATALOG_INDEX,
    contents: [
      header(`languages ${others.join(", ")}`),
      formatStatement(`import type { MessageCatalogs } from ${JSON.stringify(runtime)};`),
      "",
      "/** Each language's messages, fetched when a page shows it; English is in the forms. */",
      formatStatement(`export const messageCatalogs: MessageCatalogs = { ${loaders.join(", ")} };`),
      "",
    ].join("\n"),
  });
  return files;
}
