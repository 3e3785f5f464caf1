/** The contact page with Conform + `zod/mini` (`@conform-to/zod/v4` takes any Zod 4 schema), same endpoint. */
import * as z from "zod/mini";
import { ContactPage } from "./conform-contact.js";

const contactSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "This field is required."), z.maxLength(100)),
  email: z.email("Enter a valid email address."),
  topic: z.enum(["sales", "support", "press"]),
  message: z.string().check(z.trim(), z.minLength(10)),
});

export function App() {
  return <ContactPage schema={contactSchema} />;
}
