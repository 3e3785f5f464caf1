/**
 * `useMizanFormBase(options, fieldLevelResolver)`: a field's event parses only that field's
 * rules, because the resolver knows the form it serves (how many fields are registered), also
 * after the schema changes; a submit parses the whole form.
 */
import { act, render } from "@testing-library/react";
import { useState } from "react";
import { expect, test } from "vitest";
import { z } from "zod";
import {
  fieldLevelResolver,
  type MizanCaller,
  type MizanFormReturn,
  MizanProvider,
  useMizanFormBase,
} from "../../react/index.js";

/** A two-field schema that counts how often field b's rule runs. */
function counted() {
  const runs = { b: 0 };
  const schema = z.object({
    a: z.string().min(2),
    b: z.string().refine(() => {
      runs.b++;
      return true;
    }),
  });
  return { schema, runs };
}

const client: MizanCaller = { call: async () => ({ ok: true }) };

type Schemas = ReturnType<typeof counted>;

/** Starts with `first`; `onForm` gets the form and a function that switches to `second`. */
function Form(props: {
  first: Schemas;
  second: Schemas;
  onForm: (form: MizanFormReturn, next: () => void) => void;
}) {
  const [{ schema }, setSchema] = useState(props.first);
  const form = useMizanFormBase(
    { name: "pair", schema, defaultValues: { a: "", b: "" } },
    fieldLevelResolver,
  ) as unknown as MizanFormReturn;
  props.onForm(form, () => setSchema(props.second));
  void form.formState.errors;
  return (
    <>
      <input aria-label="A" {...form.register("a")} />
      <input aria-label="B" {...form.register("b")} />
    </>
  );
}

test("a field's event parses that field only, before and after a schema change", async () => {
  const first = counted();
  const second = counted();
  let form: MizanFormReturn | undefined;
  let next: (() => void) | undefined;

  render(
    <MizanProvider client={client}>
      <Form
        first={first}
        second={second}
        onForm={(f, n) => {
          form = f;
          next = n;
        }}
      />
    </MizanProvider>,
  );
  const current = () => form as MizanFormReturn;

  await act(() => current().trigger("a"));
  expect(current().getFieldState("a").error).toBeDefined();
  expect(first.runs.b).toBe(0);

  await act(() => current().trigger());
  expect(first.runs.b).toBe(1);

  act(() => next?.());
  await act(() => current().trigger("a"));
  expect(current().getFieldState("a").error).toBeDefined();
  expect(second.runs.b).toBe(0);

  act(() => current().setValue("a", "ok"));
  await act(() => current().submit());
  expect(second.runs.b).toBe(1);
  expect(current().getFieldState("a").error).toBeUndefined();
});
