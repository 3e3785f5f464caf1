import { useSyncExternalStore } from "react";

/** Django's `LANGUAGES_BIDI`: the languages written right to left (by primary subtag). */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(["ar", "ckb", "fa", "he", "ug", "ur"]);

/**
 * The writing direction of a language, as Django's `get_language_bidi()` decides it: `"rtl"`
 * for Arabic, Hebrew, Persian, Urdu, Uyghur and Central Kurdish (any region: `ar-EG`,
 * `fa-IR`), `"ltr"` for every other language; `undefined` when no language is known.
 *
 * @example
 * languageDirection("ar"); // "rtl"
 * languageDirection("fr-CA"); // "ltr"
 */
export function languageDirection(language: string | null | undefined): "ltr" | "rtl" | undefined {
  if (!language) return undefined;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (!primary) return undefined;
  return RIGHT_TO_LEFT.has(primary) ? "rtl" : "ltr";
}

function subscribeToPageLanguage(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  return () => observer.disconnect();
}

const pageLanguage = () => document.documentElement.lang || undefined;
const noPageLanguage = () => undefined;

/**
 * `<html lang>` in a browser, kept current when a script changes it; `undefined` on the server
 * and while hydrating (React then re-renders with the page's value), so server HTML and the
 * first client render agree.
 */
export function usePageLanguage(): string | undefined {
  return useSyncExternalStore(subscribeToPageLanguage, pageLanguage, noPageLanguage);
}
