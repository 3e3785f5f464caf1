import { useServerFunction } from "mizan/react";
import { useCurrentUser } from "./mizan/index.js";

/**
 * Who is signed in, from the global context `currentUser`: the server rendered it into the
 * page, so it is right on the first paint; signing in (the login form) or out (this button)
 * invalidates it, and it refetches without a reload.
 */
export function SessionBar() {
  const { data: user, status, error, refresh } = useCurrentUser();
  const logout = useServerFunction<Record<string, never>, { ok: boolean }>("session.logout");
  if (user) {
    return (
      <p className="demo-user" aria-live="polite">
        Signed in as <strong>{user.username}</strong>{" "}
        <button type="button" onClick={() => void logout.call({})} disabled={logout.isPending}>
          Sign out
        </button>
      </p>
    );
  }
  if (status === "error") {
    return (
      <p className="demo-user" role="alert">
        Could not tell who is signed in: {error?.message}{" "}
        <button type="button" onClick={() => void refresh()}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <p className="demo-user" aria-live="polite">
      {status === "success" ? (
        <>
          Not signed in. <a href="/profile">Sign in</a>
        </>
      ) : (
        "Checking who is signed in…"
      )}
    </p>
  );
}
