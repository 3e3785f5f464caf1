/**
 * Debian's Chromium for every browser run of this repository: the Vitest browser projects
 * (`storybook`, `browser`) and the end-to-end tests. Playwright's own browser downloads are
 * never used (`npx playwright install` needs the internet); the path comes from CHROMIUM_PATH.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContextOptions, LaunchOptions, Page } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a headless Chromium that makes no network requests of its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** Where test screenshots go: the repository's test-results/ (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results", import.meta.url));

/** CHROMIUM_PATH, or /usr/bin/chromium; `null` when no file is there. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return existsSync(path) ? path : null;
}

export function missingChromiumMessage(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return [
    `mizan: no Chromium at ${path}${env.CHROMIUM_PATH ? " (from CHROMIUM_PATH)" : ""}.`,
    "The browser tests (Storybook stories, *.browser.test.tsx, e2e) drive Debian's Chromium:",
    "  sudo apt-get install -y chromium        # installs /usr/bin/chromium",
    "or point CHROMIUM_PATH at another Chromium binary. Do not run `npx playwright install`.",
  ].join("\n");
}

/** The Chromium path; throws a message naming the fix when it is missing. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env);
  if (!path) throw new Error(missingChromiumMessage(env));
  return path;
}

/** playwright-core launch options for Debian's Chromium, bounded so a hung start fails fast. */
export function chromiumLaunchOptions(extra: LaunchOptions = {}): LaunchOptions {
  return {
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
    headless: true,
    timeout: 30_000,
    ...extra,
  };
}

/**
 * Launches Debian's Chromium with playwright-core.
 *
 * @example
 * const browser = await launchChromium();
 * try { const page = await browser.newPage(); ... } finally { await browser.close(); }
 */
export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  const options = chromiumLaunchOptions(extra);
  const { chromium } = await import("playwright-core");
  return chromium.launch(options);
}

function fileSafe(name: string): string {
  return name.replace(/[^a-z0-9._-]+/gi, "-").replace(/^-+|-+$/g, "") || "page";
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${fileSafe(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs `body` with a fresh page (its context made with `contextOptions`, e.g.
 * `{ javaScriptEnabled: false }`); on failure saves a screenshot to test-results/ (its path is
 * appended to the error message) and rethrows. The page's context is closed either way.
 *
 * @example
 * await withPage(browser, "signup-taken-username", async (page) => {
 *   await page.goto(url);
 *   await page.getByLabel("Username").fill("alice");
 * });
 */
export async function withPage<T>(
  browser: Browser,
  name: string,
  body: (page: Page) => Promise<T>,
  contextOptions: BrowserContextOptions = {},
): Promise<T> {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  try {
    return await body(page);
  } catch (error) {
    const shot = await saveScreenshot(page, name).catch(() => null);
    if (shot && error instanceof Error) error.message += `\n(screenshot: ${shot})`;
    throw error;
  } finally {
    await context.close();
  }
}
