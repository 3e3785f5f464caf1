import { useContext } from "react";
import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import { RENDERER_TEXTS, type RendererTextKey } from "../src/codegen/runtime/renderer-texts.js";
import { formatMessage } from "../src/forms/message-format.js";
import type { MessageParams } from "../src/forms/message-types.js";
import { RenderContext } from "./render-context.js";

/**
 * One of the renderer's own texts (`ui.submit`, `NullBooleanSelect.yes`, ...): `catalog`'s,
 * formatted for its language, when it has the key, else the English built in.
 */
export function rendererText(
  catalog: MessageCatalog | undefined,
  key: RendererTextKey,
  params: MessageParams = {},
): string {
  const template = catalog?.messages[key];
  return template === undefined
    ? formatMessage(RENDERER_TEXTS[key], params, "en")
    : formatMessage(template, params, catalog?.language);
}

/**
 * The catalog of the form being rendered (`form.catalog`, which its messages come from);
 * `undefined` (English) outside `<MizanForm>` or before the catalog loads.
 */
export function useFormCatalog(): MessageCatalog | undefined {
  return useContext(RenderContext)?.catalog;
}

/** The renderer's texts in the language of the form being rendered (`useFormCatalog`). */
export function useRendererText(): (key: RendererTextKey, params?: MessageParams) => string {
  const catalog = useFormCatalog();
  return (key, params) => rendererText(catalog, key, params);
}
