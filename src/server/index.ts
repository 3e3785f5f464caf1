export type { SerializedContexts } from "../core/context-key.js";
export {
  type DispatchOptions,
  type DispatchOutcome,
  dispatch,
  dispatchContext,
  type SuccessEnvelope,
} from "../core/dispatch.js";
export { withLocale } from "../core/locale.js";
export { SHIPPED_LOCALES } from "../forms/locales/index.js";
export {
  type Channels,
  type ChannelsOptions,
  createChannels,
  defaultChannels,
  publish,
} from "./channels/channels.js";
export type {
  ChannelConnection,
  ConnectionInit,
  EngineOptions,
  Peer,
} from "./channels/engine.js";
export type { ChannelLayer } from "./channels/layer.js";
export { type MemoryLayerOptions, memoryLayer } from "./channels/memory-layer.js";
export { type CsrfOptions, csrfToken } from "./csrf.js";
export {
  createHandler,
  type FrameworkPassThrough,
  type GetUser,
  type HandlerOptions,
  type MizanHandler,
  type OnError,
} from "./handler.js";
export { type LanguageOptions, negotiateLanguage } from "./language.js";
export { DEFAULT_LIMITS, type Limits, maxBodyBytesFor } from "./limits.js";
export {
  type FormPostOptions,
  type FormPostState,
  handleFormPost,
  safeNextPath,
} from "./native-form.js";
export type { FormPageState, RenderFormPage } from "./native-pages.js";
export { isUnderBasePath, normalizeBasePath } from "./router.js";
export {
  type ContextRequest,
  type ContextResolveOptions,
  contextsScript,
  resolveContexts,
  resolveGlobalContexts,
  serializeContexts,
} from "./ssr.js";
