import { createContext, useContext } from "react";
import type { FieldValues } from "react-hook-form";
import type { MessageCatalog } from "../src/codegen/runtime/catalog.js";
import type { MizanComponents } from "./components.js";
import type { MizanFormReturn } from "./form-types.js";

export interface RenderContextValue {
  form: MizanFormReturn<FieldValues, unknown, unknown>;
  components: MizanComponents;
  idPrefix: string;
  /** Every input is disabled (a submit is in flight). */
  disabled: boolean;
  /** The catalog of the form's messages, for the renderer's own texts (undefined: English). */
  catalog: MessageCatalog | undefined;
}

export const RenderContext = createContext<RenderContextValue | null>(null);

export function useRenderContext(): RenderContextValue {
  const value = useContext(RenderContext);
  if (!value) throw new Error("mizan: fields render inside <MizanForm>.");
  return value;
}

/** Django's `id_<html name>`; dots of nested paths become dashes (`id_items-0-qty`). */
export function fieldId(idPrefix: string, path: string): string {
  return `${idPrefix}${path.replace(/\./g, "-")}`;
}
