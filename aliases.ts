import { fileURLToPath } from "node:url";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The package's own entry points resolved to source, so the demo, Storybook and tests import
 * `mizan/react` exactly as users do, without a build step. Longest specifiers first.
 */
export const mizanAliases = [
  { find: /^mizan\/server$/, replacement: here("./src/server/index.ts") },
  { find: /^mizan\/node$/, replacement: here("./src/node/index.ts") },
  { find: /^mizan\/fastify$/, replacement: here("./src/fastify/index.ts") },
  { find: /^mizan\/redis$/, replacement: here("./src/redis/index.ts") },
  { find: /^mizan\/client$/, replacement: here("./src/client/index.ts") },
  { find: /^mizan\/codegen$/, replacement: here("./src/codegen/index.ts") },
  { find: /^mizan\/runtime$/, replacement: here("./src/codegen/runtime/index.ts") },
  { find: /^mizan\/react\/mizan\.css$/, replacement: here("./react/mizan.css") },
  { find: /^mizan\/react$/, replacement: here("./react/index.ts") },
  { find: /^mizan$/, replacement: here("./src/index.ts") },
];
