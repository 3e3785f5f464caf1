import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MizanForm, type MizanFormReturn } from "../../react/index.js";
import type { RequestContext } from "../../src/core/context.js";
import { Registry } from "../../src/core/registry.js";
import {
  CharField,
  type CleanedData,
  Form,
  formMeta,
  MultiValueField,
  SplitDateTimeField,
} from "../../src/index.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { harness } from "../fixtures/react.js";

class PairField extends MultiValueField<string | null> {
  override compress(parts: unknown[]) {
    return parts.length ? parts.join("+") : null;
  }
}

class MeetingForm extends Form {
  static override meta = formMeta({ name: "meeting", title: "Meeting" });
  starts = new SplitDateTimeField();
  ends = new SplitDateTimeField({ required: false, initial: "2006-01-10T09:00:00" });
  pair = new PairField([new CharField(), new CharField({ required: false })], {
    requireAllFields: false,
  });

  onSubmitSuccess(_ctx: RequestContext, data: CleanedData<MeetingForm>) {
    return data;
  }
}

let gen: GeneratedClient;
const registry = new Registry();
registry.register(MeetingForm);
beforeAll(async () => {
  gen = await loadGenerated(registry);
});
afterAll(() => gen.dispose());

function Meeting({ onSuccess }: { onSuccess?: (result: unknown) => void }) {
  const form = gen.forms.meeting.useMeetingForm({ onSuccess }) as MizanFormReturn;
  return <MizanForm form={form} />;
}

describe("SplitDateTimeWidget and MultiWidget in <MizanForm>", () => {
  test("a fieldset per field, a date and a time input, each named and required", () => {
    const h = harness({ registry });
    render(<Meeting />, { wrapper: h.wrapper });
    const starts = screen.getByRole("group", { name: /^Starts/ });
    const date = within(starts).getByLabelText("Date");
    const time = within(starts).getByLabelText("Time");
    expect(date).toHaveAttribute("type", "date");
    expect(time).toHaveAttribute("type", "time");
    expect(date).toHaveAttribute("id", "id_meeting-starts_0");
    expect(time).toHaveAttribute("name", "starts_1");
    expect(date).toBeRequired();
    expect(time).toBeRequired();
    // An initial datetime shows as its parts; an optional field's inputs are not required.
    const ends = screen.getByRole("group", { name: /^Ends/ });
    expect(within(ends).getByLabelText("Date")).toHaveValue("2006-01-10");
    expect(within(ends).getByLabelText("Time")).toHaveValue("09:00:00");
    expect(within(ends).getByLabelText("Date")).not.toBeRequired();
    // requireAllFields: false marks only the required part (Django's required_parts).
    const pair = screen.getByRole("group", { name: /^Pair/ });
    expect(within(pair).getByLabelText("Pair (1 of 2)")).toBeRequired();
    expect(within(pair).getByLabelText("Pair (2 of 2)")).not.toBeRequired();
  });

  test("the parts are submitted as an array and the server joins them", async () => {
    const h = harness({ registry });
    const user = userEvent.setup();
    let result: unknown;
    render(<Meeting onSuccess={(r) => (result = r)} />, { wrapper: h.wrapper });
    const starts = screen.getByRole("group", { name: /^Starts/ });
    fireEvent.change(within(starts).getByLabelText("Date"), { target: { value: "2006-01-10" } });
    fireEvent.change(within(starts).getByLabelText("Time"), { target: { value: "07:30" } });
    const pair = screen.getByRole("group", { name: /^Pair/ });
    await user.type(within(pair).getByLabelText("Pair (1 of 2)"), "a");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(result).toBeDefined());
    const submit = h.calls.find((c) => c.name === "meeting.submit");
    expect(submit?.args.data).toEqual({
      starts: ["2006-01-10", "07:30"],
      ends: ["2006-01-10", "09:00:00"],
      pair: ["a", ""],
    });
    expect(result).toEqual({
      starts: "2006-01-10T07:30:00",
      ends: "2006-01-10T09:00:00",
      pair: "a+",
    });
  });

  test("the server's errors for the parts show on the field", async () => {
    const h = harness({ registry });
    const user = userEvent.setup();
    render(<Meeting />, { wrapper: h.wrapper });
    const starts = screen.getByRole("group", { name: /^Starts/ });
    fireEvent.change(within(starts).getByLabelText("Date"), { target: { value: "2006-01-10" } });
    const pair = screen.getByRole("group", { name: /^Pair/ });
    await user.type(within(pair).getByLabelText("Pair (2 of 2)"), "b");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(starts).toHaveTextContent("This field is required."));
    expect(pair).toHaveTextContent("Enter a complete value.");
    expect(within(starts).getByLabelText("Date")).toHaveAttribute("aria-invalid", "true");
  });
});
