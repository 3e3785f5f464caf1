export type { FieldDescriptor, FieldInput, FieldOptions, FieldValue, JsonSchema } from "./field.js";
export { Field, isEmptyValue, prettyName } from "./field.js";
export type { CharFieldOptions } from "./fields/char-field.js";
export { CharField } from "./fields/char-field.js";
export type {
  CleanedData,
  FormClass,
  FormInput,
  FormOptions,
  FullCleanOptions,
  SubmittableForm,
} from "./form.js";
export { Form, NON_FIELD_ERRORS } from "./form.js";
export type { FormSetOptions } from "./form-field.js";
export { Fieldset, FormField, FormSet, FormSetWidget } from "./form-field.js";
export type { FormMeta, FormMetaOptions } from "./form-meta.js";
export { formMeta } from "./form-meta.js";
export type { ValidateResult } from "./form-registration.js";
export type { FormDescriptor, FormSchema } from "./form-schema.js";
export { formJsonSchema, formSchema, formVersion } from "./form-schema.js";
export type { LocaleTable, MessageParams, MessageTemplate, PluralMessage } from "./messages.js";
export {
  activateLocale,
  activeLocale,
  formatMessage,
  lookupMessage,
  registerLocale,
} from "./messages.js";
export { COERCERS, RULES } from "./rules/index.js";
export type {
  CoerceFn,
  CoerceResult,
  CoerceSpec,
  JsonValue,
  RuleFn,
  RuleParams,
  RuleSpec,
} from "./rules/types.js";
export type {
  ErrorItem,
  ValidationErrorInput,
  ValidationErrorOptions,
} from "./validation-error.js";
export { isValidationError, ValidationError } from "./validation-error.js";
export {
  MaxLengthValidator,
  MinLengthValidator,
  ProhibitNullCharactersValidator,
} from "./validators/length.js";
export type { Validator, ValidatorObject } from "./validators/validator.js";
export { RuleValidator } from "./validators/validator.js";
export type { WidgetAttrs, WidgetDescriptor } from "./widgets/widget.js";
export {
  CheckboxInput,
  CheckboxSelectMultiple,
  ClearableFileInput,
  DateInput,
  DateTimeInput,
  EmailInput,
  FileInput,
  HiddenInput,
  Input,
  NullBooleanSelect,
  NumberInput,
  PasswordInput,
  RadioSelect,
  Select,
  SelectMultiple,
  Textarea,
  TextInput,
  TimeInput,
  URLInput,
  Widget,
} from "./widgets/widget.js";
