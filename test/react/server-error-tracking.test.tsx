/**
 * A submit's server errors as `useMizanFormBase` keeps them: on the field, or at `<field>.root`
 * for an object or array value, each until its own value changes (a structurally equal value
 * is no change), and only then.
 */
import { act, render, waitFor } from "@testing-library/react";
import { expect, test } from "vitest";
import { z } from "zod";
import {
  type MizanCaller,
  type MizanFormReturn,
  MizanProvider,
  useMizanFormBase,
} from "../../react/index.js";

const schema = z.object({
  name: z.string(),
  tags: z.array(z.string()),
  address: z.object({ city: z.string() }),
});

const item = (message: string) => ({ code: "invalid", message });

/** A client whose every call fails with a 422 carrying these field errors. */
const rejecting = (fields: Record<string, unknown>): MizanCaller => ({
  call: async () => {
    throw { code: "VALIDATION_FAILED", status: 422, message: "Invalid.", details: { fields } };
  },
});

function Form({ onForm }: { onForm: (form: MizanFormReturn) => void }) {
  const form = useMizanFormBase({
    name: "profile",
    schema,
    defaultValues: { name: "ann", tags: ["a"], address: { city: "Oslo" } },
  }) as unknown as MizanFormReturn;
  onForm(form);
  // Read so that react-hook-form re-renders on error changes.
  void form.formState.errors;
  return <input aria-label="Name" {...form.register("name")} />;
}

async function submitted(client: MizanCaller): Promise<() => MizanFormReturn> {
  let form: MizanFormReturn | undefined;
  render(
    <MizanProvider client={client}>
      <Form onForm={(f) => (form = f)} />
    </MizanProvider>,
  );
  const current = () => form as MizanFormReturn;
  await act(() => current().submit());
  await waitFor(() => expect(current().isServerSubmitting).toBe(false));
  return current;
}

const errorAt = (form: MizanFormReturn, path: string) => form.getFieldState(path).error?.type;

test("errors on object and array values go to <field>.root; each clears when its own value changes", async () => {
  const form = await submitted(
    rejecting({ name: [item("Name.")], tags: [item("Tags.")], address: [item("Address.")] }),
  );
  expect(errorAt(form(), "name")).toBe("server");
  expect(errorAt(form(), "tags.root")).toBe("server");
  expect(errorAt(form(), "address.root")).toBe("server");

  // Equal values (new objects) change nothing.
  act(() => form().setValue("tags", ["a"]));
  act(() => form().setValue("address", { city: "Oslo" }));
  act(() => form().setValue("name", "ann"));
  expect(errorAt(form(), "name")).toBe("server");
  expect(errorAt(form(), "tags.root")).toBe("server");
  expect(errorAt(form(), "address.root")).toBe("server");

  // One value changes: its error goes, the others stay.
  act(() => form().setValue("tags", ["a", "b"]));
  await waitFor(() => expect(errorAt(form(), "tags.root")).toBeUndefined());
  expect(errorAt(form(), "name")).toBe("server");
  expect(errorAt(form(), "address.root")).toBe("server");

  act(() => form().setValue("address.city", "Rome"));
  await waitFor(() => expect(errorAt(form(), "address.root")).toBeUndefined());
  expect(errorAt(form(), "name")).toBe("server");

  act(() => form().setValue("name", "bob"));
  await waitFor(() => expect(errorAt(form(), "name")).toBeUndefined());
});

test("a second submit replaces the errors it keeps track of", async () => {
  const answers = [{ name: [item("Name.")] }, { tags: [item("Tags.")] }];
  const client: MizanCaller = {
    call: async () => {
      throw {
        code: "VALIDATION_FAILED",
        status: 422,
        message: "Invalid.",
        details: { fields: answers.shift() },
      };
    },
  };
  const form = await submitted(client);
  expect(errorAt(form(), "name")).toBe("server");
  await act(() => form().submit());
  await waitFor(() => expect(errorAt(form(), "tags.root")).toBe("server"));
  expect(errorAt(form(), "name")).toBeUndefined();
  // The first submit's field no longer counts: its change leaves the new error alone.
  act(() => form().setValue("name", "bob"));
  expect(errorAt(form(), "tags.root")).toBe("server");
  act(() => form().setValue("tags", ["z"]));
  await waitFor(() => expect(errorAt(form(), "tags.root")).toBeUndefined());
});
