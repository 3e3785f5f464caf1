/**
 * The contestants of the HTTP benchmark as Web handlers, shared by the loopback servers
 * (server.ts) and the in-process rows (in-process.ts): mizan's handler and Hono's app answer
 * `POST /api/mizan/call/` with `{"fn": "signup.submit", "args": {"data": {...}}}`.
 */
import { Hono } from "hono";
import { createHandler, type MizanHandler } from "mizan/server";
import { z } from "zod";
import { signupRegistry } from "../lib/signup.js";
import { signupZod } from "../lib/signup-anchors.js";

export const CALL_PATH = "/api/mizan/call/";

/** mizan serving `signup.submit` with the default handler options. */
export function mizanHandler(): MizanHandler {
  return createHandler({ registry: signupRegistry() });
}

/** Hono validating `args.data` with the hand-written Zod schema; 422 with `z.flattenError`. */
export function honoApp(): Hono {
  const app = new Hono();
  app.post(CALL_PATH, async (c) => {
    const body = (await c.req.json()) as { args?: { data?: unknown } };
    const parsed = signupZod.safeParse(body?.args?.data);
    if (!parsed.success) {
      const details = z.flattenError(parsed.error);
      return c.json({ error: { code: "VALIDATION_FAILED", message: "Invalid.", details } }, 422);
    }
    return c.json({ result: { ok: true, username: parsed.data.username } });
  });
  return app;
}

/** The floor's constant answer. */
export const FLOOR_BODY = JSON.stringify({ result: { ok: true, username: "ada_lovelace" } });
