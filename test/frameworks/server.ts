import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listen on 127.0.0.1, port 0; the origin and a close that also ends kept-alive sockets. */
export async function listen(
  server: Server,
): Promise<{ origin: string; baseUrl: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/mizan`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
