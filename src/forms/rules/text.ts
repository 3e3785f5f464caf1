import type { CoerceFn, RuleFn } from "./types.js";

export const textCoercers: Record<string, CoerceFn> = {};
export const textRules: Record<string, RuleFn> = {};
