import { messageIn } from "../forms/locale-registry.js";
import { activeLocale, formatMessage } from "../forms/message-format.js";
import type { MessageParams } from "../forms/message-types.js";
import type { ErrorCode } from "./errors.js";

/**
 * A user-facing error text with its own key (`"http.CSRF_FAILED.token_missing"`), in the
 * current language: that key's text; else, in a language whose table lacks the key, the
 * code's general text there (`http.<CODE>`), which reads better than English; else the
 * English key's text, or `english` when no table has it.
 *
 * @example
 * throw new MizanError("CSRF_FAILED", errorText("CSRF_FAILED", "http.CSRF_FAILED.token_missing",
 *   "CSRF verification failed: CSRF token missing."));
 */
export function errorText(
  code: ErrorCode,
  key: string,
  english: string,
  params: MessageParams = {},
): string {
  const language = activeLocale();
  const own = messageIn(key, language);
  if (own !== undefined) return formatMessage(own, params, language);
  if (language.split("-")[0] !== "en") {
    const general = messageIn(`http.${code}`, language);
    if (general !== undefined) return formatMessage(general, params, language);
  }
  return formatMessage(messageIn(key, "en") ?? english, params, "en");
}
