import { formatMessage } from "../../forms/message-format.js";
import type { MessageParams, MessageTemplate } from "../../forms/message-types.js";
import { activeCatalog, type MessageTextFn } from "./message-text.js";

/**
 * One language's default messages as `mizan generate --languages` writes them
 * (`messages/<lang>.ts`): locale key → template, only the keys the generated forms use.
 */
export interface MessageCatalog {
  /** The language the templates are in (`"fr"`); plural forms are chosen for it. */
  language: string;
  messages: Readonly<Record<string, MessageTemplate>>;
}

/**
 * The catalogs a generated client has, by language, each behind a dynamic `import()` so a
 * page downloads only the one it shows (`messages/index.ts`). English is not listed: its
 * texts are baked into the generated forms.
 */
export type MessageCatalogs = Readonly<
  Record<string, () => Promise<{ readonly catalog: MessageCatalog }>>
>;

/**
 * Run `fn` (a synchronous parse with a generated schema) showing default messages from
 * `catalog`; `undefined` means the English texts baked into the schema. Messages the form's
 * author wrote (`errorMessages`, a validator's own message) are the same in every language.
 *
 * @example
 * const { catalog } = await messageCatalogs.fr();
 * const result = withCatalog(catalog, () => contactSchema.safeParse(values));
 */
export function withCatalog<T>(catalog: MessageCatalog | undefined, fn: () => T): T {
  const before = activeCatalog.text;
  activeCatalog.text = catalog && catalogText(catalog);
  try {
    return fn();
  } finally {
    activeCatalog.text = before;
  }
}

/** `messageText` while `catalog` is active (see `messageText`). */
function catalogText(catalog: MessageCatalog): MessageTextFn {
  return (key, fallback, params, words) => {
    let filled = params;
    for (const [name, wordKey] of Object.entries(words ?? {})) {
      const word = catalog.messages[wordKey];
      if (typeof word === "string") filled = { ...filled, [name]: word };
    }
    const template = key === undefined ? undefined : catalog.messages[key];
    return template === undefined
      ? formatMessage(fallback, filled, "en")
      : formatMessage(template, filled, catalog.language);
  };
}

/**
 * The catalog of `language` from `catalogs`: the exact tag, else its base language
 * (`fr-CA` → `fr`); `undefined` for English or a language the client was not generated with.
 *
 * @example
 * const load = catalogLoader(messageCatalogs, document.documentElement.lang);
 * const catalog = load ? (await load()).catalog : undefined;
 */
export function catalogLoader(
  catalogs: MessageCatalogs | undefined,
  language: string,
): MessageCatalogs[string] | undefined {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  for (const wanted of [tag, tag.split("-")[0]]) {
    for (const name in catalogs) if (name.toLowerCase() === wanted) return catalogs[name];
  }
  return undefined;
}

/**
 * A message's text: the active catalog's template for `key` when there is one, formatted for
 * the catalog's language, else the baked-in `fallback` (the schema's English text). `words`
 * names params that are words to translate (param → key): the catalog's text replaces them.
 *
 * @example
 * messageText("forms.max_length", "At most %(limit_value)d characters.", { limit_value: 3 });
 */
export function messageText(
  key: string | undefined,
  fallback: MessageTemplate,
  params: MessageParams,
  words?: Readonly<Record<string, string>>,
): string {
  return activeCatalog.text
    ? activeCatalog.text(key, fallback, params, words)
    : formatMessage(fallback, params, "en");
}
