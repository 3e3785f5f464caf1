import { MizanError } from "../core/errors.js";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^(0|[1-9]\d{0,3})$/;

type Container = Record<string, unknown> | unknown[];

function badPath(path: string, why: string): MizanError {
  return new MizanError("BAD_REQUEST", `Invalid file part name "${path}": ${why}.`);
}

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null && !(value instanceof Blob);
}

function child(container: Container, key: string): unknown {
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

function put(container: Container, key: string, value: unknown): void {
  if (Array.isArray(container)) {
    if (!INDEX.test(key)) throw new TypeError(key);
    container[Number(key)] = value;
    return;
  }
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Put `value` into `target` at a dotted path (`"data.avatar"`, `"files.0"`), creating the
 * missing objects (or arrays, before a numeric segment) on the way. Keys that could reach a
 * prototype are refused, existing values are only read through own properties, and array
 * indexes stop at 9999.
 */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  if (keys.some((key) => key === "")) throw badPath(path, "empty segment");
  if (keys.some((key) => FORBIDDEN_KEYS.has(key))) throw badPath(path, "reserved key");
  let container: Container = target;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (Array.isArray(container) && !INDEX.test(key)) throw badPath(path, "bad array index");
    if (i === keys.length - 1) {
      put(container, key, value);
      return;
    }
    let next = child(container, key);
    if (next === undefined || next === null) {
      next = INDEX.test(keys[i + 1] as string) ? [] : {};
      put(container, key, next);
    } else if (!isContainer(next)) {
      throw badPath(path, `"${key}" is not an object`);
    }
    container = next as Container;
  }
}
