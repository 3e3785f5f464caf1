/** The demo's contact form (benchmark 4's page), registered alone. */
import { Registry } from "mizan";
import { ContactForm } from "../../examples/demo/server/forms.js";

export function contactRegistry(): Registry {
  const registry = new Registry();
  registry.register(ContactForm);
  return registry;
}
