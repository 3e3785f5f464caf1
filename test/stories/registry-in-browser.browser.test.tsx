import { createInProcessClient } from "mizan/client";
import { expect, test } from "vitest";
import { registry } from "../../examples/demo/server/registry.js";
import { DemoStore } from "../../examples/demo/server/store.js";

// Storybook runs the demo's real forms in the page: the registry must load in a browser.
test("the demo registry loads and validates in Chromium", async () => {
  expect(navigator.userAgent).toMatch(/Chrom/);
  const client = createInProcessClient({ registry, app: { store: new DemoStore() } });
  const manifest = await client.manifest();
  expect(Object.keys(manifest.forms ?? {}).sort()).toEqual([
    "contact",
    "login",
    "order",
    "profile",
    "signup",
  ]);
  expect(Object.keys(manifest.contexts ?? {}).sort()).toEqual(["currentUser", "greet"]);
  const check = await client.call<{ valid: boolean; errors: { fields: Record<string, unknown> } }>(
    "signup.validate",
    { data: { username: "alice" }, fields: ["username"] },
  );
  expect(check.valid).toBe(false);
  expect(check.errors.fields.username).toEqual([
    { code: "taken", message: "The username “alice” is already taken." },
  ]);
});
