/**
 * A test for `trustedOrigins` entries (CSRF's and the WebSocket upgrade's):
 * `"https://app.example.com"` matches that origin only, `"https://*.example.com"` any
 * subdomain over that scheme. Throws a TypeError naming `option` for an entry that is not an
 * origin.
 */
export function trustedOriginTest(
  patterns: readonly string[],
  option = "trustedOrigins",
): (origin: string) => boolean {
  const tests = patterns.map((pattern): ((origin: string) => boolean) => {
    const star = /^([a-z][a-z0-9+.-]*):\/\/\*\.([^/]+)$/i.exec(pattern);
    if (star) {
      const prefix = `${(star[1] as string).toLowerCase()}://`;
      const suffix = `.${(star[2] as string).toLowerCase()}`;
      return (origin) => origin.startsWith(prefix) && origin.endsWith(suffix);
    }
    let origin: string;
    try {
      origin = new URL(pattern).origin;
    } catch {
      throw new TypeError(`${option}: "${pattern}" is not an origin.`);
    }
    if (origin === "null") throw new TypeError(`${option}: "${pattern}" is not an origin.`);
    return (candidate) => candidate === origin;
  });
  return (origin) => tests.some((test) => test(origin));
}

/**
 * Whether a WebSocket upgrade may proceed: no Origin (not a browser), the same host as the
 * Host header, or a trusted origin.
 */
export function upgradeOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  trusted: (origin: string) => boolean,
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  if (host && parsed.host.toLowerCase() === host.toLowerCase()) return true;
  return trusted(parsed.origin.toLowerCase());
}
