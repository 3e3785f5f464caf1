import { pyStr } from "./core.js";
import type { RuleFn } from "./types.js";

// RegexField's check (RegexValidator). The other text fields' rules have their own modules:
// email.ts, url.ts, uuid.ts and ip.ts. Pure and dependency-free: it ships to the browser.

const compiled = new Map<string, RegExp>();

/** RegexValidator: `regex.search(str(value))`, failing on a match when `inverse_match`. */
export const regexRule: RuleFn = (value, params) => {
  const source = String(params.pattern ?? "");
  const flags = String(params.flags ?? "");
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source, flags.replace("g", ""));
    compiled.set(key, re);
  }
  return re.test(pyStr(value)) === (params.inverse_match === true) ? { value } : null;
};

export const textRules: Record<string, RuleFn> = { regex: regexRule };
