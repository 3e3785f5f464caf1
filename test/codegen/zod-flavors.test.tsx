/**
 * `mizan generate --zod mini` (the default) and `--zod classic`: the same forms, cleaned the same
 * way, with the server's messages, through `zodResolver` and `useMizanForm` alike.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { zodResolver } from "@hookform/resolvers/zod";
import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import type { FieldValues, ResolverOptions } from "react-hook-form";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z as classic } from "zod";
import { ZodMiniObject } from "zod/mini";
import { MizanForm, type MizanFormReturn } from "../../react/index.js";
import { GenerateError, type GenerateOptions, generate } from "../../src/codegen/index.js";
import type { Manifest } from "../../src/core/registry.js";
import { fixtureRegistry as reactRegistry } from "../fixtures/forms.js";
import { harness } from "../fixtures/react.js";
import { fixtureRegistry } from "./fixtures/forms.js";

// `import.meta.url` is not a file URL under jsdom; vitest sets `dirname` in every environment.
const ROOT = resolve(import.meta.dirname, "../..");
const TMP = join(ROOT, "test/codegen/.generated/zod-flavors");

type Flavor = NonNullable<GenerateOptions["zod"]>;
// biome-ignore lint/suspicious/noExplicitAny: modules whose shape the generator decides
type Module = Record<string, any>;

/** Generate `manifest` in one flavor into a scratch folder; import its form modules. */
async function load(manifest: Manifest, zod: Flavor | undefined, name: string) {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  const files = generate(manifest, {
    ...(zod ? { zod } : {}),
    imports: {
      react: join(ROOT, "react", "index.ts"),
      runtime: join(ROOT, "src", "codegen", "runtime", "index.ts"),
      client: join(ROOT, "src", "client", "index.ts"),
    },
  });
  const forms: Record<string, Module> = {};
  const sources: Record<string, string> = {};
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
  for (const file of files.filter((f) => f.path.startsWith("forms/"))) {
    const form = file.path.slice("forms/".length).replace(/\.ts$/, "");
    sources[form] = readFileSync(join(dir, file.path), "utf8");
    forms[form] = await import(/* @vite-ignore */ join(dir, file.path));
  }
  return { forms, sources };
}

let mini: Awaited<ReturnType<typeof load>>;
let chained: Awaited<ReturnType<typeof load>>;
let reactMini: Awaited<ReturnType<typeof load>>;
let reactClassic: Awaited<ReturnType<typeof load>>;
beforeAll(async () => {
  const manifest = fixtureRegistry().manifest();
  mini = await load(manifest, undefined, "mini");
  chained = await load(manifest, "classic", "classic");
  const react = reactRegistry().manifest();
  reactMini = await load(react, "mini", "react-mini");
  reactClassic = await load(react, "classic", "react-classic");
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** What a parse reports: path, Django code and message of every issue, or the cleaned data. */
function verdict(schema: { safeParse(data: unknown): unknown }, data: unknown) {
  const result = schema.safeParse(data) as
    | { success: true; data: unknown }
    | {
        success: false;
        error: {
          issues: Array<{ path: PropertyKey[]; message: string; params?: { code?: string } }>;
        };
      };
  if (result.success) return { data: result.data };
  return {
    issues: result.error.issues.map((i) => [i.path.join("."), i.params?.code, i.message]),
  };
}

const CASES: Record<string, Array<Record<string, unknown>>> = {
  contact: [
    {},
    { name: "Ada", email: "not-an-email", topic: "nope", message: "short" },
    { name: "x".repeat(101), email: "ada@example.com", topic: "press", message: "long enough!" },
    { name: "  Ada ", email: "ada@example.com", topic: "sales", message: "Hello there, mizan." },
  ],
  "user-signup": [{}, { username: "ada", age: "12.5", terms: "", tags: "x" }],
  order: [
    {},
    { shipping: "x", items: "nope" },
    { shipping: { street: "1 Road", city: "", postcode: "1" }, items: [] },
    {
      shipping: { street: "1 Road", city: "Paris", postcode: "75001" },
      items: [
        { product: "tea", quantity: "30" },
        { product: "gin", quantity: "1" },
      ],
    },
    {
      shipping: { street: "1 Road", city: "Paris", postcode: "75001" },
      items: [{ product: "tea", quantity: "2" }],
      note: "",
    },
  ],
};

describe("zod/mini by default, classic on request", () => {
  test("the default imports zod/mini and builds mini objects; --zod classic imports zod", () => {
    for (const [form, source] of Object.entries(mini.sources)) {
      expect(source, form).toContain('import * as z from "zod/mini";');
      expect(source, form).not.toMatch(/from "zod";/);
    }
    for (const source of Object.values(chained.sources))
      expect(source).toContain('import { z } from "zod";');
    // Importing the modules ran the schemas' construction: a chain would have thrown on a
    // mini object, which has no methods such as .optional() or .and().
    expect(mini.forms.order?.orderSchema).toBeInstanceOf(ZodMiniObject);
    expect(chained.forms.order?.orderSchema).toBeInstanceOf(classic.ZodObject);
    expect(chained.forms.order?.orderSchema).not.toBeInstanceOf(ZodMiniObject);
  });

  test("both flavors clean and report the same: fields, a nested form, a formset", () => {
    const schemaName = {
      contact: "contactSchema",
      "user-signup": "userSignupSchema",
      order: "orderSchema",
    };
    for (const [form, cases] of Object.entries(CASES)) {
      const key = schemaName[form as keyof typeof schemaName];
      const a = mini.forms[form]?.[key];
      const b = chained.forms[form]?.[key];
      for (const data of cases)
        expect(verdict(a, data), `${form} ${JSON.stringify(data)}`).toEqual(verdict(b, data));
    }
    // And what they report is the server's text, not Zod's.
    expect(verdict(mini.forms.order?.orderSchema, CASES.order?.[3])).toEqual({
      issues: [
        ["items.0.quantity", "max_value", "Ensure this value is less than or equal to 20."],
        [
          "items.1.product",
          "invalid_choice",
          "Select a valid choice. gin is not one of the available choices.",
        ],
      ],
    });
  });

  test("zodResolver takes the mini schema and gives the errors the classic one gives", async () => {
    const options = {
      fields: {},
      shouldUseNativeValidation: false,
    } as ResolverOptions<FieldValues>;
    const values = { name: "", email: "not-an-email", topic: "sales", message: "short" };
    const fromMini = await zodResolver(mini.forms.contact?.contactSchema)(
      values,
      undefined,
      options,
    );
    const fromClassic = await zodResolver(chained.forms.contact?.contactSchema)(
      values,
      undefined,
      options,
    );
    expect(fromMini).toEqual(fromClassic);
    const messages = Object.fromEntries(
      Object.entries(fromMini.errors).map(([k, v]) => [k, (v as { message?: string }).message]),
    );
    expect(messages).toEqual({
      name: "This field is required.",
      email: "Enter a valid email address.",
      message: "Ensure this value has at least 10 characters (it has 5).",
    });
  });

  test("a classic client can be extended with the chained API", () => {
    const extended = chained.forms.contact?.contactSchema.extend({
      copy: classic.boolean().default(false),
    });
    const data = {
      name: "Ada",
      email: "ada@example.com",
      topic: "press",
      message: "Hello, mizan!",
    };
    expect(extended.parse(data)).toEqual({ ...data, copy: false });
    expect(verdict(extended, { ...data, email: "x" })).toEqual({
      issues: [["email", "invalid", "Enter a valid email address."]],
    });
  });

  test("a form node json-schema-to-zod would chain is refused in mini mode, printed in classic", () => {
    const manifest = fixtureRegistry().manifest();
    const contact = manifest.forms.contact as { json_schema: Record<string, unknown> };
    contact.json_schema = { ...contact.json_schema, anyOf: [{ required: ["name"] }] };
    expect(() => generate(manifest)).toThrow(GenerateError);
    expect(() => generate(manifest)).toThrow(/anyOf has no zod\/mini equivalent.*--zod classic/);
    const classicFile = generate(manifest, { zod: "classic" }).find(
      (f) => f.path === "forms/contact.ts",
    );
    expect(classicFile?.contents).toContain(".and(");
    expect(() => generate(manifest, { zod: "nano" as Flavor })).toThrow(
      'Unknown Zod flavor "nano": expected "mini" or "classic".',
    );
  });
});

/** The contact form of one generated client, rendered by `<MizanForm>`. */
function Contact({ flavor }: { flavor: Flavor }) {
  const client = flavor === "mini" ? reactMini : reactClassic;
  const form = client.forms.contact?.useContactForm() as MizanFormReturn;
  return <MizanForm form={form} />;
}

describe("useMizanForm with the generated mini client", () => {
  test.each(["mini", "classic"] as const)(
    "%s: the browser shows the server's messages and makes no request",
    async (flavor) => {
      const h = harness();
      const user = userEvent.setup();
      render(<Contact flavor={flavor} />, { wrapper: h.wrapper });
      await user.type(screen.getByLabelText(/Email/), "not-an-email");
      await user.tab();
      expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
      await user.type(screen.getByLabelText(/Message/), "short");
      await user.click(screen.getByRole("button", { name: "Submit" }));
      expect(await screen.findAllByText("This field is required.")).toHaveLength(2);
      expect(
        screen.getByText("Ensure this value has at least 10 characters (it has 5)."),
      ).toBeInTheDocument();
      expect(h.calls.filter((c) => c.name === "contact.submit")).toEqual([]);
    },
  );
});
