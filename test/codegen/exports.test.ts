import { expect, test } from "vitest";
import * as codegen from "../../src/codegen/index.js";
import * as runtime from "../../src/codegen/runtime/index.js";

// The public export lists, pinned (a change here is an API change).
test("mizan/codegen exports", () => {
  expect(Object.keys(codegen).sort()).toEqual([
    "GENERATED_MARK",
    "GenerateError",
    "fieldTypes",
    "formNames",
    "formSchemaToZod",
    "formatStatement",
    "functionNames",
    "generate",
    "jsonSchemaToType",
    "literal",
    "plainFunctions",
  ]);
});

test("mizan/runtime exports: the pipeline, and every shared coercer and rule by name", () => {
  expect(Object.keys(runtime).sort()).toEqual([
    "COERCERS",
    "RULES",
    "catalogLoader",
    "choice",
    "choiceList",
    "cleanField",
    "coerceBool",
    "coerceDate",
    "coerceDateTime",
    "coerceDecimal",
    "coerceDuration",
    "coerceFile",
    "coerceFloat",
    "coerceInt",
    "coerceIp",
    "coerceJson",
    "coerceNullBool",
    "coerceStr",
    "coerceStrList",
    "coerceTime",
    "coerceUrl",
    "coerceUuid",
    "decimalMaxDecimalPlaces",
    "decimalMaxDigits",
    "decimalMaxWholeDigits",
    "emailRule",
    "field",
    "fileContentType",
    "fileMaxSize",
    "finite",
    "formset",
    "ipv46Rule",
    "ipv4Rule",
    "ipv6Rule",
    "maxLength",
    "maxValue",
    "messageText",
    "minLength",
    "minValue",
    "nullCharacters",
    "regexRule",
    "stepSize",
    "subform",
    "urlRule",
    "withCatalog",
  ]);
});
