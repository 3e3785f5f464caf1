import { languageDirection, loadMessageCatalog, MizanProvider } from "mizan/react";
import {
  type ContextResolveOptions,
  contextsScript,
  csrfToken,
  resolveGlobalContexts,
} from "mizan/server";
import { renderToString } from "react-dom/server";
import { App } from "../client/src/app.js";
import { messageCatalogs } from "../client/src/mizan/messages/index.js";
import {
  type DemoFormState,
  PageStateProvider,
  pageStateScript,
} from "../client/src/page-state.js";
import { pageLanguage } from "./language.js";

/** A page the demo server answers with: its HTML and the headers to send (the CSRF cookie). */
export interface RenderedPage {
  html: string;
  headers: Headers;
}

/**
 * The demo's page for `request`, rendered with react-dom/server into the built index.html, so
 * it works before (and without) JavaScript: the App at the request's URL, or for a failed
 * native post (`formState`) the panel of that form with the user's values and Django's
 * messages. The page carries the global contexts (`<script id="mizan-contexts">`), the page
 * state the browser hydrates with, and a CSRF token: the request's `csrftoken` cookie, or a
 * new one set with the page, written into every form's `csrfmiddlewaretoken` field. The page
 * is in the request's language (`django_language` cookie, else Accept-Language): `<html lang
 * dir>` say which, and the provider gives it, with its catalog, to the forms (whose own texts,
 * Submit, Add, Remove, are then in that language without JavaScript too).
 */
export async function renderPage(
  template: string,
  request: Request,
  contexts: ContextResolveOptions,
  formState?: DemoFormState,
): Promise<RenderedPage> {
  const url = new URL(request.url);
  const state = await resolveGlobalContexts(request, contexts);
  const csrf = csrfToken(request);
  const language = pageLanguage(request);
  const catalog = await loadMessageCatalog(messageCatalogs, language);
  const app = renderToString(
    <MizanProvider
      baseUrl="/api/mizan"
      initialContexts={state}
      csrfToken={csrf.token}
      language={language}
      catalog={catalog}
    >
      <PageStateProvider state={{ path: url.pathname, search: url.search, language, formState }}>
        <App />
      </PageStateProvider>
    </MizanProvider>,
  );
  const html = template
    .replace(
      /<html lang="[^"]*">/,
      `<html lang="${language}" dir="${languageDirection(language)}">`,
    )
    .replace('<div id="root"></div>', `<div id="root">${app}</div>`)
    .replace("</body>", `${contextsScript(state)}${pageStateScript(formState)}</body>`);
  const headers = new Headers({
    "content-type": "text/html; charset=utf-8",
    // Per user: never cached.
    "cache-control": "no-store",
    // The page's language follows the cookie and Accept-Language.
    vary: "Cookie, Accept-Language",
  });
  if (csrf.setCookie) headers.append("set-cookie", csrf.setCookie);
  return { html, headers };
}
