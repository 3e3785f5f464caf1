import { CharField, Form, formMeta, Registry } from "../../../../src/index.js";
class NoteForm extends Form { static override meta = formMeta({ name: "note" }); text = new CharField({ maxLength: 20 }); }
export const registry = new Registry();
registry.register(NoteForm);
