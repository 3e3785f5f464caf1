import { RegexValidator } from "./regex.js";

/** Django's `validate_slug`: ASCII letters, digits, `_` and `-`. */
export const validateSlug = new RegexValidator(/^[-a-zA-Z0-9_]+$/, {
  messageKey: "validate_slug.invalid",
});

/**
 * Django's `validate_unicode_slug` (`^[-\w]+\Z`): Python's Unicode `\w` is letters,
 * numbers and `_`, spelled `[\p{L}\p{N}_]` for JavaScript.
 */
export const validateUnicodeSlug = new RegexValidator(/^[-\p{L}\p{N}_]+$/u, {
  messageKey: "validate_unicode_slug.invalid",
});
