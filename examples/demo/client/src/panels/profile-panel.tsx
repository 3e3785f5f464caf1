import { MizanForm } from "mizan/react";
import { useCurrentUser, useLoginForm, useProfileForm } from "../mizan/index.js";
import { useFormInitialState } from "../page-state.js";
import { ResultBox } from "./result-box.js";

/**
 * The demo login: a Form whose successful submit sets the session cookie and invalidates the
 * `currentUser` context, so the header (and this panel) change without a reload.
 */
function LoginPanel() {
  const form = useLoginForm();
  return (
    <div className="demo-session">
      <MizanForm form={form} submitLabel="Sign in" initialState={useFormInitialState("login")} />
    </div>
  );
}

/** A FileField behind `auth: true`; the demo login sets a session cookie. */
export function ProfilePanel() {
  const { data: user } = useCurrentUser();
  const form = useProfileForm();
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Your profile</h2>
      {user ? (
        <p className="demo-session">
          Editing the profile of <strong>{user.username}</strong>.
        </p>
      ) : (
        <LoginPanel />
      )}
      <p className="demo-hint">
        Without signing in, submitting shows the server's 401 as a form error. Files over 200 KB or
        of another type are refused with the field's message.
      </p>
      <MizanForm
        form={form}
        submitLabel="Save profile"
        initialState={useFormInitialState("profile")}
        renderResult={(result) => <ResultBox title="Profile saved" value={result} />}
      />
    </section>
  );
}
