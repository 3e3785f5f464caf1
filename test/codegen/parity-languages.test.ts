import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  ContactForm as DemoContact,
  OrderForm as DemoOrder,
  SignupForm as DemoSignup,
  LoginForm,
  ProfileForm,
} from "../../examples/demo/server/forms.js";
import { registry as demoRegistry } from "../../examples/demo/server/registry.js";
import { DemoStore } from "../../examples/demo/server/store.js";
import { formNames } from "../../src/codegen/index.js";
import { type MessageCatalog, withCatalog } from "../../src/codegen/runtime/index.js";
import { createContext } from "../../src/core/context.js";
import { withLocale } from "../../src/core/locale.js";
import type { Manifest } from "../../src/core/registry.js";
import type { Form } from "../../src/forms/form.js";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import { registerLocale } from "../../src/forms/messages.js";
import { ContactForm, fixtureRegistry, OrderForm, SignupForm } from "./fixtures/forms.js";
import { emit, TMP } from "./helpers.js";
import { formArbitrary } from "./parity/schema-arbitrary.js";

// The browser shows the server's messages in every shipped language: the client is generated
// once (English baked in, `--languages` catalogs beside), and each language's catalog, loaded as
// a page would, must give exactly the messages the server writes inside that language.

/** Cases per form and language (LANGUAGE_PARITY_RUNS overrides); English runs in parity-forms/demo. */
const RUNS = Number(process.env.LANGUAGE_PARITY_RUNS ?? 500);
const LANGUAGES = Object.keys(SHIPPED_LOCALES).filter((l) => l !== "en");

type Errors = Record<string, Array<{ message: string; code: string }>>;
type FormClass = new (options: object) => Form;

interface Case {
  app: string;
  name: string;
  form: FormClass;
  serverOnly: string[];
}

const CASES: Case[] = [
  { app: "fixture", name: "contact", form: ContactForm as FormClass, serverOnly: [] },
  { app: "fixture", name: "user_signup", form: SignupForm as FormClass, serverOnly: [] },
  { app: "fixture", name: "order", form: OrderForm as FormClass, serverOnly: [] },
  { app: "demo", name: "contact", form: DemoContact as FormClass, serverOnly: [] },
  { app: "demo", name: "signup", form: DemoSignup as FormClass, serverOnly: ["taken", "mismatch"] },
  { app: "demo", name: "order", form: DemoOrder as FormClass, serverOnly: [] },
  { app: "demo", name: "profile", form: ProfileForm as FormClass, serverOnly: [] },
  { app: "demo", name: "login", form: LoginForm as FormClass, serverOnly: ["unknown_user"] },
];

const manifests: Record<string, Manifest> = {
  fixture: fixtureRegistry().manifest(),
  demo: demoRegistry.manifest(),
};
const schemas: Record<string, z.ZodType> = {};
const catalogs: Record<string, Record<string, MessageCatalog>> = {};

beforeAll(async () => {
  for (const language of LANGUAGES) registerLocale(language, SHIPPED_LOCALES[language] ?? {});
  for (const [app, manifest] of Object.entries(manifests)) {
    const dir = join(TMP, `parity-languages-${app}`);
    const files = emit(manifest, dir, { hooks: false, languages: ["en", ...LANGUAGES] });
    expect(files.map((f) => f.path)).toContain("messages/index.ts");
    const index = (await import(join(dir, "messages/index.ts"))) as {
      messageCatalogs: Record<string, () => Promise<{ catalog: MessageCatalog }>>;
    };
    catalogs[app] = {};
    for (const language of LANGUAGES) {
      const load = index.messageCatalogs[language];
      if (!load) throw new Error(`no "${language}" catalog for ${app}`);
      (catalogs[app] as Record<string, MessageCatalog>)[language] = (await load()).catalog;
    }
    for (const { name } of CASES.filter((c) => c.app === app)) {
      const names = formNames(name);
      const mod = (await import(join(dir, names.file))) as Record<string, z.ZodType>;
      schemas[`${app}/${name}`] = mod[names.schema] as z.ZodType;
    }
  }
}, 120_000);

function issuesByPath(result: ReturnType<z.ZodType["safeParse"]>): Errors {
  const out: Errors = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.join(".");
    const code = String((issue as { params?: { code?: unknown } }).params?.code ?? issue.code);
    out[path] = [...(out[path] ?? []), { message: issue.message, code }];
  }
  return out;
}

describe("parity across languages: generated validation in each catalog vs the server in that language", () => {
  test("a catalog is written for every shipped language", () => {
    expect(LANGUAGES.length).toBeGreaterThan(0);
    for (const app of Object.keys(manifests))
      expect(Object.keys(catalogs[app] ?? {}).sort()).toEqual([...LANGUAGES].sort());
  });

  const matrix = LANGUAGES.flatMap((language) => CASES.map((c) => ({ ...c, language })));
  test.each(matrix)(
    "$language: $app $name",
    async ({ language, app, name, form, serverOnly }) => {
      const manifest = manifests[app] as Manifest;
      const node = (manifest.forms[name] as { json_schema: Record<string, unknown> }).json_schema;
      const schema = schemas[`${app}/${name}`] as z.ZodType;
      const catalog = catalogs[app]?.[language];
      const only = new Set(serverOnly);
      let translated = 0;
      await fc.assert(
        fc.asyncProperty(formArbitrary(node), async (data) => {
          const expected = await withLocale(language, async () => {
            const ctx = createContext({
              app: { store: new DemoStore() } as never,
              user: { id: 1 } as never,
            });
            const server = new form({ data, ctx });
            await server.isValid();
            const errors: Errors = {};
            for (const [path, items] of Object.entries(server.errorDetails().fields)) {
              const shared = items
                .filter((i) => !only.has(i.code))
                .map(({ message, code }) => ({ message, code }));
              if (shared.length) errors[path] = shared;
            }
            return errors;
          });
          const actual = issuesByPath(withCatalog(catalog, () => schema.safeParse(data)));
          expect(actual).toEqual(expected);
          const english = issuesByPath(schema.safeParse(data));
          if (JSON.stringify(english) !== JSON.stringify(actual)) translated++;
        }),
        { numRuns: RUNS, seed: Number(process.env.PARITY_SEED ?? 20261130), endOnFailure: true },
      );
      // The catalog was in force: some messages differ from English.
      expect(translated).toBeGreaterThan(0);
    },
    120_000,
  );
});
