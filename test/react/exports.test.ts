import { expect, test } from "vitest";
import * as react from "../../react/index.js";

test("mizan/react's public exports are pinned", () => {
  expect(Object.keys(react).sort()).toEqual([
    "CheckboxInput",
    "CheckboxSelectMultiple",
    "FileInput",
    "HiddenInput",
    "MizanForm",
    "MizanProvider",
    "MultiWidget",
    "RadioSelect",
    "Select",
    "SelectMultiple",
    "TextInput",
    "Textarea",
    "choicesOf",
    "defaultComponents",
    "defaultWidgets",
    "errorMessages",
    "formDefaults",
    "useMizanClient",
    "useMizanForm",
    "useServerFunction",
  ]);
});
