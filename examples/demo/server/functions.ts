import { client, MizanError } from "mizan";
import { z } from "zod";
import type { DemoStore } from "./store.js";

export const SESSION_COOKIE = "mizan_demo_user";

const storeOf = (app: unknown) => (app as { store: DemoStore }).store;

/** A plain server function, called from the demo with `useServerFunction("echo")`. */
export const echo = client(
  {
    input: z.object({ text: z.string().max(200) }),
    output: z.object({ message: z.string(), length: z.number() }),
    description: "Echo text back, with its length.",
  },
  (_ctx, { text }) => ({ message: text, length: text.length }),
);

/** Demo login: sets a session cookie for an existing user (no passwords in the demo). */
export const login = client(
  { input: z.object({ username: z.string().min(1).max(30) }) },
  (ctx, { username }) => {
    const user = storeOf(ctx.app).users.get(username.toLowerCase());
    if (!user) throw new MizanError("FORBIDDEN", `No demo user named "${username}".`);
    ctx.setCookie(SESSION_COOKIE, String(user.id), { httpOnly: true, sameSite: "Lax", path: "/" });
    return { id: user.id, username: user.username };
  },
);

export const logout = client((ctx) => {
  ctx.setCookie(SESSION_COOKIE, "", { maxAge: 0, path: "/" });
  return { ok: true };
});

export const whoami = client((ctx) => {
  const user = ctx.user as { id: number; username?: string } | null;
  return user ? { id: user.id, username: user.username ?? null } : null;
});
