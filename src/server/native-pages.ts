import { errorOutcome } from "../core/dispatch.js";
import type { ValidationDetails } from "../core/errors.js";
import { languageDirection } from "../forms/message-format.js";
import { activeLocale, lookupMessage } from "../forms/messages.js";
import { type FormPostEnv, runFormPost } from "./native-form.js";
import { passThrough } from "./responses.js";

/** What `renderFormPage` gets for an invalid native post: the form, what was sent, the errors. */
export interface FormPageState {
  /** The form's name (`contact`). */
  form: string;
  status: "invalid";
  /** What the user sent, in the form's wire shape, files left out. */
  values: Record<string, unknown>;
  /** As a 422's `details`: `fields` by wire path, and `non_field`. */
  errors: ValidationDetails;
}

/**
 * `createHandler({ renderFormPage })`: the page an invalid native post gets instead of the
 * default 422 list of errors. Return the whole Response (status 422 is the convention).
 *
 * @example
 * createHandler({
 *   renderFormPage: (state, request) =>
 *     new Response(renderToString(<ContactPage {...state} />), {
 *       status: 422,
 *       headers: { "content-type": "text/html; charset=utf-8" },
 *     }),
 * });
 */
export type RenderFormPage = (
  state: FormPageState,
  request: Request,
) => Response | Promise<Response>;

const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/** A page text (`page.*` key) in the current language, else English. */
function text(key: string, english: string): string {
  const found = lookupMessage(key);
  return typeof found === "string" && found !== key ? found : english;
}

/** Text as HTML: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

/** The Referer, when it is this request's own origin (else null). */
function sameOriginReferer(request: Request): string | null {
  const referer = request.headers.get("referer");
  if (!referer) return null;
  try {
    return new URL(referer).origin === new URL(request.url).origin ? referer : null;
  } catch {
    return null;
  }
}

function page(status: number, title: string, body: string, headers: Headers): Response {
  const language = activeLocale();
  const dir = languageDirection(language) === "rtl" ? ' dir="rtl"' : "";
  const html = `<!doctype html>
<html lang="${escapeHtml(language)}"${dir}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
  const out = new Headers(headers);
  for (const [key, value] of Object.entries(HTML_HEADERS)) out.set(key, value);
  return new Response(html, { status, headers: out });
}

function backLink(request: Request): string {
  const back = sameOriginReferer(request);
  return back
    ? `<p><a href="${escapeHtml(back)}">${escapeHtml(text("page.back_to_form", "Back to the form"))}</a></p>`
    : "";
}

function list(items: ReadonlyArray<{ message: string }>): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i.message)}</li>`).join("")}</ul>`;
}

/** The default 422 page: every error, by field, escaped. */
function errorsPage(state: FormPageState, request: Request, headers: Headers): Response {
  const intro = text("page.errors_intro", "The form has errors; nothing was saved.");
  const parts: string[] = [`<p>${escapeHtml(intro)}</p>`];
  if (state.errors.non_field.length > 0) parts.push(list(state.errors.non_field));
  const fields = Object.entries(state.errors.fields);
  if (fields.length > 0) {
    const rows = fields.map(
      ([path, items]) => `<dt>${escapeHtml(path)}</dt><dd>${list(items)}</dd>`,
    );
    parts.push(`<dl>${rows.join("")}</dl>`);
  }
  parts.push(backLink(request));
  const title = text("page.errors_title", "Please correct the errors below");
  return page(422, title, parts.join("\n"), headers);
}

function redirect(location: string, headers: Headers): Response {
  const out = new Headers(headers);
  out.set("location", location);
  out.set("cache-control", "no-store");
  return new Response(null, { status: 303, headers: out });
}

/**
 * The endpoint `POST {base}/form/<name>/`: a success is a 303 (to `next`, `successUrl`, or a
 * same-origin Referer) or a small "Submitted." page; an invalid post `renderFormPage`'s page
 * or the default 422; any other failure a small HTML page with its status (never JSON).
 */
export async function formPostResponse(
  request: Request,
  name: string,
  env: FormPostEnv,
  render: RenderFormPage | undefined,
): Promise<Response> {
  const outcome = await runFormPost(request, name, env);
  if (outcome.kind === "response") return passThrough(outcome.response, outcome.headers);
  if (outcome.kind === "error") {
    const { status, error, headers } = outcome.outcome;
    const body = `<p>${escapeHtml(error.message)}</p>${backLink(request)}`;
    const title =
      status === 403
        ? text("page.forbidden_title", "Forbidden")
        : text("page.not_sent_title", "The form could not be sent");
    return page(status, title, body, headers);
  }
  const state = outcome.state;
  if (state.status === "ok") {
    const to = state.redirect ?? sameOriginReferer(request);
    if (to) return redirect(to, state.headers);
    const thanks = `<p>${escapeHtml(text("page.submitted_body", "Thank you."))}</p>`;
    return page(200, text("page.submitted_title", "Submitted."), thanks, state.headers);
  }
  const pageState: FormPageState = {
    form: name,
    status: "invalid",
    values: state.values,
    errors: state.errors,
  };
  if (!render) return errorsPage(pageState, request, state.headers);
  try {
    return passThrough(await render(pageState, request), state.headers);
  } catch (thrown) {
    const failed = errorOutcome(thrown, { request, fn: `${name}.submit` }, env.dispatchOptions);
    return page(
      failed.status,
      text("page.server_error_title", "Server error"),
      `<p>${escapeHtml(failed.error.message)}</p>`,
      state.headers,
    );
  }
}
