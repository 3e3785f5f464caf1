import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { GenerateError, generate } from "../../src/codegen/index.js";
import { Registry } from "../../src/core/registry.js";
import { client } from "../../src/core/server-function.js";
import { CharField, Form, formMeta } from "../../src/forms/index.js";
import { emit, TMP, typecheck } from "./helpers.js";

function manifestWith(register: (registry: Registry) => void) {
  const registry = new Registry();
  register(registry);
  return registry.manifest();
}

const local = (input?: z.ZodType) => client({ context: "local", input }, () => ({ ok: true }));

describe("generated contexts", () => {
  test("without hooks there is no contexts.ts (it needs React)", () => {
    const manifest = manifestWith((r) => r.register(local(z.object({ id: z.number() })), "card"));
    expect(generate(manifest).map((f) => f.path)).toContain("contexts.ts");
    const files = generate(manifest, { hooks: false });
    expect(files.map((f) => f.path)).toEqual(["functions.ts", "index.ts"]);
    expect(files.find((f) => f.path === "index.ts")?.contents).not.toContain("contexts");
  });

  test.each(["children", "fallback", "key", "ref"])(
    "a local context's argument named %s is refused",
    (name) => {
      const manifest = manifestWith((r) =>
        r.register(local(z.object({ [name]: z.string() })), "card"),
      );
      expect(() => generate(manifest)).toThrow(GenerateError);
      expect(() => generate(manifest)).toThrow(
        `Context "card": an argument may not be named "${name}"`,
      );
    },
  );

  test("a local context's input must be an object", () => {
    const manifest = manifestWith((r) => r.register(local(z.string()), "card"));
    expect(() => generate(manifest)).toThrow(/a local context's input must be an object schema/);
  });

  test("a context whose names another export already has is refused", () => {
    class CardForm extends Form<CardForm> {
      static override meta = formMeta({ name: "card" });
      title = new CharField();
    }
    const manifest = manifestWith((r) => {
      r.register(CardForm);
      r.register(
        client({ context: "global" }, () => 1),
        "cardForm",
      );
    });
    expect(() => generate(manifest)).toThrow(
      'form "card" and the contexts would both export useCardForm; rename one.',
    );
  });

  test("a local context without arguments: the provider takes children and fallback only", () => {
    const dir = join(TMP, "contexts-no-args");
    const manifest = manifestWith((r) => {
      r.register(local(), "clock");
      r.register(local(z.object({})), "weather");
    });
    emit(manifest, dir);
    const usage = join(dir, "usage.tsx");
    writeFileSync(
      usage,
      [
        'import { ClockProvider, WeatherProvider, useClock } from "./index.js";',
        "export const a = <ClockProvider fallback={<p>…</p>}><p /></ClockProvider>;",
        "export const b = <WeatherProvider><p /></WeatherProvider>;",
        "export const c = (): unknown => useClock().data;",
        "// @ts-expect-error: no such argument",
        'export const d = <ClockProvider city="Oslo" />;',
        "",
      ].join("\n"),
    );
    expect(typecheck([usage], dir)).toBe("");
  }, 60_000);
});
