export {
  type AttachChannelsOptions,
  type AttachedChannels,
  attachChannels,
} from "./channels.js";
export type { NodeRequest } from "./incoming-request.js";
export {
  type NodeHandler,
  type NodeHandlerOptions,
  toNodeHandler,
  type WebHandler,
} from "./node-handler.js";
export { NodeResponse, type NodeResponseWriter, nodeResponse } from "./node-response.js";
