import { defineConfig } from "vitest/config";
import { mizanAliases } from "./aliases.js";

export default defineConfig({
  resolve: { alias: mizanAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.browser.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["test/**/*.test.tsx"],
          exclude: ["test/**/*.browser.test.tsx", "node_modules/**"],
        },
      },
    ],
  },
});
