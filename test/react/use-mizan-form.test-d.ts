import { expectTypeOf, test } from "vitest";
import { z } from "zod";
import type { MizanServerError, useMizanForm } from "../../react/index.js";

const schema = z.object({
  email: z.string(),
  age: z.union([z.string(), z.number()]).transform(Number),
});

type Form = ReturnType<typeof useMizanForm<typeof schema, { sent: boolean }>>;
declare const form: Form;

test("values are the schema's input, submitted data its output, result the given type", () => {
  expectTypeOf(form.getValues()).toEqualTypeOf<{ email: string; age: string | number }>();
  form.handleSubmit((data) => {
    expectTypeOf(data).toEqualTypeOf<{ email: string; age: number }>();
  });
  expectTypeOf(form.result).toEqualTypeOf<{ sent: boolean } | undefined>();
  expectTypeOf(form.serverError).toEqualTypeOf<MizanServerError | undefined>();
  expectTypeOf(form.register("email").name).toEqualTypeOf<"email">();
  // @ts-expect-error: not a field of the form
  form.register("nope");
});
