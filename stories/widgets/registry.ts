/** The widget gallery's registry: the entry stories/support/generate-clients.ts reads. */
import { Registry } from "mizan";
import { widgetForms } from "./widget-forms.js";

export const registry = new Registry();
for (const form of widgetForms) registry.register(form);
