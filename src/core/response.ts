/**
 * mizan's "raw view": a handler may return a response object that the adapter passes through
 * untouched. Web `Response` is always recognised; an adapter may register its framework's
 * response class too.
 */
let frameworkResponseBase: (abstract new (...args: never[]) => unknown) | undefined;

export function setFrameworkResponseBase(
  cls: (abstract new (...args: never[]) => unknown) | undefined,
): void {
  frameworkResponseBase = cls;
}

export function isFrameworkResponse(value: unknown): boolean {
  if (typeof Response !== "undefined" && value instanceof Response) return true;
  return frameworkResponseBase !== undefined && value instanceof frameworkResponseBase;
}
