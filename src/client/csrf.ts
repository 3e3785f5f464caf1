type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * Where the CSRF token comes from. `true` follows Django's defaults: the `csrftoken` cookie
 * sent back as `X-CSRFToken`.
 */
export type CsrfOption =
  | true
  | {
      /** A fixed token, or a function returning it; default: read `cookieName`. */
      token?: string | TokenSource;
      /** Default `csrftoken`. */
      cookieName?: string;
      /** Default `X-CSRFToken`. */
      headerName?: string;
    };

function readCookie(name: string): string | null {
  const cookies = (globalThis as { document?: { cookie?: string } }).document?.cookie ?? "";
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return part.slice(eq + 1).trim();
    }
  }
  return null;
}

/** Set the CSRF header on a call's headers, when a token is available. */
export async function applyCsrf(headers: Headers, csrf: CsrfOption | undefined): Promise<void> {
  if (!csrf) return;
  const options = csrf === true ? {} : csrf;
  const source = options.token;
  const token =
    typeof source === "function"
      ? await source()
      : (source ?? readCookie(options.cookieName ?? "csrftoken"));
  if (token) headers.set(options.headerName ?? "X-CSRFToken", token);
}
