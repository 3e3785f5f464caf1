import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type NodeHandlerOptions, toNodeHandler } from "../../src/node/index.js";
import { createHandler, type HandlerOptions } from "../../src/server/index.js";

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `{origin}/api/mizan` (or the given base path) */
  baseUrl: string;
  server: Server;
  /** Request-body bytes node:http handed to the adapter, per request, in arrival order. */
  bytesRead: number[];
  close(): Promise<void>;
}

/** A real node:http server on port 0 serving createHandler(options) through toNodeHandler. */
export async function startServer(
  options: HandlerOptions = {},
  adapter: NodeHandlerOptions & { next?: boolean } = {},
): Promise<TestServer> {
  const handler = createHandler(options);
  const nodeHandler = toNodeHandler(
    handler,
    adapter.basePath ? { basePath: adapter.basePath } : {},
  );
  const bytesRead: number[] = [];
  const server = createServer((req, res) => {
    const index = bytesRead.push(0) - 1;
    req.on("data", (chunk: Buffer) => {
      bytesRead[index] = (bytesRead[index] ?? 0) + chunk.byteLength;
    });
    if (adapter.next) {
      nodeHandler(req, res, () => {
        res.statusCode = 299;
        res.end("next() was called");
      });
    } else {
      nodeHandler(req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}${handler.basePath}`,
    server,
    bytesRead,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
