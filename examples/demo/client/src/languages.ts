/** The languages the demo offers: mizan's shipped ones, each named in itself. */
export const DEMO_LANGUAGES = [
  { code: "en", name: "English" },
  { code: "fr", name: "Français" },
  { code: "de", name: "Deutsch" },
  { code: "es", name: "Español" },
  { code: "ar", name: "العربية" },
] as const;

export type DemoLanguage = (typeof DEMO_LANGUAGES)[number]["code"];

export const DEMO_LANGUAGE_CODES: readonly DemoLanguage[] = DEMO_LANGUAGES.map((l) => l.code);

/** Django's `LANGUAGE_COOKIE_NAME`: the user's choice, read before Accept-Language. */
export const LANGUAGE_COOKIE = "django_language";

export function isDemoLanguage(value: unknown): value is DemoLanguage {
  return typeof value === "string" && (DEMO_LANGUAGE_CODES as readonly string[]).includes(value);
}
