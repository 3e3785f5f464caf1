export { type Choice, choicesOf } from "./choices.js";
export type {
  ButtonProps,
  ErrorListProps,
  FieldRowProps,
  FieldsetProps,
  MizanComponents,
  MizanComponentsOverride,
  MizanWidgetProps,
  NonFieldErrorsProps,
  WidgetType,
} from "./components.js";
export { formDefaults } from "./default-values.js";
export { languageDirection } from "./direction.js";
export { errorMessages } from "./error-messages.js";
export {
  FieldError,
  type FieldErrorProps,
  type FieldErrorSource,
  useFieldError,
} from "./field-error.js";
export { fieldLevelResolver } from "./form-resolvers.js";
export type {
  LiveValidationMode,
  LiveValidationOption,
  MizanFormExtras,
  MizanFormReturn,
  UseMizanFormOptions,
} from "./form-types.js";
export { loadMessageCatalog, localizedMessages, useMizanLanguage } from "./language.js";
export {
  createLocalContext,
  type MizanLocalContext,
  type MizanLocalContextProps,
} from "./local-context.js";
export type { FieldDescriptor, FormDescriptor, MizanFormMeta, WidgetDescriptor } from "./meta.js";
export { defaultComponents, MizanForm, type MizanFormProps } from "./mizan-form.js";
export {
  MizanCsrfField,
  type NativeFormProps,
  useNativeFormProps,
} from "./native-fields.js";
export { initialStateOptions, type MizanFormInitialState } from "./native-form.js";
export {
  type MizanCaller,
  MizanProvider,
  type MizanProviderProps,
  useMizanClient,
} from "./provider.js";
export type { MizanServerError } from "./server-error.js";
export { type UseChannelOptions, type UseChannelResult, useChannel } from "./use-channel.js";
export {
  type MizanContextResult,
  useMizanContext,
  useMizanContextStore,
} from "./use-mizan-context.js";
export { useMizanForm } from "./use-mizan-form.js";
export { type FormResolverHook, useMizanFormBase } from "./use-mizan-form-base.js";
export { type UseServerFunctionReturn, useServerFunction } from "./use-server-function.js";
export {
  defaultWidgets,
  MizanCheckboxInput,
  MizanCheckboxSelectMultiple,
  MizanFileInput,
  MizanHiddenInput,
  MizanMultiWidget,
  MizanRadioSelect,
  MizanSelect,
  MizanSelectMultiple,
  MizanTextarea,
  MizanTextInput,
} from "./widgets/index.js";
