export type { FieldDescriptor, FieldInput, FieldOptions, FieldValue, JsonSchema } from "./field.js";
export { Field, isEmptyValue, prettyName } from "./field.js";
export type { BaseTemporalFieldOptions } from "./fields/base-temporal-field.js";
export { BaseTemporalField } from "./fields/base-temporal-field.js";
export type { BooleanFieldOptions } from "./fields/boolean-field.js";
export { BooleanField } from "./fields/boolean-field.js";
export type { CharFieldOptions } from "./fields/char-field.js";
export { CharField } from "./fields/char-field.js";
export type {
  ChoiceFieldOptions,
  ChoiceGroup,
  ChoicePair,
  Choices,
  ChoicesList,
  ChoicesMapping,
  ChoiceValue,
  ChoiceValues,
  NormalizedChoices,
} from "./fields/choice-field.js";
export { ChoiceField, flattenChoices } from "./fields/choice-field.js";
export { ComboField } from "./fields/combo-field.js";
export type { DateFieldOptions } from "./fields/date-field.js";
export { DateField } from "./fields/date-field.js";
export type { DateTimeFieldOptions } from "./fields/date-time-field.js";
export { DateTimeField } from "./fields/date-time-field.js";
export type { DecimalFieldOptions } from "./fields/decimal-field.js";
export { DecimalField } from "./fields/decimal-field.js";
export type { DurationFieldOptions } from "./fields/duration-field.js";
export { DurationField } from "./fields/duration-field.js";
export type { EmailFieldOptions } from "./fields/email-field.js";
export { EmailField } from "./fields/email-field.js";
export type { FileFieldOptions } from "./fields/file-field.js";
export { FILE_INPUT_CONTRADICTION, FileField } from "./fields/file-field.js";
export type { FilePathFieldOptions } from "./fields/file-path-field.js";
export { FilePathField } from "./fields/file-path-field.js";
export type { FloatFieldOptions } from "./fields/float-field.js";
export { FloatField } from "./fields/float-field.js";
export type { GenericIPAddressFieldOptions } from "./fields/generic-ip-address-field.js";
export { GenericIPAddressField } from "./fields/generic-ip-address-field.js";
export type { ImageInfo } from "./fields/image-field.js";
export { ImageField, ImageFile } from "./fields/image-field.js";
export type { IntegerFieldOptions, MaybeEmpty } from "./fields/integer-field.js";
export { IntegerField } from "./fields/integer-field.js";
export type { JSONFieldOptions } from "./fields/json-field.js";
export { InvalidJSONInput, JSONField } from "./fields/json-field.js";
export type { MultiValueFieldOptions } from "./fields/multi-value-field.js";
export { MultiValueField } from "./fields/multi-value-field.js";
export { MultipleChoiceField } from "./fields/multiple-choice-field.js";
export { NullBooleanField } from "./fields/null-boolean-field.js";
export { RegexField } from "./fields/regex-field.js";
export type { SlugFieldOptions } from "./fields/slug-field.js";
export { SlugField } from "./fields/slug-field.js";
export type {
  SplitDateTimeFieldOptions,
  SplitDateTimeInput,
} from "./fields/split-date-time-field.js";
export { SplitDateTimeField } from "./fields/split-date-time-field.js";
export type { TimeFieldOptions } from "./fields/time-field.js";
export { TimeField } from "./fields/time-field.js";
export type { TypedChoiceFieldOptions } from "./fields/typed-choice-field.js";
export { TypedChoiceField } from "./fields/typed-choice-field.js";
export type { TypedMultipleChoiceFieldOptions } from "./fields/typed-multiple-choice-field.js";
export { TypedMultipleChoiceField } from "./fields/typed-multiple-choice-field.js";
export type { URLFieldOptions } from "./fields/url-field.js";
export { URLField } from "./fields/url-field.js";
export type { UUIDFieldOptions } from "./fields/uuid-field.js";
export { UUIDField } from "./fields/uuid-field.js";
export type {
  CleanedData,
  FormClass,
  FormInput,
  FormOptions,
  FullCleanOptions,
  SubmittableForm,
} from "./form.js";
export { Form, NON_FIELD_ERRORS } from "./form.js";
export { Fieldset, FormField } from "./form-field.js";
export type { FormMeta, FormMetaOptions } from "./form-meta.js";
export { formMeta } from "./form-meta.js";
export type { ValidateResult } from "./form-registration.js";
export type { FormDescriptor, FormSchema } from "./form-schema.js";
export { formJsonSchema, formSchema, formVersion } from "./form-schema.js";
export type { FormatModule, FormatName, FormatSettings } from "./formats/index.js";
export {
  configureFormats,
  getFormat,
  registerFormats,
  SHIPPED_FORMATS,
  sanitizeSeparators,
} from "./formats/index.js";
export type { FormSetOptions } from "./formsets.js";
export { FormSet, FormSetWidget } from "./formsets.js";
export type {
  LocaleScope,
  LocaleTable,
  MessageParams,
  MessageTemplate,
  PluralCategory,
  PluralMessage,
} from "./messages.js";
export {
  activateLocale,
  activeLocale,
  formatMessage,
  hasLocale,
  lookupMessage,
  pluralCategory,
  registerLocale,
  setLocaleScope,
} from "./messages.js";
export type { DecodedFormData, FormEntry } from "./native-decode.js";
export { decodeFormData, withoutFiles } from "./native-decode.js";
export type { FieldPathSegment, ManagementFormField } from "./native-names.js";
export {
  CSRF_FIELD_NAME,
  clearCheckboxName,
  formActionUrl,
  htmlFieldName,
  MANAGEMENT_FORM_FIELDS,
  managementFieldName,
  multiWidgetPartName,
  NEXT_FIELD_NAME,
} from "./native-names.js";
export { filesizeformat } from "./rules/file.js";
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
export { DecimalValidator } from "./validators/decimal.js";
export type { EmailValidatorOptions } from "./validators/email.js";
export { EmailValidator, validateEmail } from "./validators/email.js";
export { FileContentTypeValidator, MaxFileSizeValidator } from "./validators/file.js";
export {
  FileExtensionValidator,
  IMAGE_EXTENSIONS,
  validateImageFileExtension,
} from "./validators/file-extension.js";
export type { IPProtocol } from "./validators/ip.js";
export { validateIpv4Address, validateIpv6Address, validateIpv46Address } from "./validators/ip.js";
export {
  MaxLengthValidator,
  MinLengthValidator,
  ProhibitNullCharactersValidator,
} from "./validators/length.js";
export type { RegexValidatorOptions } from "./validators/regex.js";
export { RegexValidator } from "./validators/regex.js";
export { validateSlug, validateUnicodeSlug } from "./validators/slug.js";
export type { URLValidatorOptions } from "./validators/url.js";
export { URLValidator } from "./validators/url.js";
export type { Validator, ValidatorObject } from "./validators/validator.js";
export { RuleValidator } from "./validators/validator.js";
export type { LimitValue, NumericLimit } from "./validators/value.js";
export { MaxValueValidator, MinValueValidator, StepValueValidator } from "./validators/value.js";
export type {
  MultiWidgetDescriptor,
  SplitDateTimeWidgetOptions,
} from "./widgets/multi-widget.js";
export { MultiWidget, SplitDateTimeWidget } from "./widgets/multi-widget.js";
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
