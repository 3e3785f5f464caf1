import { client } from "mizan";
import { z } from "zod";

export const SESSION_COOKIE = "mizan_demo_user";

/** A plain server function, called from the demo with `useServerFunction("echo")`. */
export const echo = client(
  {
    input: z.object({ text: z.string().max(200) }),
    output: z.object({ message: z.string(), length: z.number() }),
    description: "Echo text back, with its length.",
  },
  (_ctx, { text }) => ({ message: text, length: text.length }),
);

/** The signed-in demo user, as the session cookie names them. */
export const sessionUser = z.object({ id: z.number().int(), username: z.string() });

/**
 * The page's global context: who is signed in (null when nobody). The demo server renders it
 * into the HTML it serves, so the header is right on the first paint; the login form and
 * `session.logout` invalidate it.
 */
export const currentUser = client(
  {
    context: "global",
    output: sessionUser.nullable(),
    description: "The signed-in demo user, or null.",
  },
  (ctx) => {
    const user = ctx.user as { id: number; username: string } | null;
    return user ? { id: user.id, username: user.username } : null;
  },
);

/** A local context: a greeting per name, which says who greets once someone signs in. */
export const greet = client(
  {
    context: "local",
    input: z.object({ name: z.string().trim().min(1).max(40) }),
    output: z.object({ message: z.string() }),
    description: "A greeting for `name`, signed by the demo user when there is one.",
  },
  (ctx, { name }) => {
    const user = ctx.user as { username: string } | null;
    return { message: `Hello, ${name}!${user ? ` (greeted by ${user.username})` : ""}` };
  },
);

/** Signs out: clears the session cookie; the contexts that depend on the user refetch. */
export const logout = client({ invalidates: ["currentUser", "greet"] }, (ctx) => {
  ctx.setCookie(SESSION_COOKIE, "", { maxAge: 0, path: "/" });
  return { ok: true };
});
