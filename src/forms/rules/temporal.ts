import type { CoerceFn, RuleFn } from "./types.js";

export const temporalCoercers: Record<string, CoerceFn> = {};
export const temporalRules: Record<string, RuleFn> = {};
