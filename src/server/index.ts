export {
  type DispatchOptions,
  type DispatchOutcome,
  dispatch,
  type SuccessEnvelope,
} from "../core/dispatch.js";
export type { CsrfOptions } from "./csrf.js";
export {
  createHandler,
  type FrameworkPassThrough,
  type GetUser,
  type HandlerOptions,
  type MizanHandler,
  type OnError,
} from "./handler.js";
export { DEFAULT_LIMITS, type Limits, maxBodyBytesFor } from "./limits.js";
export { isUnderBasePath, normalizeBasePath } from "./router.js";
