/**
 * End to end: the demo server (as `npm run demo` starts it) with its client built by Vite,
 * driven through Debian's Chromium. A failing step saves a screenshot to test-results/.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { DemoStore } from "../../examples/demo/server/store.js";
import { withPage } from "./chromium.js";
import { withDemoInChromium } from "./demo-server.js";

let browser: Browser;
let base = "";
let store: DemoStore;
withDemoInChromium((demo) => ({ base, store, browser } = demo));

/** Every call the page makes to the mizan endpoint, by function name. */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("/api/mizan/call/")) return;
    const body = request.postData() ?? "";
    const match = /"fn":"([^"]+)"|name="fn"\r\n\r\n([^\r]+)/.exec(body);
    calls.push(match?.[1] ?? match?.[2] ?? "?");
  });
  return calls;
}

/** The paths of every context fetch (`GET /api/mizan/ctx/<name>/…`) the page makes. */
function recordContextFetches(page: Page): string[] {
  const fetches: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/mizan/ctx/")) fetches.push(url.pathname);
  });
  return fetches;
}

/** Every text the header's session line showed, from the first paint on. */
async function watchSessionLine(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { sessionTexts: string[] }).sessionTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector(".demo-user")?.textContent ?? "";
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { sessionTexts: string[] }).sessionTexts);
}

async function open(page: Page, panel: string) {
  await page.goto(`${base}/${panel}`);
  await page.getByRole("heading", { level: 2 }).waitFor();
}

describe("the demo in Chromium", () => {
  test("a malformed session cookie is an anonymous visitor, never a 500", async () => {
    const cookie = "mizan_demo_user=%E0%A4%A";
    const page = await fetch(`${base}/contact`, { headers: { cookie } });
    expect(page.status).toBe(200);
    // The header's context runs the same getUser as every call.
    const read = await fetch(`${base}/api/mizan/ctx/currentUser/`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ result: null });
  });

  test("a client-side error appears with no request sent", async () => {
    await withPage(browser, "e2e-contact-client-error", async (page) => {
      await open(page, "contact");
      const calls = recordCalls(page);
      const email = page.getByLabel("Email");
      await email.fill("not-an-email");
      await email.blur();
      await expect.poll(() => page.getByText("Enter a valid email address.").count()).toBe(1);
      await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
      expect(calls).toEqual([]);
    });
  }, 30_000);

  test("a taken username shows the server's message on blur", async () => {
    await withPage(browser, "e2e-signup-taken", async (page) => {
      await open(page, "signup");
      const calls = recordCalls(page);
      await page.getByLabel("Username").fill("alice");
      await page.getByLabel("Username").blur();
      await page.getByText("The username “alice” is already taken.").waitFor();
      expect(calls).toEqual(["signup.validate"]);
    });
  }, 30_000);

  test("a successful submit shows the result", async () => {
    await withPage(browser, "e2e-contact-success", async (page) => {
      await open(page, "contact");
      const before = store.messages.length;
      await page.getByLabel("Name").fill("Ada Lovelace");
      await page.getByLabel("Email").fill("ada@example.com");
      await page.getByLabel("Topic").selectOption("support");
      await page.getByLabel("Message").fill("The engine works beautifully.");
      await page.getByRole("button", { name: "Send" }).click();
      const status = page.getByRole("status").filter({ hasText: "Message sent" });
      await status.waitFor();
      expect(await status.textContent()).toContain(`"ticket": ${before + 1}`);
      expect(store.messages.at(-1)).toMatchObject({ email: "ada@example.com", topic: "support" });
    });
  }, 30_000);

  test("the order formset adds and removes rows within its limits", async () => {
    await withPage(browser, "e2e-order-formset", async (page) => {
      await open(page, "order");
      const rows = page.locator("fieldset.mizan-fieldset--row");
      const start = await rows.count();
      expect(start).toBeGreaterThanOrEqual(1);
      const add = page.getByRole("button", { name: "Add Line items" });
      await add.click();
      await expect.poll(() => rows.count()).toBe(start + 1);
      await page.getByRole("button", { name: `Remove Line items ${start + 1}` }).click();
      await expect.poll(() => rows.count()).toBe(start);
      for (let n = start; n < 5; n++) await add.click();
      await expect.poll(() => rows.count()).toBe(5);
      expect(await add.count()).toBe(0);
    });
  }, 30_000);

  test("an order with a bad quantity shows the error on that row, then succeeds", async () => {
    await withPage(browser, "e2e-order-submit", async (page) => {
      await open(page, "order");
      await page.getByLabel("Street").fill("1 Main St");
      await page.getByLabel("City").fill("Oslo");
      await page.getByLabel("Postcode").fill("0150");
      const row = page.locator("fieldset.mizan-fieldset--row").first();
      await row.getByLabel("Product").selectOption("tea");
      await row.getByLabel("Quantity").fill("99");
      await page.getByRole("button", { name: "Place order" }).click();
      await row.getByText("Ensure this value is less than or equal to 20.").waitFor();
      await row.getByLabel("Quantity").fill("3");
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByRole("status").filter({ hasText: "Order placed" }).waitFor();
      expect(await page.getByRole("status").textContent()).toContain('"units": 3');
    });
  }, 30_000);

  test("a file upload round-trips; an oversized file is refused with the field's message", async () => {
    await withPage(browser, "e2e-profile-upload", async (page) => {
      await open(page, "profile");
      await page.getByLabel("Demo login as").fill("alice");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Editing the profile of").waitFor();
      await page.getByLabel("Display name").fill("Alice");
      const big = { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(300 * 1024, 1) };
      await page.getByLabel("Avatar").setInputFiles(big);
      await page.getByRole("button", { name: "Save profile" }).click();
      await page.getByText(/Ensure this file is at most 200\.0\sKB/).waitFor();
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
        "hex",
      );
      await page
        .getByLabel("Avatar")
        .setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
      await page.getByRole("button", { name: "Save profile" }).click();
      const status = page.getByRole("status").filter({ hasText: "Profile saved" });
      await status.waitFor();
      expect(await status.textContent()).toContain('"name": "dot.png"');
      expect([...store.avatars.values()].at(-1)).toEqual({
        name: "dot.png",
        size: png.length,
        type: "image/png",
      });
    });
  }, 40_000);

  test("the signup form can be completed by keyboard alone", async () => {
    await withPage(browser, "e2e-signup-keyboard", async (page) => {
      await open(page, "signup");
      await page.locator("#signup-username").focus();
      const kb = page.keyboard;
      await kb.type("grace_h");
      await kb.press("Tab");
      await kb.type("grace@example.com");
      await kb.press("Tab");
      await kb.type("correct horse");
      await kb.press("Tab");
      await kb.type("correct horse");
      await kb.press("Tab");
      await kb.type("36");
      // Birthdate is optional: Tab through its date segments to the terms checkbox.
      const focused = () => page.evaluate(() => document.activeElement?.id);
      for (let i = 0; i < 8 && (await focused()) !== "signup-terms"; i++) await kb.press("Tab");
      expect(await focused()).toBe("signup-terms");
      await kb.press("Space");
      await kb.press("Tab");
      await kb.press("Enter");
      const status = page.getByRole("status").filter({ hasText: "Account created" });
      await status.waitFor();
      expect(await status.textContent()).toContain('"username": "grace_h"');
      expect(store.isUsernameTaken("grace_h")).toBe(true);
    });
  }, 30_000);
});

describe("contexts in the demo, in Chromium", () => {
  test("a signed-in page load shows the user at once and makes no /ctx/ request", async () => {
    await withPage(browser, "e2e-contexts-first-paint", async (page) => {
      const alice = store.users.get("alice");
      await page
        .context()
        .addCookies([{ name: "mizan_demo_user", value: String(alice?.id), url: base }]);
      const fetches = recordContextFetches(page);
      const texts = await watchSessionLine(page);
      await open(page, "contact");
      await page.getByText("Signed in as alice").waitFor();
      // Let any effect-started fetch begin before counting.
      await page.waitForTimeout(300);
      expect(fetches).toEqual([]);
      // No "Not signed in" / "Checking…" before the user: the first paint already had them.
      const shown = await texts();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((text) => text.startsWith("Signed in as alice"))).toBe(true);
    });
  }, 30_000);

  test("a signed-out page load says so with no /ctx/ request", async () => {
    await withPage(browser, "e2e-contexts-signed-out", async (page) => {
      const fetches = recordContextFetches(page);
      await open(page, "contact");
      await page.getByText("Not signed in.").waitFor();
      await page.waitForTimeout(300);
      expect(fetches).toEqual([]);
    });
  }, 30_000);

  test("signing in through the login form updates the header without a reload; sign out clears it", async () => {
    await withPage(browser, "e2e-contexts-sign-in-out", async (page) => {
      await open(page, "profile");
      const header = page.locator(".demo-header .demo-user");
      await header.getByText("Not signed in.").waitFor();
      await page.evaluate(() => {
        (window as unknown as { samePage: boolean }).samePage = true;
      });
      const fetches = recordContextFetches(page);
      await page.getByLabel("Demo login as").fill("alice");
      await page.getByRole("button", { name: "Sign in" }).click();
      await header.getByText("Signed in as alice").waitFor();
      expect(fetches).toContain("/api/mizan/ctx/currentUser/");
      await header.getByRole("button", { name: "Sign out" }).click();
      await header.getByText("Not signed in.").waitFor();
      await page.getByLabel("Demo login as").waitFor();
      // The same document all along: no navigation, no reload.
      expect(
        await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
      ).toBe(true);
    });
  }, 30_000);

  test("a local context: <GreetProvider> fetches per name; signing in refetches it", async () => {
    await withPage(browser, "e2e-contexts-greet", async (page) => {
      const fetches = recordContextFetches(page);
      await open(page, "echo");
      await page.getByText("Hello, Ada!").waitFor();
      await page.getByLabel("Greet whom").fill("Grace");
      await page.getByRole("button", { name: "Greet" }).click();
      await page.getByText("Hello, Grace!").waitFor();
      const greets = () => fetches.filter((path) => path === "/api/mizan/ctx/greet/");
      expect(greets()).toHaveLength(2);
      // Signing in invalidates every greeting: the one mounted next is fetched afresh.
      await page.getByRole("link", { name: "Profile" }).click();
      await page.getByLabel("Demo login as").fill("alice");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Editing the profile of").waitFor();
      await page.getByRole("link", { name: "Echo" }).click();
      await page.getByText("Hello, Ada! (greeted by alice)").waitFor();
      expect(greets()).toHaveLength(3);
    });
  }, 30_000);
});
