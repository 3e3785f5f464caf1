import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.browser.test.ts", "node_modules/**"],
        },
      },
      {
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
