import type { ClientPlugin } from "./plugin.js";

/** A file found in call arguments, with its dotted path inside `args`. */
export interface FoundFile {
  path: string;
  file: Blob;
}

const isFile = (value: unknown): value is Blob =>
  typeof Blob !== "undefined" && value instanceof Blob;

/**
 * Call arguments as JSON text, with the files in them taken out: one pass of `JSON.stringify`
 * whose replacer keeps each object's path. A file is left out of its object (or becomes `null`
 * in its array, so indexes hold) and is reported with its dotted path, which the server uses to
 * put it back (`data.avatar`, `photos.1`). Anything JSON reaches is searched, class instances
 * and `toJSON()` results included, so no file is silently sent as `{}`.
 */
export function argsJson(args: unknown): { json: string; files: FoundFile[] } {
  const files: FoundFile[] = [];
  // Each object's path segments, set as JSON.stringify enters it (depth first, so an object
  // met twice has the path of the visit under way).
  const paths = new Map<unknown, string[]>();
  const json = JSON.stringify(args, function (this: unknown, key: string, value: unknown) {
    const parent = paths.get(this);
    const at = parent ? [...parent, key] : [];
    if (isFile(value)) {
      if (at.length === 0 || at.some((segment) => segment === "" || segment.includes("."))) {
        throw new TypeError(
          `A file's path in args needs non-empty, dot-free keys: "${at.join(".")}".`,
        );
      }
      files.push({ path: at.join("."), file: value });
      return undefined;
    }
    if (value !== null && typeof value === "object") paths.set(value, at);
    return value;
  });
  return { json, files };
}

/**
 * A call's request body: `{"fn", "args"}` as JSON, or `multipart/form-data` when a File or Blob
 * sits anywhere in `args` (JSON would send it as `{}`): `fn`, `args` as JSON without the files,
 * and one part per file named `args.<dotted path>`, which the server puts back in place. Sets
 * the content type of JSON (a FormData body sets its own, with the boundary). `createClient`
 * encodes every call so; generated hooks of forms with file fields pass it as a call's `encode`
 * (the caller of `<MizanProvider baseUrl>` sends JSON only).
 *
 * @example
 * await api.call("profile.submit", { data: { avatar: file } }, { encode: multipartBody });
 */
export function multipartBody(name: string, args: unknown, headers: Headers): BodyInit {
  const { json, files } = argsJson(args);
  if (files.length === 0) {
    headers.set("content-type", "application/json");
    // JSON.stringify gives undefined for a function or undefined: no args, as the server reads it.
    return `{"fn":${JSON.stringify(name)},"args":${(json as string | undefined) ?? "{}"}}`;
  }
  const form = new FormData();
  form.set("fn", name);
  form.set("args", json);
  for (const { path, file } of files) form.append(`args.${path}`, file);
  return form;
}

/**
 * The plugin that sends calls whose args hold files as `multipart/form-data`
 * (`multipartBody`), for the caller of `<MizanProvider baseUrl>`, which otherwise sends JSON
 * and refuses files (generated form hooks bring it themselves; `createClient` has it built in).
 *
 * @example
 * <MizanProvider baseUrl="/api/mizan" plugins={[multipart()]}>
 *   <App />
 * </MizanProvider>
 */
export function multipart(): ClientPlugin {
  return { name: "multipart", body: multipartBody };
}
