import { useSyncExternalStore } from "react";

export { languageDirection } from "../src/forms/message-format.js";

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
