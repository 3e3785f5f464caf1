import { pyStr } from "./core.js";
import type { RuleFn } from "./types.js";

// RegexField's check (RegexValidator). The other text fields' rules have their own modules:
// email.ts, url.ts, uuid.ts and ip.ts. Pure and dependency-free: it ships to the browser.

// Compiled patterns by source, then flags: two lookups of strings the params already hold,
// with no key to build per call.
const compiled = new Map<string, Map<string, RegExp>>();

/** RegexValidator: `regex.search(str(value))`, failing on a match when `inverse_match`. */
export const regexRule: RuleFn = (value, params) => {
  const source = String(params.pattern ?? "");
  const flags = String(params.flags ?? "");
  let byFlags = compiled.get(source);
  if (!byFlags) {
    byFlags = new Map();
    compiled.set(source, byFlags);
  }
  let re = byFlags.get(flags);
  if (!re) {
    re = new RegExp(source, flags.replace("g", ""));
    byFlags.set(flags, re);
  }
  return re.test(pyStr(value)) === (params.inverse_match === true) ? { value } : null;
};

export const textRules: Record<string, RuleFn> = { regex: regexRule };
