import type { FetchLike } from "../../src/client/index.js";

interface StoredCookie {
  value: string;
  httpOnly: boolean;
}

/**
 * What a browser does with cookies, enough for CSRF tests: it sends every stored cookie with
 * each request, stores each Set-Cookie (Max-Age=0 deletes), and shows scripts only the
 * cookies that are not HttpOnly (`document.cookie`).
 */
export class BrowserJar {
  readonly cookies = new Map<string, StoredCookie>();

  set(name: string, value: string, httpOnly = false): void {
    this.cookies.set(name, { value, httpOnly });
  }

  /** `document.cookie` as a script sees it. */
  get documentCookie(): string {
    return [...this.cookies]
      .filter(([, cookie]) => !cookie.httpOnly)
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join("; ");
  }

  /** The Cookie header the browser attaches; null when it holds none. */
  get header(): string | null {
    if (this.cookies.size === 0) return null;
    return [...this.cookies].map(([name, cookie]) => `${name}=${cookie.value}`).join("; ");
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const lower = attributes.map((a) => a.toLowerCase());
      if (lower.includes("max-age=0")) this.cookies.delete(name);
      else this.set(name, pair.slice(eq + 1), lower.includes("httponly"));
    }
  }

  /** A fetch that behaves like the browser's against a Web handler, in process. */
  fetchFor(handler: (request: Request) => Promise<Response>, sent: Headers[] = []): FetchLike {
    return async (input, init) => {
      const headers = new Headers(init.headers);
      const cookie = this.header;
      if (cookie) headers.set("cookie", cookie);
      const url = new URL(input, "http://app.test");
      headers.set("origin", url.origin);
      sent.push(new Headers(headers));
      const response = await handler(new Request(url, { ...init, headers }));
      this.store(response);
      return response;
    };
  }
}
