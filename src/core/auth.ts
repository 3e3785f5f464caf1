import type { RequestContext, User } from "./context.js";
import { MizanError } from "./errors.js";

/**
 * Who may call a function: `true` any signed-in user, `"staff"` / `"superuser"` users with
 * that flag, or a predicate (false → 403).
 */
export type AuthOption =
  | true
  | "staff"
  | "superuser"
  | ((ctx: RequestContext) => boolean | Promise<boolean>);

/** Manifest form of an AuthOption (a predicate is listed as `"custom"`). */
export type AuthKind = "none" | "user" | "staff" | "superuser" | "custom";

export function authKind(auth: AuthOption | undefined): AuthKind {
  if (auth === undefined) return "none";
  if (auth === true) return "user";
  if (typeof auth === "function") return "custom";
  return auth;
}

function flag(user: User | null, key: "isStaff" | "isSuperuser"): boolean {
  return Boolean(user && (user as Record<string, unknown>)[key] === true);
}

/** Throws 401/403 as docs/protocol.md's status table says; returns when the caller may proceed. */
export async function checkAuth(auth: AuthOption | undefined, ctx: RequestContext): Promise<void> {
  if (auth === undefined) return;
  if (typeof auth === "function") {
    if (!(await auth(ctx))) throw new MizanError("FORBIDDEN");
    return;
  }
  if (!ctx.user) throw new MizanError("UNAUTHENTICATED");
  if (auth === "staff" && !flag(ctx.user, "isStaff") && !flag(ctx.user, "isSuperuser")) {
    throw new MizanError("FORBIDDEN");
  }
  if (auth === "superuser" && !flag(ctx.user, "isSuperuser")) throw new MizanError("FORBIDDEN");
}
