export {
  type ChannelClient,
  type ChannelClientOptions,
  type ChannelErrorCode,
  type ChannelHandlers,
  type ChannelStatus,
  type ChannelSubscription,
  type ChannelTimers,
  compareCursors,
  createChannelClient,
  isMizanChannelError,
  MizanChannelError,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./channel-client.js";
export {
  type ClientErrorCode,
  isMizanClientError,
  MizanClientError,
} from "./client-error.js";
export {
  type ContextEnvelope,
  type ContextFetch,
  type ContextMerge,
  type ContextRef,
  type ContextSnapshot,
  type ContextStatus,
  type ContextStore,
  type ContextStoreOptions,
  contextKey,
  createContextStore,
  readSerializedContexts,
  type SerializedContexts,
} from "./context-store.js";
export { type ClientOptions, createClient } from "./create-client.js";
export type { CsrfOption } from "./csrf.js";
export { multipart, multipartBody } from "./files.js";
export type { FetchLike } from "./http.js";
export {
  createInProcessClient,
  type InProcessOptions,
  inProcessTransport,
} from "./in-process.js";
export type { ClientPlugin } from "./plugin.js";
export { type RetryOptions, retry } from "./retry.js";
export type {
  CallBodyEncoder,
  CallOptions,
  EnvelopeListener,
  MizanClient,
  Transport,
} from "./transport.js";
