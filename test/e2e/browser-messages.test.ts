/**
 * End to end: the browser's own validation messages in the page's language. The demo is
 * generated with `--languages en,fr,de,es,ar`; a French page fetches the French catalog alone
 * and shows the server's French text for an error found in the browser (no request).
 */
import type { Browser, Request } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import { withPage } from "./chromium.js";
import { withDemoInChromium } from "./demo-server.js";

let browser: Browser;
let base = "";
withDemoInChromium((demo) => ({ base, browser } = demo));

/** The scripts the page fetched, and the API calls it made. */
function record(page: import("playwright-core").Page) {
  const scripts: string[] = [];
  const calls: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".js")) scripts.push(url.pathname.split("/").pop() ?? "");
    if (url.pathname.startsWith("/api/mizan/") && request.method() === "POST")
      calls.push(url.pathname);
  });
  return { scripts, calls };
}

describe("browser validation messages in the page's language, in Chromium", () => {
  for (const language of ["fr", "ar"]) {
    test(`${language}: the ${language} catalog alone is fetched, and the browser's message is the server's`, async () => {
      const expected = SHIPPED_LOCALES[language]?.["EmailValidator.invalid"];
      expect(typeof expected).toBe("string");
      await withPage(
        browser,
        `browser-messages-${language}`,
        async (page) => {
          const seen = record(page);
          await page.goto(`${base}/contact`);
          await page.getByRole("heading", { level: 2 }).waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const email = page.locator('input[name="email"]');
          await email.fill("not-an-email");
          await email.blur();
          await expect.poll(() => page.getByText(expected as string).count()).toBe(1);
          const catalogs = seen.scripts.filter((s) => /^(fr|de|es|ar)-/.test(s));
          expect(catalogs.map((s) => s.split("-")[0])).toEqual([language]);
          expect(seen.calls).toEqual([]);
        },
        { extraHTTPHeaders: { "Accept-Language": language } },
      );
    }, 60_000);
  }

  test("en: no catalog is fetched; the English text is built in", async () => {
    await withPage(
      browser,
      "browser-messages-en",
      async (page) => {
        const seen = record(page);
        await page.goto(`${base}/contact`);
        await page.getByRole("heading", { level: 2 }).waitFor();
        const email = page.locator('input[name="email"]');
        await email.fill("not-an-email");
        await email.blur();
        await expect.poll(() => page.getByText("Enter a valid email address.").count()).toBe(1);
        expect(seen.scripts.filter((s) => /^(fr|de|es|ar)-/.test(s))).toEqual([]);
      },
      { extraHTTPHeaders: { "Accept-Language": "en" } },
    );
  }, 60_000);
});
