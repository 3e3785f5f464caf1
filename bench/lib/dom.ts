import { JSDOM } from "jsdom";

/**
 * A jsdom window as the globals React, react-hook-form, RJSF and user-event expect. Call
 * before importing any of them (import them dynamically afterwards).
 */
export function installDom(): JSDOM {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    url: "http://localhost/",
    pretendToBeVisual: true,
  });
  const g = globalThis as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g || key.startsWith("_")) continue;
    try {
      g[key] = win[key];
    } catch {
      // read-only global (e.g. `undefined`): keep Node's
    }
  }
  g.window = dom.window;
  g.document = dom.window.document;
  Object.defineProperty(globalThis, "navigator", {
    value: dom.window.navigator,
    configurable: true,
  });
  return dom;
}
