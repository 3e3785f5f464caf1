/** The same contact page with Conform + Zod, posting to the same endpoint. */
import { z } from "zod";
import { ContactPage } from "./conform-contact.js";

const contactSchema = z.object({
  name: z.string().trim().min(1, "This field is required.").max(100),
  email: z.email("Enter a valid email address."),
  topic: z.enum(["sales", "support", "press"]),
  message: z.string().trim().min(10),
});

export function App() {
  return <ContactPage schema={contactSchema} />;
}
