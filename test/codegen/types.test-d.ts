import { describe, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { MizanContextResult, MizanFormReturn } from "../../react/index.js";
import type { CallOptions } from "../../src/client/index.js";
import type { CleanedData } from "../../src/forms/form.js";
import {
  type ContactFormData,
  type ContactFormValues,
  type CurrentUserContext,
  type contactSchema,
  createEchoCaller,
  createToolsPingCaller,
  type EchoInput,
  type EchoOutput,
  type GreetContext,
  type GreetContextArgs,
  GreetProvider,
  type GreetProviderProps,
  type OrderFormData,
  type OrderFormValues,
  type UserSignupFormData,
  type UserSignupFormValues,
  type UseUserSignupFormOptions,
  useContactForm,
  useCurrentUser,
  useGreet,
} from "./__generated__/index.js";
import type { ContactForm, OrderForm, SignupForm } from "./fixtures/forms.js";

// The generated types are precise: each field's cleaned type is the server field's own
// `Field<TValue, ...>` parameter (CleanedData<F>), never any/unknown.
describe("generated form types", () => {
  test("ContactForm: cleaned data equals the server's CleanedData", () => {
    expectTypeOf<ContactFormData>().toEqualTypeOf<CleanedData<ContactForm>>();
    expectTypeOf<ContactFormData["topic"]>().toEqualTypeOf<"sales" | "support" | "press">();
    expectTypeOf<ContactFormValues>().toEqualTypeOf<{
      name: string;
      email: string;
      topic: string;
      message: string;
    }>();
    expectTypeOf<z.output<typeof contactSchema>>().not.toBeAny();
  });

  test("SignupForm: numbers, decimals, booleans, choices, optional empties", () => {
    expectTypeOf<UserSignupFormData>().toEqualTypeOf<CleanedData<SignupForm>>();
    expectTypeOf<UserSignupFormData["age"]>().toEqualTypeOf<number>();
    expectTypeOf<UserSignupFormData["height"]>().toEqualTypeOf<string | null>();
    expectTypeOf<UserSignupFormData["nickname"]>().toEqualTypeOf<string | null>();
    expectTypeOf<UserSignupFormData["terms"]>().toEqualTypeOf<true>();
    expectTypeOf<UserSignupFormData["newsletter"]>().toEqualTypeOf<boolean>();
    expectTypeOf<UserSignupFormData["likes"]>().toEqualTypeOf<Array<"tea" | "coffee">>();
    expectTypeOf<UserSignupFormData["vegan"]>().toEqualTypeOf<boolean | null>();
    expectTypeOf<UserSignupFormValues["age"]>().toEqualTypeOf<number | string>();
    expectTypeOf<UserSignupFormValues["terms"]>().toEqualTypeOf<boolean | string>();
  });

  test("OrderForm: nested form and formset", () => {
    expectTypeOf<OrderFormData>().toEqualTypeOf<CleanedData<OrderForm>>();
    expectTypeOf<OrderFormData["items"][number]["quantity"]>().toEqualTypeOf<number>();
    expectTypeOf<OrderFormValues["shipping"]["city"]>().toEqualTypeOf<string>();
  });

  test("the hook's values are the form's input type, its output the cleaned type", () => {
    type Form = ReturnType<typeof useContactForm>;
    expectTypeOf<Form>().toEqualTypeOf<
      MizanFormReturn<ContactFormValues, ContactFormData, unknown>
    >();
    const form = null as unknown as Form;
    expectTypeOf(form.getValues()).toEqualTypeOf<ContactFormValues>();
    expectTypeOf(form.getValues("email")).toEqualTypeOf<string>();
    expectTypeOf(useContactForm<{ sent: boolean }>)
      .parameter(0)
      .exclude<undefined>()
      .toHaveProperty("onSuccess");
  });

  test("a form without server-only rules has no live validation to set", () => {
    expectTypeOf(useContactForm).parameter(0).exclude<undefined>().toHaveProperty("onSuccess");
    expectTypeOf(useContactForm)
      .parameter(0)
      .exclude<undefined>()
      .not.toHaveProperty("liveValidation");
    expectTypeOf<UseUserSignupFormOptions>().toHaveProperty("liveValidation");
  });

  test("plain callers", () => {
    expectTypeOf<EchoInput>().toEqualTypeOf<{ text: string; times?: number }>();
    expectTypeOf(createEchoCaller).returns.toEqualTypeOf<
      (args: EchoInput, options?: CallOptions) => Promise<EchoOutput>
    >();
    expectTypeOf(createToolsPingCaller)
      .returns.parameter(0)
      .toEqualTypeOf<Record<string, unknown> | undefined>();
  });
});

describe("generated context types", () => {
  test("a global context's hook is typed from its output schema", () => {
    expectTypeOf<CurrentUserContext>().toEqualTypeOf<{ id: number; username: string } | null>();
    expectTypeOf(useCurrentUser).parameters.toEqualTypeOf<[]>();
    expectTypeOf(useCurrentUser).returns.toEqualTypeOf<MizanContextResult<CurrentUserContext>>();
    const user = null as unknown as ReturnType<typeof useCurrentUser>;
    expectTypeOf(user.data).toEqualTypeOf<{ id: number; username: string } | null | undefined>();
    expectTypeOf(user.status).toEqualTypeOf<"idle" | "loading" | "success" | "error">();
    expectTypeOf(user.refresh).returns.toEqualTypeOf<Promise<void>>();
  });

  test("a local context's provider takes the input's properties, children and fallback", () => {
    expectTypeOf<GreetContextArgs>().toEqualTypeOf<{ name: string; excited?: boolean }>();
    expectTypeOf<GreetContext>().toEqualTypeOf<{ message: string }>();
    expectTypeOf(GreetProvider).parameter(0).toEqualTypeOf<GreetProviderProps>();
    expectTypeOf<GreetProviderProps>().toHaveProperty("name").toEqualTypeOf<string>();
    expectTypeOf<GreetProviderProps>().toHaveProperty("fallback");
    expectTypeOf<GreetProviderProps>().toHaveProperty("children");
    expectTypeOf({ name: "Ada" }).toExtend<GreetProviderProps>();
    expectTypeOf({ name: "Ada", excited: true, fallback: "…" }).toExtend<GreetProviderProps>();
    // A required argument is required; a wrong type is refused.
    expectTypeOf({ excited: true }).not.toExtend<GreetProviderProps>();
    expectTypeOf({ name: 1 }).not.toExtend<GreetProviderProps>();
    expectTypeOf(useGreet).returns.toEqualTypeOf<MizanContextResult<GreetContext>>();
  });
});
