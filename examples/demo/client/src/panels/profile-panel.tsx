import { MizanForm, useServerFunction } from "mizan/react";
import { useEffect, useState } from "react";
import { useProfileForm } from "../mizan/index.js";
import { ResultBox } from "./result-box.js";

type Me = { id: number; username: string | null } | null;

/** A FileField behind `auth: true`; the demo login sets a session cookie. */
export function ProfilePanel() {
  const whoami = useServerFunction<Record<string, never>, Me>("session.whoami");
  const login = useServerFunction<{ username: string }, { id: number; username: string }>(
    "session.login",
  );
  const logout = useServerFunction<Record<string, never>, { ok: boolean }>("session.logout");
  const [username, setUsername] = useState("alice");
  const form = useProfileForm();
  const { call: refresh } = whoami;

  useEffect(() => {
    void refresh({});
  }, [refresh]);

  const me = whoami.data ?? null;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Your profile</h2>
      {me ? (
        <p className="demo-session">
          Signed in as <strong>{me.username}</strong>{" "}
          <button type="button" onClick={() => logout.call({}).then(() => refresh({}))}>
            Sign out
          </button>
        </p>
      ) : (
        <form
          className="demo-session"
          onSubmit={(event) => {
            event.preventDefault();
            void login.call({ username }).then(() => refresh({}));
          }}
        >
          <label htmlFor="demo-login">Demo login as</label>{" "}
          <input id="demo-login" value={username} onChange={(e) => setUsername(e.target.value)} />{" "}
          <button type="submit">Sign in</button>
          {login.error && (
            <span role="alert" className="mizan-error">
              {" "}
              {login.error.message}
            </span>
          )}
        </form>
      )}
      <p className="demo-hint">
        Without signing in, submitting shows the server's 401 as a form error. Files over 200 KB or
        of another type are refused with the field's message.
      </p>
      <MizanForm
        form={form}
        submitLabel="Save profile"
        renderResult={(result) => <ResultBox title="Profile saved" value={result} />}
      />
    </section>
  );
}
