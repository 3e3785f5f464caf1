/**
 * The browser page of the Chromium typing benchmark: one bundle holding the four contestants
 * of bench/typing/components.tsx at every size the driver generated a hook for;
 * `?lib=plain|mizan|rhf|rjsf&size=200&live=0|1` picks the one to mount. When it is mounted
 * and the page is idle, `<body data-ready>` is set.
 */
import { MizanProvider } from "mizan/react";
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import * as components from "../typing/components.js";

const noServer = { call: async () => ({ valid: true, errors: { fields: {}, non_field: [] } }) };

// biome-ignore lint/suspicious/noExplicitAny: the generated hook's form type is the generator's
type AnyHook = () => any;

function element(lib: string | null, size: number, live: boolean) {
  if (lib === "mizan")
    return createElement(
      MizanProvider,
      { client: noServer },
      createElement(components.MizanBig, { size }),
    );
  if (lib === "rhf") return createElement(components.RhfBig, { size });
  if (lib === "plain") return createElement(components.PlainBig, { size });
  if (lib === "rjsf") return createElement(components.RjsfBig, { live, size });
  throw new Error(`unknown contestant ${lib}`);
}

/** Mounts the contestant the URL names; `hooks` are the generated hooks by form size. */
export function start(hooks: ReadonlyArray<readonly [number, AnyHook]>): void {
  for (const [size, hook] of hooks) components.setGeneratedHook(hook, size);
  const params = new URLSearchParams(location.search);
  const lib = params.get("lib");
  const size = Number(params.get("size"));
  // Form renders so far (read by the driver around the typing).
  (globalThis as { benchRenders?: () => number }).benchRenders = () =>
    components.renders[lib as keyof typeof components.renders];
  const root = document.createElement("div");
  document.body.append(root);
  flushSync(() => createRoot(root).render(element(lib, size, params.get("live") === "1")));
  requestAnimationFrame(() =>
    setTimeout(() => {
      document.body.dataset.ready = "1";
    }, 0),
  );
}
