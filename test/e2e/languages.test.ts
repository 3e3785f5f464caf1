/**
 * End to end: the demo in its five languages. The page's language comes from the
 * `django_language` cookie or Accept-Language; Arabic pages are right to left; the language
 * buttons switch with JavaScript (cookie + reload) and without it (`/i18n/setlang/`); axe finds
 * no violation in English or in Arabic.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { withPage } from "./chromium.js";
import { withDemoInChromium } from "./demo-server.js";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
let base = "";
withDemoInChromium((demo) => ({ base, browser } = demo));

/** `<html lang dir>` of the page. */
function htmlLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
}

/** axe-core's violations on the whole page, as `rule: html` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`);
  });
}

describe("the demo's languages, in Chromium", () => {
  test("Accept-Language picks the page's language; Arabic is right to left", async () => {
    await withPage(
      browser,
      "languages-accept-language",
      async (page) => {
        const response = await page.goto(`${base}/contact`);
        expect(response?.headers().vary).toMatch(/Accept-Language/);
        expect(await htmlLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
        await expect.poll(() => page.locator("form.mizan-form").getAttribute("dir")).toBe("rtl");
        await expect
          .poll(() => page.getByRole("button", { name: "العربية" }).getAttribute("aria-pressed"))
          .toBe("true");
      },
      { locale: "ar-EG", extraHTTPHeaders: { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" } },
    );
    await withPage(
      browser,
      "languages-accept-language-fr",
      async (page) => {
        await page.goto(`${base}/contact`);
        expect(await htmlLanguage(page)).toEqual({ lang: "fr", dir: "ltr" });
      },
      { extraHTTPHeaders: { "accept-language": "fr-CA,en;q=0.5" } },
    );
  }, 30_000);

  test("the language buttons set the cookie and reload in that language", async () => {
    await withPage(browser, "languages-switch-js", async (page) => {
      await page.goto(`${base}/order`);
      expect(await htmlLanguage(page)).toEqual({ lang: "en", dir: "ltr" });
      await page.locator("form.mizan-form:not([aria-busy])").waitFor();
      await Promise.all([
        page.waitForEvent("load"),
        page.getByRole("button", { name: "Deutsch" }).click(),
      ]);
      expect(await htmlLanguage(page)).toEqual({ lang: "de", dir: "ltr" });
      expect(new URL(page.url()).pathname).toBe("/order");
      const cookies = await page.context().cookies(base);
      expect(cookies.find((c) => c.name === "django_language")?.value).toBe("de");
      await Promise.all([
        page.waitForEvent("load"),
        page.getByRole("button", { name: "العربية" }).click(),
      ]);
      expect(await htmlLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
      // The cookie outranks Accept-Language, as in Django.
      await page.goto(`${base}/contact`);
      expect(await htmlLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
    });
  }, 30_000);

  test("without JavaScript the buttons post to /i18n/setlang/ and come back to the page", async () => {
    await withPage(
      browser,
      "languages-switch-no-js",
      async (page) => {
        await page.goto(`${base}/signup`);
        const [post] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/i18n/setlang/")),
          page.getByRole("button", { name: "Español" }).click(),
        ]);
        expect(post.status()).toBe(303);
        await page.waitForLoadState("domcontentloaded");
        expect(new URL(page.url()).pathname).toBe("/signup");
        expect(await htmlLanguage(page)).toEqual({ lang: "es", dir: "ltr" });
      },
      { javaScriptEnabled: false },
    );
  }, 30_000);

  test("the forms' own buttons are in Arabic in the server's HTML and after hydration, with no mismatch", async () => {
    await withPage(browser, "languages-renderer-ar", async (page) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await page.context().addCookies([{ name: "django_language", value: "ar", url: base }]);
      const response = await page.goto(`${base}/order`);
      const html = (await response?.text()) ?? "";
      expect(html).toContain('aria-label="أضف Line items"');
      expect(html).not.toContain(">Add</button>");
      const items = page.getByRole("group", { name: "Line items" });
      // Only the hydrated form adds a row; its Remove button is named in Arabic too.
      await expect
        .poll(async () => {
          await items.getByRole("button", { name: "أضف Line items" }).click();
          return items.getByRole("button", { name: /^أزِل Line items \d$/ }).count();
        })
        .toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  }, 30_000);

  test("a native post in Arabic comes back with the server's messages in Arabic, right to left", async () => {
    await withPage(
      browser,
      "languages-native-post-ar",
      async (page) => {
        await page.context().addCookies([{ name: "django_language", value: "ar", url: base }]);
        await page.goto(`${base}/contact`);
        const [post] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/api/mizan/form/contact/")),
          page.locator("form.mizan-form button[type=submit]").click(),
        ]);
        expect(post.status()).toBe(422);
        expect(post.headers()["content-language"]).toBe("ar");
        await page.waitForLoadState("domcontentloaded");
        expect(await htmlLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
        await expect.poll(() => page.getByText("هذا الحقل مطلوب.").count()).toBeGreaterThan(0);
        expect(await page.getByText("This field is required.").count()).toBe(0);
      },
      { javaScriptEnabled: false },
    );
  }, 30_000);

  test.each([
    ["en", "ltr", "This field is required."],
    ["ar", "rtl", "هذا الحقل مطلوب."],
  ])(
    "axe finds no violation on the demo in %s (%s)",
    async (language, dir, required) => {
      await withPage(browser, `languages-axe-${language}`, async (page) => {
        // Hydration in the language the server rendered: no mismatch, no error.
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
        await page.context().addCookies([{ name: "django_language", value: language, url: base }]);
        for (const panel of ["contact", "signup", "order"]) {
          await page.goto(`${base}/${panel}`);
          await page.waitForLoadState("networkidle");
          expect(await htmlLanguage(page)).toEqual({ lang: language, dir });
          if (panel !== "signup") {
            // <MizanForm> states its direction (the signup form is laid out by hand).
            await expect.poll(() => page.locator("form.mizan-form").getAttribute("dir")).toBe(dir);
          }
          // Errors shown too: submit the empty form so the messages are part of the check.
          await page.locator("form.mizan-form button[type=submit]").first().click();
          await page.locator(".mizan-error").first().waitFor();
          // The browser's own messages are in the page's language.
          await expect
            .poll(() => page.getByText(required, { exact: true }).count())
            .toBeGreaterThan(0);
          expect(await axeViolations(page)).toEqual([]);
        }
        expect(errors).toEqual([]);
      });
    },
    60_000,
  );
});
