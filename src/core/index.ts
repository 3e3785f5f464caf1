export type { AuthKind, AuthOption } from "./auth.js";
export {
  type AnyChannel,
  Channel,
  type ChannelEvent,
  type ChannelManifest,
  type ChannelMessage,
  type ChannelParams,
} from "./channel.js";
export {
  type App,
  type ContextEffects,
  type ContextInit,
  type CookieOptions,
  createContext,
  type MizanUser,
  type Register,
  type RequestContext,
  type User,
} from "./context.js";
export {
  type ContextEnvelope,
  type ContextMerge,
  type ContextRef,
  contextKey,
  type SerializedContexts,
} from "./context-key.js";
export {
  type DispatchOptions,
  type DispatchOutcome,
  dispatch,
  dispatchContext,
  errorOutcome,
  type GetUser,
  type OnError,
  type SuccessEnvelope,
} from "./dispatch.js";
export {
  ERROR_STATUS,
  type ErrorCode,
  type ErrorEnvelope,
  MizanError,
  type ValidationDetails,
  type WireErrorItem,
} from "./errors.js";
export { contentHash, stableStringify } from "./hash.js";
export { withLocale } from "./locale.js";
export {
  type ContextManifest,
  defaultRegistry,
  type FunctionManifest,
  type Manifest,
  type Registrable,
  Registry,
  register,
} from "./registry.js";
export { isFrameworkResponse, setFrameworkResponseBase } from "./response.js";
export {
  type ContextKind,
  client,
  type FunctionOptions,
  type Middleware,
  ServerFunction,
} from "./server-function.js";
export { zodErrorDetails } from "./zod-details.js";
