/**
 * End to end with JavaScript off: the demo's pages are server-rendered HTML forms that post
 * natively to `/api/mizan/form/<name>/`; a failed post comes back as the same page with the
 * user's values and Django's messages, a good one redirects (303) to a success page.
 */
import type { Browser, Page, Response } from "playwright-core";
import { describe, expect, test } from "vitest";
import type { DemoStore } from "../../examples/demo/server/store.js";
import { withPage } from "./chromium.js";
import { withDemoInChromium } from "./demo-server.js";

let browser: Browser;
let base = "";
let store: DemoStore;
withDemoInChromium((demo) => ({ base, store, browser } = demo));

/** A page whose context runs no JavaScript at all. */
function withoutJs<T>(name: string, body: (page: Page) => Promise<T>): Promise<T> {
  return withPage(browser, name, body, { javaScriptEnabled: false });
}

/**
 * Click a submit button and wait for the page the browser ends on: the post's own status
 * (`303` for a success, then the redirect is followed) and that final page's status.
 */
async function submit(page: Page, button: string): Promise<{ post: number; final: number }> {
  const navigation = (r: Response) => r.request().isNavigationRequest();
  const [post, final] = await Promise.all([
    page.waitForEvent("response", (r) => navigation(r) && r.request().method() === "POST"),
    page.waitForEvent("response", (r) => navigation(r) && (r.status() < 300 || r.status() >= 400)),
    page.getByRole("button", { name: button }).click(),
  ]);
  await page.waitForLoadState("domcontentloaded");
  return { post: post.status(), final: final.status() };
}

/** The messages shown for an input (its `aria-describedby` error list). */
async function errorsOf(page: Page, input: ReturnType<Page["getByLabel"]>): Promise<string> {
  const id = await input.getAttribute("id");
  return (await page.locator(`[id="${id}_error"]`).textContent()) ?? "";
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

describe("the demo with JavaScript off", () => {
  test("JavaScript really is off; the pages are server-rendered HTML forms", async () => {
    await withoutJs("nojs-check", async (page) => {
      await page.goto(`${base}/contact`);
      await page.getByRole("heading", { name: "Contact us" }).waitFor();
      expect(await page.getByRole("link", { name: "Order" }).getAttribute("href")).toBe("/order");
      const form = page.locator("form.mizan-form");
      expect(await form.getAttribute("method")).toBe("post");
      expect(await form.getAttribute("action")).toBe("/api/mizan/form/contact/");
      // <noscript> content shows only when scripts cannot run.
      await page.goto(`${base}/order`);
      expect(await page.getByRole("link", { name: "Add a line item" }).isVisible()).toBe(true);
    });
  }, 30_000);

  test("an invalid contact form comes back with the values kept and Django's messages", async () => {
    await withoutJs("nojs-contact-invalid", async (page) => {
      await page.goto(`${base}/contact`);
      await page.getByLabel("Name").fill("Ada Lovelace");
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByLabel("Topic").selectOption("press");
      await page.getByLabel("Message").fill("Too short");
      expect(await submit(page, "Send")).toEqual({ post: 422, final: 422 });
      expect(new URL(page.url()).pathname).toBe("/api/mizan/form/contact/");
      await page.getByRole("heading", { name: "Contact us" }).waitFor();
      expect(await page.getByLabel("Name").inputValue()).toBe("Ada Lovelace");
      expect(await page.getByLabel("Email").inputValue()).toBe("not-an-email");
      expect(await page.getByLabel("Topic").inputValue()).toBe("press");
      expect(await page.getByLabel("Message").inputValue()).toBe("Too short");
      expect(await errorsOf(page, page.getByLabel("Email"))).toBe("Enter a valid email address.");
      expect(await errorsOf(page, page.getByLabel("Message"))).toBe(
        "Ensure this value has at least 10 characters (it has 9).",
      );
      expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBeNull();
    });
  }, 30_000);

  test("a valid contact form redirects to the success page", async () => {
    await withoutJs("nojs-contact-valid", async (page) => {
      await page.goto(`${base}/contact`);
      const before = store.messages.length;
      await page.getByLabel("Name").fill("Grace Hopper");
      await page.getByLabel("Email").fill("grace@example.com");
      await page.getByLabel("Topic").selectOption("support");
      await page.getByLabel("Message").fill("Native posts work nicely.");
      expect(await submit(page, "Send")).toEqual({ post: 303, final: 200 });
      const url = new URL(page.url());
      expect(url.pathname).toBe("/contact/sent");
      expect(url.searchParams.get("ticket")).toBe(String(before + 1));
      await page.getByText(`Message sent: ticket ${before + 1}.`).waitFor();
      expect(store.messages.at(-1)).toMatchObject({ email: "grace@example.com", topic: "support" });
    });
  }, 30_000);

  test("an order with two line items posts natively; the error lands on its row", async () => {
    await withoutJs("nojs-order", async (page) => {
      await page.goto(`${base}/order`);
      const rows = page.locator("fieldset.mizan-fieldset--row");
      expect(await rows.count()).toBe(1);
      await page.getByRole("link", { name: "Add a line item" }).click();
      await page.waitForURL(`${base}/order?items=2`);
      expect(await rows.count()).toBe(2);
      await page.getByLabel("Street").fill("1 Main St");
      await page.getByLabel("City").fill("Oslo");
      await page.getByLabel("Postcode").fill("0150");
      await rows.nth(0).getByLabel("Product").selectOption("tea");
      await rows.nth(0).getByLabel("Quantity").fill("2");
      await rows.nth(1).getByLabel("Product").selectOption("mug");
      await rows.nth(1).getByLabel("Quantity").fill("99");
      expect(await submit(page, "Place order")).toEqual({ post: 422, final: 422 });
      expect(await rows.count()).toBe(2);
      const second = rows.nth(1).getByLabel("Quantity");
      expect(await second.inputValue()).toBe("99");
      expect(await errorsOf(page, second)).toBe("Ensure this value is less than or equal to 20.");
      expect(await rows.nth(0).locator(".mizan-error").count()).toBe(0);
      expect(await rows.nth(1).getByLabel("Product").inputValue()).toBe("mug");
      expect(await page.getByLabel("City").inputValue()).toBe("Oslo");
      await second.fill("3");
      const orders = store.orders.length;
      expect(await submit(page, "Place order")).toEqual({ post: 303, final: 200 });
      expect(new URL(page.url()).pathname).toBe("/order/placed");
      await page.getByText(`Order ${orders + 1} placed: 5 units.`).waitFor();
      expect(store.orders.at(-1)).toEqual({ id: orders + 1, items: 2 });
    });
  }, 40_000);

  test("sign in, then an avatar upload; an oversized file comes back with its message", async () => {
    await withoutJs("nojs-profile-upload", async (page) => {
      await page.goto(`${base}/profile`);
      await page.getByLabel("Demo login as").fill("alice");
      expect(await submit(page, "Sign in")).toEqual({ post: 303, final: 200 });
      expect(new URL(page.url()).pathname).toBe("/profile");
      await page.getByText("Editing the profile of").waitFor();
      await page.getByText("Signed in as alice").waitFor();

      await page.getByLabel("Display name").fill("Alice");
      const big = { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(300 * 1024, 1) };
      await page.getByLabel("Avatar").setInputFiles(big);
      expect(await submit(page, "Save profile")).toEqual({ post: 422, final: 422 });
      expect(await errorsOf(page, page.getByLabel("Avatar"))).toMatch(
        /Ensure this file is at most 200\.0\sKB/,
      );
      expect(await page.getByLabel("Display name").inputValue()).toBe("Alice");

      await page
        .getByLabel("Avatar")
        .setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG });
      expect(await submit(page, "Save profile")).toEqual({ post: 303, final: 200 });
      expect(new URL(page.url()).pathname).toBe("/profile/saved");
      await page.getByText("Profile saved with the avatar dot.png.").waitFor();
      const alice = store.users.get("alice");
      expect(store.avatars.get(alice?.id ?? -1)).toEqual({
        name: "dot.png",
        size: PNG.length,
        type: "image/png",
      });
    });
  }, 40_000);

  test("the hand-laid signup form posts natively; its messages come back beside its inputs", async () => {
    await withoutJs("nojs-signup", async (page) => {
      await page.goto(`${base}/signup`);
      await page.getByLabel("Username").fill("alice");
      await page.getByLabel("Email").fill("alice2@example.com");
      await page.locator("#signup-password").fill("correct horse");
      await page.getByLabel("Confirm password").fill("another horse");
      await page.getByLabel("Age").fill("30");
      await page.getByLabel("I accept the terms").check();
      expect(await submit(page, "Create account")).toEqual({ post: 422, final: 422 });
      expect(await page.getByLabel("Username").inputValue()).toBe("alice");
      expect(await page.getByLabel("Age").inputValue()).toBe("30");
      expect(await page.getByLabel("I accept the terms").isChecked()).toBe(true);
      // As Django's PasswordInput: a password is never written back into the page.
      expect(await page.locator("#signup-password").inputValue()).toBe("");
      expect(await page.locator("#signup-username-error").textContent()).toBe(
        "The username “alice” is already taken.",
      );
      expect(await page.locator("#signup-confirm-error").textContent()).toBe(
        "The two passwords differ.",
      );
      await page.getByLabel("Username").fill("ada_l");
      await page.locator("#signup-password").fill("correct horse");
      await page.getByLabel("Confirm password").fill("correct horse");
      expect(await submit(page, "Create account")).toEqual({ post: 303, final: 200 });
      await page.getByText("Account created for ada_l.").waitFor();
      expect(store.isUsernameTaken("ada_l")).toBe(true);
    });
  }, 30_000);

  test("a post without the CSRF field is refused with a readable page, not JSON", async () => {
    await withoutJs("nojs-csrf", async (page) => {
      // A visit sets the csrftoken cookie; a forged form (no csrfmiddlewaretoken) then posts.
      await page.goto(`${base}/contact`);
      await page.route(`${base}/forged`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<form method="post" action="/api/mizan/form/contact/">
            <input name="name" value="Mallory"><input name="email" value="m@example.com">
            <input name="topic" value="sales"><input name="message" value="Sent from elsewhere">
            <button>Forge</button></form>`,
        }),
      );
      await page.goto(`${base}/forged`);
      const before = store.messages.length;
      const [response] = await Promise.all([
        page.waitForEvent("response", (r) => r.request().isNavigationRequest()),
        page.getByRole("button", { name: "Forge" }).click(),
      ]);
      expect(response.status()).toBe(403);
      expect(response.headers()["content-type"]).toContain("text/html");
      await page.getByRole("heading", { name: "Forbidden" }).waitFor();
      await page.getByText("CSRF verification failed").waitFor();
      expect(store.messages.length).toBe(before);
    });
  }, 30_000);
});

describe("the same pages with JavaScript on", () => {
  /** Console errors and uncaught page errors (a hydration mismatch reports one). */
  function recordErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on("console", (message) => {
      // The browser logs a 422 page's status; that is the answer, not an error of the page.
      if (message.type() === "error" && !message.text().includes("status of 422"))
        errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    return errors;
  }

  test("a failed native post's page hydrates cleanly and then submits through the hook", async () => {
    await withPage(browser, "js-hydrate-invalid-post", async (page) => {
      const errors = recordErrors(page);
      await page.goto(`${base}/contact`);
      await page.getByLabel("Name").fill("Ada Lovelace");
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByLabel("Message").fill("Too short");
      // A native submit (what a click does before the script has loaded).
      await Promise.all([
        page.waitForURL(`${base}/api/mizan/form/contact/`),
        page.locator("form.mizan-form").evaluate((form: HTMLFormElement) => form.submit()),
      ]);
      await page.getByText("Enter a valid email address.").waitFor();
      // Hydrated: the client's own validation answers as the user types, with no request.
      await page.getByLabel("Email").fill("ada@example.com");
      await page.getByLabel("Email").blur();
      await expect.poll(() => page.getByText("Enter a valid email address.").count()).toBe(0);
      await page.getByLabel("Topic").selectOption("support");
      await page.getByLabel("Message").fill("Long enough this time.");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByRole("status").filter({ hasText: "Message sent" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/api/mizan/form/contact/");
      expect(errors).toEqual([]);
    });
  }, 30_000);

  test("every page hydrates without an error", async () => {
    await withPage(browser, "js-hydrate-pages", async (page) => {
      const errors = recordErrors(page);
      for (const path of [
        "/contact",
        "/signup",
        "/order?items=2",
        "/profile",
        "/contact/sent?ticket=1",
      ]) {
        await page.goto(`${base}${path}`);
        await page.getByRole("heading", { level: 2 }).waitFor();
        await page.waitForLoadState("networkidle");
      }
      expect(await page.locator("fieldset.mizan-fieldset--row").count()).toBe(0);
      await page.goto(`${base}/order?items=2`);
      await page.waitForLoadState("networkidle");
      expect(await page.locator("fieldset.mizan-fieldset--row").count()).toBe(2);
      expect(errors).toEqual([]);
    });
  }, 40_000);

  test("control: a page that does not match the client's render is reported (what the above rule out)", async () => {
    await withPage(browser, "js-hydrate-control", async (page) => {
      const errors = recordErrors(page);
      await page.route(`${base}/order`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace("Place an order</h2>", "Place an ordeX</h2>");
        await route.fulfill({ response, body });
      });
      await page.goto(`${base}/order`);
      await page.waitForLoadState("networkidle");
      // On a loaded machine hydration can finish after the network went idle: wait for it.
      await expect.poll(() => errors.join("\n")).toMatch(/Hydration|#418|#425/);
    });
  }, 30_000);
});
