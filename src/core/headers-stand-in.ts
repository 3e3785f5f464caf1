/**
 * The prototype of a stand-in for Web `Headers`: it sits on `Headers.prototype` (so
 * `instanceof Headers` holds and `constructor` is `Headers`), and every method of `Headers`
 * is handed to the real one that `real(this)` gives. The stand-in then defines the few methods
 * it answers itself. Used by the server's light response headers and the Node adapter's view
 * of a request's headers.
 *
 * @example
 * standInFor(Bag.prototype, (bag) => realOf(bag));
 * Object.defineProperty(Bag.prototype, "get", { value: fastGet, configurable: true, writable: true });
 */
export function standInFor(proto: object, real: (self: object) => Headers): void {
  Object.setPrototypeOf(proto, Headers.prototype);
  for (const key of Reflect.ownKeys(Headers.prototype)) {
    if (key === "constructor") {
      Object.defineProperty(proto, key, { value: Headers, configurable: true, writable: true });
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(Headers.prototype, key);
    if (typeof descriptor?.value !== "function") continue;
    Object.defineProperty(proto, key, {
      value(this: object, ...args: unknown[]) {
        const headers = real(this);
        return (Reflect.get(headers, key) as (...a: unknown[]) => unknown).apply(headers, args);
      },
      configurable: true,
      writable: true,
    });
  }
}
