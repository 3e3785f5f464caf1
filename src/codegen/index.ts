/**
 * `mizan/codegen`: the pure generator the `mizan generate` CLI wraps. Node-free; the CLI
 * (cli.ts) does the loading and the writing.
 */
export { type FieldTypes, fieldTypes } from "./field-types.js";
export { formSchemaToZod, type ZodFlavor } from "./form-schema.js";
export {
  type FormPayload,
  GENERATED_MARK,
  type GeneratedFile,
  type GenerateImports,
  type GenerateOptions,
  generate,
  plainFunctions,
} from "./generate.js";
export { jsonSchemaToType } from "./json-schema-type.js";
export { type FormNames, type FunctionNames, formNames, functionNames } from "./names.js";
export { formatStatement, literal } from "./printer.js";
export { GenerateError } from "./runtime-names.js";
