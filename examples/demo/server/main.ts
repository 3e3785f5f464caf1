/**
 * `npm run demo` starts this after generating and building the client.
 * PORT (default 3000) and HOST (default 127.0.0.1) choose where it listens; MIZAN_REDIS_URL
 * (e.g. redis://127.0.0.1:6379) carries the chat's events through Redis instead of memory, so
 * several demo processes share rooms.
 */
import { fileURLToPath } from "node:url";
import type { ChannelLayer } from "mizan/server";
import { createDemoServer } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const clientDir = fileURLToPath(new URL("../dist", import.meta.url));

// Imported only when asked for: ioredis is an optional dependency.
const redisUrl = process.env.MIZAN_REDIS_URL;
const layer: ChannelLayer | undefined = redisUrl
  ? (await import("mizan/redis")).redisLayer({ url: redisUrl })
  : undefined;

const { server, channels } = createDemoServer({ clientDir, ...(layer ? { layer } : {}) });
server.listen(port, host, () => {
  console.log(`mizan demo: http://${host}:${port}  (users are kept in memory; try "alice")`);
  console.log(`chat events: ${redisUrl ? `Redis at ${redisUrl}` : "in memory"}`);
});

function stop() {
  console.log("\nstopping the demo");
  void channels.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
