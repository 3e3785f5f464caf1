import "../react/mizan.css";
import type { Preview } from "@storybook/react-vite";
import { activateLocale, hasLocale, registerLocale } from "mizan";
import { languageDirection } from "mizan/react";
import type { ReactElement } from "react";
import { SHIPPED_LOCALES } from "../src/forms/locales/index.js";

// The stories' in-page server answers in the toolbar's language: its tables are registered
// here (a real browser bundle would load one catalog, not every table).
for (const [name, table] of Object.entries(SHIPPED_LOCALES)) {
  if (!hasLocale(name)) registerLocale(name, table);
}

/** The languages mizan ships, each named in itself, for the toolbar. */
const LOCALES = [
  { value: "en", title: "English" },
  { value: "fr", title: "Français" },
  { value: "de", title: "Deutsch" },
  { value: "es", title: "Español" },
  { value: "ar", title: "العربية" },
];

/**
 * Shows the story in the toolbar's language: the page's `<html lang dir>` (which `<MizanForm>`
 * reads for its `dir`), a frame with the same attributes, and the language the in-page server
 * (`createInProcessClient`) answers in (`activateLocale`: one page, one language).
 */
function withLocale(Story: () => ReactElement, context: { globals: Record<string, unknown> }) {
  const locale = typeof context.globals.locale === "string" ? context.globals.locale : "en";
  const dir = languageDirection(locale) ?? "ltr";
  activateLocale(hasLocale(locale) ? locale : "en");
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  return (
    <div lang={locale} dir={dir} style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640 }}>
      <Story />
    </div>
  );
}

const preview: Preview = {
  parameters: {
    layout: "padded",
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: "Language of the forms (and right to left for Arabic)",
      toolbar: { title: "Language", icon: "globe", items: LOCALES, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: "en" },
  decorators: [withLocale],
};

export default preview;
