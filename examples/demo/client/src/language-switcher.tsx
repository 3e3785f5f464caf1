import { languageDirection } from "mizan/react";
import type { FormEvent } from "react";
import { DEMO_LANGUAGES, isDemoLanguage, LANGUAGE_COOKIE } from "./languages.js";
import { usePageState } from "./page-state.js";

/** Remember the choice (Django's `django_language` cookie) and load the page in it. */
function choose(event: FormEvent<HTMLFormElement>) {
  const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
  const language = submitter?.value;
  if (!isDemoLanguage(language)) return;
  event.preventDefault();
  // biome-ignore lint/suspicious/noDocumentCookie: the demo sets one plain cookie, as Django's set_language does
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax`;
  window.location.reload();
}

/**
 * One button per language, each labelled in its own language. With JavaScript the choice is
 * stored in the `django_language` cookie and the page reloads, rendered by the server in that
 * language (and direction); without it, the form posts to `/i18n/setlang/` (Django's
 * `set_language` view), which sets the same cookie and sends the user back.
 */
export function LanguageSwitcher() {
  const { language, path, search } = usePageState();
  return (
    <form className="demo-languages" method="post" action="/i18n/setlang/" onSubmit={choose}>
      <input type="hidden" name="next" value={`${path}${search}`} />
      <fieldset>
        <legend>Language</legend>
        {DEMO_LANGUAGES.map(({ code, name }) => (
          <button
            key={code}
            type="submit"
            name="language"
            value={code}
            lang={code}
            dir={languageDirection(code)}
            aria-pressed={code === language}
          >
            {name}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
