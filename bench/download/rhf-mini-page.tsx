/** The contact page with raw react-hook-form + `zodResolver` + `zod/mini`, same endpoint. */
import * as z from "zod/mini";
import { ContactPage } from "./rhf-contact.js";

const contactSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "This field is required."), z.maxLength(100)),
  email: z.email("Enter a valid email address."),
  topic: z.enum(["sales", "support", "press"]),
  message: z.string().check(z.trim(), z.minLength(10)),
});

export function App() {
  return <ContactPage schema={contactSchema} />;
}
