const NO_STORE = "no-store";

/** Lends its constructor's `this` to any object: a subclass's private field lands on it. */
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point of the class
    return target;
  }
}

/**
 * The JSON text of a response the handler built, kept on the Response itself as a private
 * field (no WeakMap entry per response for the collector to trace; invisible to everyone else).
 */
class JsonText extends Stamp {
  readonly #text: string;

  constructor(response: Response, text: string) {
    super(response);
    this.#text = text;
  }

  static of(response: Response): string | undefined {
    return #text in response ? response.#text : undefined;
  }
}

/**
 * The JSON text of a response the handler built itself, so an adapter can send it in one
 * write with a Content-Length instead of streaming the body; `undefined` for any other
 * response (a function's own, passed through).
 */
export function jsonTextOf(response: Response): string | undefined {
  return JsonText.of(response);
}

/** Remember a JSON response's text for `jsonTextOf` (a response the handler built itself). */
export function keepJsonText(response: Response, text: string): Response {
  new JsonText(response, text);
  return response;
}

/** Copy `extra` into `headers`, appending every Set-Cookie instead of folding them. */
function mergeHeaders(headers: Headers, extra: Headers | undefined): void {
  if (!extra) return;
  for (const cookie of extra.getSetCookie()) headers.append("set-cookie", cookie);
  for (const [name, value] of extra) {
    if (name !== "set-cookie") headers.set(name, value);
  }
}

/**
 * A JSON response with `Cache-Control: no-store`; `extra` headers (cookies) merged in, then
 * `init` headers over the defaults.
 */
export function jsonResponse(
  status: number,
  body: unknown,
  extra?: Headers,
  init: Record<string, string> = {},
): Response {
  return jsonTextResponse(status, JSON.stringify(body), extra, init);
}

/** `jsonResponse` for a body already serialised (the dispatch step serialises results). */
export function jsonTextResponse(
  status: number,
  text: string,
  extra?: Headers,
  init: Record<string, string> = {},
): Response {
  const headers = new Headers();
  mergeHeaders(headers, extra);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", NO_STORE);
  headers.set("x-content-type-options", "nosniff");
  // Last, so a route may choose its own Cache-Control (contexts: `private, no-store`).
  for (const [name, value] of Object.entries(init)) headers.set(name, value);
  return keepJsonText(new Response(text, { status, headers }), text);
}

/**
 * A handler's own Response, passed through: its status, body and headers stay as they are.
 * The context's headers (cookies) are added where the response has none of its own, and
 * `Cache-Control: no-store` unless the response chose a Cache-Control itself.
 */
export function passThrough(response: Response, extra: Headers): Response {
  let out = response;
  try {
    apply(out.headers, extra);
  } catch {
    // Immutable headers (Response.redirect(), a fetch() result): copy into a fresh Response.
    out = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    apply(out.headers, extra);
  }
  return out;
}

function apply(headers: Headers, extra: Headers): void {
  for (const cookie of extra.getSetCookie()) headers.append("set-cookie", cookie);
  for (const [name, value] of extra) {
    if (name !== "set-cookie" && !headers.has(name)) headers.set(name, value);
  }
  if (!headers.has("cache-control")) headers.set("cache-control", NO_STORE);
}
