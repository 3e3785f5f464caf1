import { describe, expect, test } from "vitest";
import { GenerateError, generate } from "../../src/codegen/index.js";
import { catalogLoader } from "../../src/codegen/runtime/index.js";
import { RENDERER_TEXTS } from "../../src/codegen/runtime/renderer-texts.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import { fixtureRegistry } from "./fixtures/forms.js";

class AgeForm extends Form {
  static override meta = formMeta({ name: "age" });
  age = new IntegerField({ maxValue: 130 });
  nick = new CharField({
    required: false,
    errorMessages: { max_length: "Shorter." },
    maxLength: 9,
  });
}

function ageManifest() {
  const registry = new Registry();
  registry.register(AgeForm);
  return registry.manifest();
}

const fileOf = (files: Array<{ path: string; contents: string }>, path: string) =>
  files.find((f) => f.path === path)?.contents ?? "";

describe("mizan generate --languages", () => {
  test("English only (the default) writes what it always did: no keys, no catalogs", () => {
    const manifest = fixtureRegistry().manifest();
    const plain = generate(manifest);
    expect(generate(manifest, { languages: ["en"] })).toEqual(plain);
    expect(plain.some((f) => f.path.startsWith("messages/"))).toBe(false);
    expect(fileOf(plain, "forms/contact.ts")).not.toContain("keys:");
  }, 60_000);

  test("one catalog per other language, holding only the keys the forms use, in the server's text", () => {
    const files = generate(ageManifest(), { languages: "en,fr,ar" });
    expect(files.map((f) => f.path).filter((p) => p.startsWith("messages/"))).toEqual([
      "messages/ar.ts",
      "messages/fr.ts",
      "messages/index.ts",
    ]);
    const fr = fileOf(files, "messages/fr.ts");
    const table = SHIPPED_LOCALES.fr ?? {};
    for (const key of ["Field.required", "IntegerField.invalid", "MaxValueValidator.max_value"]) {
      expect(fr).toContain(JSON.stringify(key));
      expect(fr).toContain(String(table[key]).slice(0, 20));
    }
    // Keys no form uses stay out; the author's own message has no key.
    expect(fr).not.toContain("EmailValidator.invalid");
    expect(fr).not.toContain("MaxLengthValidator.max_length");
    const form = fileOf(files, "forms/age.ts");
    expect(form).toContain('"Shorter."');
    expect(form).toContain('import { messageCatalogs } from "../messages/index.js";');
    expect(form).toContain("messages: messageCatalogs");
    expect(fileOf(files, "messages/index.ts")).toContain('fr: () => import("./fr.js")');
  });

  test("every catalog carries the renderer's own texts (Submit, Add, Yes/No...) in its language", async () => {
    const rendererKeys = Object.keys(RENDERER_TEXTS);
    // The English built into the renderer is the English table's.
    for (const key of rendererKeys)
      expect(SHIPPED_LOCALES.en?.[key]).toBe(RENDERER_TEXTS[key as keyof typeof RENDERER_TEXTS]);
    const files = generate(ageManifest(), { languages: "en,fr,ar" });
    for (const language of ["fr", "ar"]) {
      const source = fileOf(files, `messages/${language}.ts`);
      const table = SHIPPED_LOCALES[language] ?? {};
      for (const key of rendererKeys) {
        expect(table[key]).toBeDefined();
        // A text worded as in English is left out: the English built in serves.
        if (table[key] === SHIPPED_LOCALES.en?.[key]) expect(source).not.toContain(`"${key}"`);
        else expect(source).toContain(`${JSON.stringify(key)}: ${JSON.stringify(table[key])}`);
      }
    }
    expect(fileOf(files, "messages/ar.ts")).toContain('"ui.submit": "إرسال"');
    // English only: no catalog, so nothing more to download.
    expect(
      generate(ageManifest(), { languages: "en" }).some((f) => f.path.startsWith("messages/")),
    ).toBe(false);
  });

  test("a language with no table is refused, naming the fix", () => {
    expect(() => generate(ageManifest(), { languages: "en,xx" })).toThrow(GenerateError);
    expect(() => generate(ageManifest(), { languages: "en,xx" })).toThrow(/registerLocale\("xx"/);
    expect(() => generate(ageManifest(), { languages: "en,f r" })).toThrow(/not a language tag/);
  });

  test("an app's own table (localeTables, or registerLocale in the entry) is used", () => {
    const files = generate(ageManifest(), {
      languages: ["en", "eo"],
      localeTables: { eo: { "Field.required": "Ĉi tiu kampo estas deviga." } },
    });
    const eo = fileOf(files, "messages/eo.ts");
    expect(eo).toContain("Ĉi tiu kampo estas deviga.");
    expect(eo).not.toContain("IntegerField.invalid"); // not translated: the forms' English serves
  });
});

describe("catalogLoader", () => {
  const catalogs = {
    fr: async () => ({ catalog: { language: "fr", messages: {} } }),
    "pt-BR": async () => ({ catalog: { language: "pt-BR", messages: {} } }),
  };
  test("exact tag, else its base language; English and unknown ones have none", () => {
    expect(catalogLoader(catalogs, "fr")).toBe(catalogs.fr);
    expect(catalogLoader(catalogs, "fr-CA")).toBe(catalogs.fr);
    expect(catalogLoader(catalogs, "pt-BR")).toBe(catalogs["pt-BR"]);
    expect(catalogLoader(catalogs, "pt_br")).toBe(catalogs["pt-BR"]);
    expect(catalogLoader(catalogs, "en")).toBeUndefined();
    expect(catalogLoader(catalogs, "de")).toBeUndefined();
    expect(catalogLoader(undefined, "fr")).toBeUndefined();
  });
});
