// Whether this runtime compiles source text (`new Function`): a strict Content-Security-Policy,
// some edge runtimes and Node's `--disallow-code-generation-from-strings` refuse it. The
// compiled paths (a form class's cleaner, its error details) fall back to loops then.

let allowed: boolean | undefined;

/** Whether `new Function` works here; asked once, on first use. */
export function allowsCodeGeneration(): boolean {
  if (allowed === undefined) {
    try {
      allowed = typeof new Function("return 1") === "function";
    } catch {
      allowed = false;
    }
  }
  return allowed;
}
