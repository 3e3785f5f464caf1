/**
 * The demo server as `npm run demo` starts it, with its client built by Vite into a temporary
 * folder, on a free port: what the end-to-end tests drive.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll } from "vitest";
import { createDemoServer } from "../../examples/demo/server/app.js";
import type { DemoStore } from "../../examples/demo/server/store.js";
import { launchChromium } from "./chromium.js";

const CLIENT_CONFIG = fileURLToPath(
  new URL("../../examples/demo/client/vite.config.ts", import.meta.url),
);

export interface RunningDemo {
  /** `http://127.0.0.1:<port>` */
  base: string;
  store: DemoStore;
  close(): Promise<void>;
}

/**
 * Build the client, start the demo server and return where it listens.
 *
 * @example
 * const demo = await startDemo();
 * try { await page.goto(`${demo.base}/contact`); } finally { await demo.close(); }
 */
export async function startDemo(): Promise<RunningDemo> {
  const outDir = await mkdtemp(join(tmpdir(), "mizan-demo-"));
  await build({
    configFile: CLIENT_CONFIG,
    build: { outDir, emptyOutDir: true },
    logLevel: "error",
  });
  const demo = createDemoServer({ clientDir: outDir });
  await new Promise<void>((resolve) => demo.server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
  return {
    base,
    store: demo.store,
    close: async () => {
      // The chat's sockets first: upgraded connections are not the HTTP server's to close.
      await demo.channels.close();
      await new Promise<void>((resolve) => {
        demo.server.closeAllConnections();
        demo.server.close(() => resolve());
      });
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** What an end-to-end test file drives: the demo on a free port and one Chromium. */
export interface DemoInChromium extends Omit<RunningDemo, "close"> {
  browser: Browser;
}

/**
 * Start the demo and Chromium before a file's tests and stop both after them; `ready` receives
 * them once they run.
 *
 * @example
 * let base = "";
 * let browser: Browser;
 * withDemoInChromium((demo) => ({ base, browser } = demo));
 */
export function withDemoInChromium(ready: (demo: DemoInChromium) => void): void {
  let running: RunningDemo | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    running = await startDemo();
    browser = await launchChromium();
    ready({ base: running.base, store: running.store, browser });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });
}
