import { afterEach, describe, expect, test } from "vitest";
import { withLocale } from "../../src/core/locale.js";
import {
  activateLocale,
  activeLocale,
  localeScope,
  lookupMessage,
  registerLocale,
  setLocaleScope,
} from "../../src/forms/messages.js";

registerLocale("x-a", { "Field.required": "Required (a)." });
registerLocale("x-b", { "Field.required": "Required (b)." });

afterEach(() => activateLocale("en"));

/** A promise and the function that settles it, to interleave two async chains by hand. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

describe("withLocale", () => {
  test("concurrent chains each keep their own language across awaits", async () => {
    const first = gate();
    const second = gate();
    const seen: string[] = [];
    const a = withLocale("x-a", async () => {
      seen.push(`a1 ${activeLocale()}`);
      await first.wait;
      seen.push(`a2 ${activeLocale()} ${lookupMessage("Field.required")}`);
      second.open();
    });
    const b = withLocale("x-b", async () => {
      seen.push(`b1 ${activeLocale()}`);
      first.open();
      await second.wait;
      seen.push(`b2 ${activeLocale()} ${lookupMessage("Field.required")}`);
    });
    expect(activeLocale()).toBe("en");
    await Promise.all([a, b]);
    expect(seen).toEqual(["a1 x-a", "b1 x-b", "a2 x-a Required (a).", "b2 x-b Required (b)."]);
  });

  test("nothing leaks after the block, and the process default shows outside it", async () => {
    await withLocale("x-a", async () => {
      await Promise.resolve();
      expect(activeLocale()).toBe("x-a");
    });
    expect(activeLocale()).toBe("en");
    activateLocale("x-b");
    expect(activeLocale()).toBe("x-b");
    expect(withLocale("x-a", () => activeLocale())).toBe("x-a");
    expect(activeLocale()).toBe("x-b");
  });

  test("work scheduled inside the block keeps its language after the block returned", async () => {
    const later = gate();
    let seen = "";
    withLocale("x-a", () => {
      setTimeout(() => {
        seen = activeLocale();
        later.open();
      }, 0);
    });
    await later.wait;
    expect(seen).toBe("x-a");
  });

  test("installs an AsyncLocalStorage scope, and uses one the app installed instead", () => {
    withLocale("x-a", () => undefined);
    const installed = localeScope();
    expect(installed).not.toBeNull();
    const calls: string[] = [];
    setLocaleScope({
      get: () => "x-b",
      run: (language, fn) => {
        calls.push(language);
        return fn();
      },
    });
    try {
      expect(withLocale("x-a", () => activeLocale())).toBe("x-b");
      expect(calls).toEqual(["x-a"]);
    } finally {
      setLocaleScope(installed);
    }
  });

  test("refuses an empty language", () => {
    expect(() => withLocale("", () => 1)).toThrow(TypeError);
  });
});
