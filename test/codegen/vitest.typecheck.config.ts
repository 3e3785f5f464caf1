import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Type tests of the generated code (`npx vitest run -c test/codegen/vitest.typecheck.config.ts`),
// until the root config's node project enables `typecheck` for test/**/*.test-d.ts.
export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  test: {
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ["test/codegen/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
      // Other layers' type errors are theirs; only assertions in these files count here.
      ignoreSourceErrors: true,
    },
  },
});
