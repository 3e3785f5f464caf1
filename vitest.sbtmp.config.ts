// TEMPORARY (storybook engineer): until src/index.ts exports the fields and aliases.ts has mizan/runtime.
import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import base from "./vitest.config.js";
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const cfg = mergeConfig({ resolve: { alias: [
  { find: /^mizan$/, replacement: here("./.sbtmp/mizan-shim.ts") },
  { find: /^mizan\/runtime$/, replacement: here("./src/codegen/runtime/index.ts") },
] } }, base);
export default cfg;
