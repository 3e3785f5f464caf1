import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import { type FieldErrorProps, useFieldError, type useMizanForm } from "../../react/index.js";

const schema = z.object({
  email: z.string(),
  address: z.object({ city: z.string() }),
});
type Values = z.input<typeof schema>;

type Form = ReturnType<typeof useMizanForm<typeof schema>>;
declare const form: Form;

test("a field's errors are named by the form's fields", () => {
  expectTypeOf(useFieldError("email", form)).toEqualTypeOf<string[]>();
  useFieldError("address.city", form);
  // @ts-expect-error: not a field of the form
  useFieldError("nope", form);
  const props: FieldErrorProps<Values> = { form, name: "address.city" };
  expectTypeOf(props.name).toEqualTypeOf<"email" | "address" | "address.city">();
  // @ts-expect-error: not a field of the form
  const wrong: FieldErrorProps<Values> = { form, name: "emial" };
  expectTypeOf(wrong).not.toBeAny();
});
