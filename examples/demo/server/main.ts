/**
 * `npm run demo` starts this after generating and building the client.
 * PORT (default 3000) and HOST (default 127.0.0.1) choose where it listens.
 */
import { fileURLToPath } from "node:url";
import { createDemoServer } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const clientDir = fileURLToPath(new URL("../dist", import.meta.url));

const { server } = createDemoServer({ clientDir });
server.listen(port, host, () => {
  console.log(`mizan demo: http://${host}:${port}  (users are kept in memory; try "alice")`);
});

function stop() {
  console.log("\nstopping the demo");
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
