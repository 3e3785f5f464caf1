// "Is this an object of named values?" has three honest answers in mizan, each kept once here
// and named for what it lets through. No imports: the server, the client, the browser runtime
// of generated forms and the React bindings all use it.

/**
 * Any non-null object that is not an array: what `JSON.parse` gives for `{...}`. For values that
 * came off the wire (call bodies, schema metadata), where nothing else can be an object.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An object literal: its prototype is `Object.prototype` or `null`. A Date, File, Map or class
 * instance is not one (nor is an array), so walkers over plain data leave those whole.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  // `false` for a primitive (and null), which is neither prototype below.
  const proto = typeof value === "object" && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * What a nested form (FormField, each FormSet row) binds to: a record that is not a file. The
 * server's fields and the browser runtime refuse anything else as `invalid`.
 */
export function isSubformData(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !(typeof Blob !== "undefined" && value instanceof Blob);
}
