import type { CoerceFn, RuleFn } from "./types.js";

export const numericCoercers: Record<string, CoerceFn> = {};
export const numericRules: Record<string, RuleFn> = {};
