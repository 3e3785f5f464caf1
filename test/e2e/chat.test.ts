/**
 * End to end: the demo's chat page (channels over the page's WebSocket) in Debian's Chromium,
 * against the demo server as `npm run demo` starts it.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { DemoStore } from "../../examples/demo/server/store.js";
import { withPage } from "./chromium.js";
import { withDemoInChromium } from "./demo-server.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
let base = "";
let store: DemoStore;
withDemoInChromium((demo) => ({ base, store, browser } = demo));

/** Console errors and uncaught exceptions of a page. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Open the chat page in `room` and wait until its subscription is open. */
async function openRoom(page: Page, room: string): Promise<void> {
  await page.goto(`${base}/chat`);
  await page.getByRole("heading", { level: 2, name: "Chat" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
  if (room !== "lobby") {
    await page.getByLabel("Room").selectOption(room);
    await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
  }
}

describe("the demo's chat in Chromium", () => {
  test("two pages in the same room: a message typed in one appears in the other", async () => {
    const other = await browser.newContext();
    try {
      const second = await other.newPage();
      await withPage(browser, "e2e-chat-two-pages", async (first) => {
        const errors = [...recordErrors(first), ...recordErrors(second)];
        await openRoom(first, "help");
        await openRoom(second, "help");
        await first.getByLabel("Message", { exact: true }).fill("Is anyone there?");
        await first.getByRole("button", { name: "Send" }).click();
        const seen = second.getByRole("list", { name: "Messages in help" }).getByRole("listitem");
        await seen.filter({ hasText: "Is anyone there?" }).waitFor();
        expect(await seen.first().textContent()).toContain("guest");
        // The sender sees it too (the server's broadcast), and the box is cleared.
        await first
          .getByRole("list", { name: "Messages in help" })
          .getByText("Is anyone there?")
          .waitFor();
        expect(await first.getByLabel("Message", { exact: true }).inputValue()).toBe("");
        // Another room hears nothing of it.
        await second.getByLabel("Room").selectOption("random");
        await second.getByRole("status").filter({ hasText: "Connected" }).waitFor();
        expect(await second.getByText("Is anyone there?").count()).toBe(0);
        expect(errors).toEqual([]);
      });
    } finally {
      await other.close();
    }
  }, 60_000);

  test("a blank message gets the server's validation message beside the box", async () => {
    await withPage(browser, "e2e-chat-blank", async (page) => {
      await openRoom(page, "lobby");
      await page.getByLabel("Message", { exact: true }).fill("   ");
      await page.getByRole("button", { name: "Send" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).not.toBe("");
      expect(await page.getByLabel("Message", { exact: true }).getAttribute("aria-invalid")).toBe(
        "true",
      );
    });
  }, 30_000);

  test("staff see an order placed elsewhere at once; others are told it is staff only", async () => {
    const admin = store.users.get("admin");
    if (!admin) throw new Error("the demo store has no admin");
    const staff = await browser.newContext();
    try {
      await staff.addCookies([{ name: "mizan_demo_user", value: String(admin.id), url: base }]);
      const staffPage = await staff.newPage();
      await openRoom(staffPage, "lobby");
      await withPage(browser, "e2e-chat-staff", async (page) => {
        await openRoom(page, "lobby");
        await page.getByText("Staff only").waitFor();
        await page.goto(`${base}/order`);
        await page.getByLabel("Street").fill("1 Main St");
        await page.getByLabel("City").fill("Bergen");
        await page.getByLabel("Postcode").fill("5003");
        const row = page.locator("fieldset.mizan-fieldset--row").first();
        await row.getByLabel("Product").selectOption("tea");
        await row.getByLabel("Quantity").fill("2");
        await page.getByRole("button", { name: "Place order" }).click();
        await page.getByRole("status").filter({ hasText: "Order placed" }).waitFor();
      });
      const orders = staffPage.getByRole("list", { name: "New orders" });
      await orders.getByText("units to Bergen").waitFor();
    } finally {
      await staff.close();
    }
  }, 60_000);

  test("axe finds no accessibility violations on the chat page", async () => {
    await withPage(browser, "e2e-chat-axe", async (page) => {
      await openRoom(page, "lobby");
      await page.getByLabel("Message", { exact: true }).fill("Checking contrast");
      await page.getByRole("button", { name: "Send" }).click();
      await page
        .getByRole("list", { name: "Messages in lobby" })
        .getByText("Checking contrast")
        .waitFor();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<unknown> } })
          .axe;
        const result = (await axe.run(document)) as {
          violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
        };
        return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
      });
      expect(violations).toEqual([]);
    });
  }, 30_000);

  test("with JavaScript off the page renders and says the chat needs it", async () => {
    await withPage(
      browser,
      "e2e-chat-no-js",
      async (page) => {
        const response = await page.goto(`${base}/chat`);
        expect(response?.status()).toBe(200);
        const html = await page.content();
        expect(html).toContain('<h2 id="chat-title">Chat</h2>');
        // Playwright's text matching skips <noscript>; its element is what the reader sees.
        const notice = page.locator(".demo-chat-nojs");
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.textContent()).toContain("The chat needs JavaScript");
        // The forms still post natively: the contact page is one link away.
        expect(await page.getByRole("link", { name: "Contact" }).getAttribute("href")).toBe(
          "/contact",
        );
      },
      { javaScriptEnabled: false },
    );
  }, 30_000);
});
