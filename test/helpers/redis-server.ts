/**
 * A private redis-server for the tests and the channel benchmark: Debian's binary
 * (REDIS_SERVER_PATH, default `redis-server` on PATH) on a free loopback port, no persistence.
 * Nothing here ever talks to a Redis someone else started.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createConnection, createServer } from "node:net";
import { delimiter, join } from "node:path";

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is saved) and waits until it answers. */
  start(): Promise<void>;
}

/** REDIS_SERVER_PATH, or the first `redis-server` on PATH; `null` when there is none. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.REDIS_SERVER_PATH
    ? [env.REDIS_SERVER_PATH]
    : (env.PATH ?? "").split(delimiter).map((dir) => join(dir, "redis-server"));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {}
  }
  return null;
}

export function missingRedisMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.REDIS_SERVER_PATH
    ? `at ${env.REDIS_SERVER_PATH} (from REDIS_SERVER_PATH)`
    : "on PATH";
  return [
    `mizan: no redis-server ${where}.`,
    "The Redis channel-layer tests and benchmark start their own Debian redis-server:",
    "  sudo apt-get install -y redis-server",
    "or point REDIS_SERVER_PATH at another redis-server binary.",
  ].join("\n");
}

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One PING over a raw socket: true when the server answers +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

/**
 * Starts a private redis-server and waits until it answers PING.
 *
 * @example
 * const redis = await startRedisServer();
 * try { ... redisLayer({ url: redis.url }) ... } finally { await redis.stop(); }
 */
export async function startRedisServer(
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RedisServer> {
  const env = options.env ?? process.env;
  const binary = findRedisServer(env);
  if (!binary) throw new Error(missingRedisMessage(env));
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" });
  if (version.status !== 0) {
    throw new Error(`mizan: ${binary} --version failed: ${version.stderr || version.error}`);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const port = await freePort();
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    let output = "";
    const started = spawn(
      binary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    started.stdout?.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    });
    started.stderr?.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    });
    let exited: number | null | undefined;
    started.once("exit", (code) => {
      exited = code;
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited !== undefined) {
        throw new Error(`mizan: redis-server exited (${exited}) on port ${port}:\n${output}`);
      }
      if (await ping(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    started.kill("SIGKILL");
    throw new Error(`mizan: redis-server did not answer PING on port ${port}:\n${output}`);
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start: async () => {
      if (child) throw new Error("mizan: this redis-server is already running.");
      await launch();
    },
  };
}
