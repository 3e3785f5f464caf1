import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { mizanAliases } from "./aliases.js";
import { CHROMIUM_ARGS, findChromium, missingChromiumMessage } from "./test/e2e/chromium.js";

const BROWSER_PROJECTS = ["storybook", "browser"];

/** `--project x` filters from the command line; empty when every project runs. */
function projectFilters(argv: readonly string[]): string[] {
  const names: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === "--project" && argv[i + 1]) names.push(argv[i + 1] as string);
    else if (arg.startsWith("--project=")) names.push(arg.slice("--project=".length));
  });
  return names;
}

/**
 * The Chromium projects: Storybook stories (each story's play function is a test) and
 * `*.browser.test.tsx`, both in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 * Left out only when a `--project` filter names neither; a missing Chromium is an error that
 * names the fix, never a silent skip.
 */
function browserProjects(): TestProjectInlineConfiguration[] {
  const filters = projectFilters(process.argv);
  const wanted = (filter: string) => {
    const pattern = new RegExp(
      `^${filter.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`,
    );
    return BROWSER_PROJECTS.some((name) => pattern.test(name) || filter.startsWith("!"));
  };
  if (filters.length > 0 && !filters.some(wanted)) return [];
  const executablePath = findChromium();
  if (!executablePath) throw new Error(missingChromiumMessage());
  // A fresh object per project: Vitest writes each instance's name into it.
  const browser = () => ({
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath, args: [...CHROMIUM_ARGS], timeout: 30_000 },
    }),
    instances: [{ browser: "chromium" as const }],
    connectTimeout: 30_000,
    screenshotFailures: true,
    screenshotDirectory: "test-results/screenshots",
  });
  return [
    {
      extends: true,
      plugins: [
        storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) }),
      ],
      test: {
        name: "storybook",
        browser: browser(),
        testTimeout: 15_000,
        // Every story mounts fresh (and gets its own in-page server from its loader), so the
        // files can share one page: ~4x faster than a page per file on this 2-core machine.
        isolate: false,
      },
    },
    {
      extends: true,
      test: {
        name: "browser",
        include: ["test/**/*.browser.test.{ts,tsx}"],
        browser: browser(),
        testTimeout: 15_000,
      },
    },
  ];
}

export default defineConfig({
  resolve: { alias: mizanAliases },
  test: {
    // A time limit catches a hung test, not a slow one: speed is measured in bench/, never here.
    // On a loaded 2-core machine a property test or a jsdom render can take several seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
          exclude: ["test/**/*.browser.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          setupFiles: ["test/setup-dom.ts"],
          include: ["test/**/*.test.tsx"],
          exclude: ["test/**/*.browser.test.tsx", "node_modules/**"],
        },
      },
      ...browserProjects(),
    ],
  },
});
