import { act, render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import axe from "axe-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ButtonProps,
  MizanForm,
  type MizanFormReturn,
  type MizanWidgetProps,
} from "../../react/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { deferred, harness } from "../fixtures/react.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());

// biome-ignore lint/suspicious/noExplicitAny: the generated hook's options
type HookOptions = Record<string, any>;

function Rendered({
  form: name,
  options = {},
  onForm,
  ...props
}: {
  form: string;
  options?: HookOptions;
  onForm?: (form: MizanFormReturn) => void;
} & Omit<Parameters<typeof MizanForm>[0], "form">) {
  const hook = gen.forms[name][`use${name.charAt(0).toUpperCase()}${name.slice(1)}Form`];
  const form = hook(options) as MizanFormReturn;
  onForm?.(form);
  return <MizanForm form={form} {...props} />;
}

/** A UI kit's input and button, standing in for any component library. */
function StarInput(props: MizanWidgetProps) {
  return (
    <input
      id={props.id}
      data-kit="star"
      value={String(props.value ?? "")}
      onChange={(e) => props.onChange(e.target.value.toUpperCase())}
      onBlur={props.onBlur}
      ref={props.inputRef}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
    />
  );
}

function KitButton({ children, ...rest }: ButtonProps) {
  return (
    <button data-kit="button" {...rest}>
      {children}
    </button>
  );
}

function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`).join(" | ");
}

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(", ")}`),
  ).toEqual([]);
}

describe("every widget", () => {
  test("renders with its label, help text, required marker and input type", () => {
    const h = harness();
    const { container } = render(<Rendered form="gallery" />, { wrapper: h.wrapper });
    const input = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;

    expect(input(/^Title/)).toHaveAttribute("type", "text");
    expect(input(/^Title/)).toBeRequired();
    expect(describedText(input(/^Title/))).toBe("A short title.");
    expect(input(/^Bio/).tagName).toBe("TEXTAREA");
    expect(input(/^Bio/)).not.toBeRequired();
    expect(input(/^Age/)).toHaveAttribute("type", "number");
    expect(input(/^Age/)).toHaveAttribute("min", "0");
    expect(input(/^Age/)).toHaveAttribute("max", "130");
    expect(input(/^Email/)).toHaveAttribute("type", "email");
    expect(input(/^Website/)).toHaveAttribute("type", "url");
    expect(input(/^Secret/)).toHaveAttribute("type", "password");
    expect(input(/^I agree/)).toHaveAttribute("type", "checkbox");
    expect(input(/^Color/).tagName).toBe("SELECT");
    expect(
      within(input(/^Color/))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["---------", "Red", "Green"]);
    expect(input(/^Tags/)).toHaveProperty("multiple", true);
    expect(input(/^Subscribed/).tagName).toBe("SELECT");
    expect(
      within(input(/^Subscribed/))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Unknown", "Yes", "No"]);
    expect(input(/^Birthday/)).toHaveAttribute("type", "date");
    expect(input(/^Alarm/)).toHaveAttribute("type", "time");
    expect(input(/^Meeting/)).toHaveAttribute("type", "datetime-local");
    expect(input(/^Avatar/)).toHaveAttribute("type", "file");

    const size = screen.getByRole("group", { name: /^Size/ });
    expect(
      within(size)
        .getAllByRole("radio")
        .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(["Small", "Large"]);
    const toppings = screen.getByRole("group", { name: /^Toppings/ });
    expect(within(toppings).getAllByRole("checkbox")).toHaveLength(2);
    expect(within(toppings).getByLabelText("Egg")).toHaveAttribute("type", "checkbox");

    const token = container.querySelector('input[name="token"]');
    expect(token).toHaveAttribute("type", "hidden");
    expect(token).toHaveValue("abc");
    expect(container.querySelectorAll(".mizan-required").length).toBeGreaterThan(5);
    for (const mark of container.querySelectorAll(".mizan-required")) {
      expect(mark).toHaveAttribute("aria-hidden", "true");
    }
  });

  test("widgets hold the values the server expects", async () => {
    const h = harness();
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(<Rendered form="gallery" onForm={(f) => (form = f)} />, { wrapper: h.wrapper });
    await user.selectOptions(screen.getByLabelText(/^Color/), "green");
    await user.click(screen.getByLabelText("Large"));
    await user.selectOptions(screen.getByLabelText(/^Tags/), ["red", "green"]);
    await user.click(screen.getByLabelText("Egg"));
    await user.click(screen.getByLabelText("Ham"));
    await user.selectOptions(screen.getByLabelText(/^Subscribed/), "Yes");
    await user.click(screen.getByLabelText(/^I agree/));
    const file = new File(["png"], "me.png", { type: "image/png" });
    await user.upload(screen.getByLabelText(/^Avatar/), file);
    expect(form?.getValues()).toMatchObject({
      color: "green",
      size: "l",
      tags: ["red", "green"],
      toppings: ["ham", "egg"],
      subscribed: true,
      agree: true,
      avatar: file,
      token: "abc",
    });
  });

  test("any widget and layout part can be replaced", async () => {
    const h = harness();
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(
      <Rendered
        form="contact"
        onForm={(f) => (form = f)}
        components={{
          widgets: { TextInput: StarInput },
          Button: KitButton,
        }}
        submitLabel="Send"
      />,
      { wrapper: h.wrapper },
    );
    const name = screen.getByLabelText(/^Name/);
    expect(name).toHaveAttribute("data-kit", "star");
    await user.type(name, "ann");
    expect(form?.getValues("name")).toBe("ANN");
    expect(screen.getByRole("button", { name: "Send" })).toHaveAttribute("data-kit", "button");
    expect(screen.getByLabelText(/^Email/)).not.toHaveAttribute("data-kit");
  });
});

describe("errors, aria and focus", () => {
  test("a failed submit marks fields invalid, ties errors to inputs and focuses the first", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="contact" />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/^Email/), "ann@example.com");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const name = screen.getByLabelText(/^Name/);
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(describedText(name)).toBe("This field is required.");
    const email = screen.getByLabelText(/^Email/);
    expect(email).not.toHaveAttribute("aria-invalid");
    expect(describedText(email)).toBe("We reply within a day.");
    expect(screen.getByLabelText(/^Message/)).toHaveAttribute("aria-invalid", "true");
    expect(h.calls.filter((c) => c.name === "contact.submit")).toEqual([]);
  });

  test("server errors after submit focus their field once inputs are enabled again", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="signup" options={{ liveValidation: false }} />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/^Username/), "taken");
    await user.type(screen.getByLabelText(/^Password/), "correct horse");
    await user.click(screen.getByLabelText(/^I accept the terms/));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const username = screen.getByLabelText(/^Username/);
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(describedText(username)).toBe("Letters and digits. | That username is taken.");
  });

  test("inputs are disabled while the submit is in flight", async () => {
    const h = harness();
    const held = deferred();
    h.app.beforeSubmit = () => held.promise;
    const user = userEvent.setup();
    render(
      <Rendered
        form="signup"
        renderResult={(r) => `Welcome, ${(r as { username: string }).username}!`}
      />,
      {
        wrapper: h.wrapper,
      },
    );
    await user.type(screen.getByLabelText(/^Username/), "bob");
    await user.type(screen.getByLabelText(/^Password/), "correct horse");
    await user.click(screen.getByLabelText(/^I accept the terms/));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(screen.getByLabelText(/^Username/)).toBeDisabled());
    expect(screen.getByLabelText(/^Password/)).toBeDisabled();
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled();
    expect(screen.getByRole("form")).toHaveAttribute("aria-busy", "true");
    held.resolve();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Welcome, bob!"));
    expect(screen.getByLabelText(/^Username/)).toBeEnabled();
  });
});

describe("nested forms and formsets", () => {
  test("server errors land on the nested and formset inputs they name", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="order" options={{ liveValidation: false }} />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/^Customer/), "Ann");
    const address = screen.getByRole("group", { name: /^Address/ });
    await user.type(within(address).getByLabelText(/^Street/), "1 Main St");
    await user.type(within(address).getByLabelText(/^City/), "Atlantis");
    const items = screen.getByRole("group", { name: "Items" });
    await user.click(within(items).getByRole("button", { name: "Add Items" }));
    const row1 = screen.getByRole("group", { name: "Items 1" });
    const row2 = screen.getByRole("group", { name: "Items 2" });
    await user.type(within(row1).getByLabelText(/^Product/), "Pen");
    await user.type(within(row1).getByLabelText(/^Qty/), "2");
    await user.type(within(row2).getByLabelText(/^Product/), "Ink");
    await user.type(within(row2).getByLabelText(/^Qty/), "11");
    await user.click(screen.getByRole("button", { name: "Submit" }));

    const city = within(address).getByLabelText(/^City/);
    await waitFor(() => expect(city).toHaveAttribute("aria-invalid", "true"));
    expect(describedText(city)).toBe("We do not ship to Atlantis.");
    expect(city).toHaveAttribute("id", "id_order-address-city");
    const qty2 = within(row2).getByLabelText(/^Qty/);
    expect(qty2).toHaveAttribute("aria-invalid", "true");
    expect(qty2).toHaveAttribute("id", "id_order-items-1-qty");
    expect(describedText(qty2)).toBe("Only 10 in stock.");
    expect(within(row1).getByLabelText(/^Qty/)).not.toHaveAttribute("aria-invalid");
    const submit = h.calls.find((c) => c.name === "order.submit");
    expect(submit?.args.data).toEqual({
      customer: "Ann",
      address: { street: "1 Main St", city: "Atlantis" },
      items: [
        { product: "Pen", qty: "2" },
        { product: "Ink", qty: "11" },
      ],
    });
    await waitFor(() => expect(city).toHaveFocus());

    await user.clear(qty2);
    await user.type(qty2, "3");
    await waitFor(() => expect(qty2).not.toHaveAttribute("aria-invalid"));
    expect(city).toHaveAttribute("aria-invalid", "true");
  });

  test("server-only rules of nested forms and formset rows show on blur", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="order" />, { wrapper: h.wrapper });
    const city = within(screen.getByRole("group", { name: /^Address/ })).getByLabelText(/^City/);
    await user.type(city, "Atlantis");
    await user.tab();
    await waitFor(() => expect(describedText(city)).toBe("We do not ship to Atlantis."));
    const qty = within(screen.getByRole("group", { name: "Items 1" })).getByLabelText(/^Qty/);
    await user.type(qty, "12");
    await user.tab();
    await waitFor(() => expect(describedText(qty)).toBe("Only 10 in stock."));
    expect(h.calls.filter((c) => c.name === "order.validate").map((c) => c.args.fields)).toEqual([
      ["address"],
      ["items"],
    ]);
    // Untouched siblings are not marked, though the server cleaned their whole sub-form.
    expect(
      within(screen.getByRole("group", { name: /^Address/ })).getByLabelText(/^Street/),
    ).not.toHaveAttribute("aria-invalid");
  });

  test("client errors land in the nested form and the formset row", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="order" />, { wrapper: h.wrapper });
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const address = screen.getByRole("group", { name: /^Address/ });
    await waitFor(() =>
      expect(within(address).getByLabelText(/^Street/)).toHaveAttribute("aria-invalid", "true"),
    );
    const row1 = screen.getByRole("group", { name: "Items 1" });
    expect(within(row1).getByLabelText(/^Qty/)).toHaveAttribute("aria-invalid", "true");
    expect(h.calls.filter((c) => c.name === "order.submit")).toEqual([]);
  });

  test("formset rows are added and removed within min_num and max_num", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Rendered form="order" />, { wrapper: h.wrapper });
    const items = screen.getByRole("group", { name: "Items" });
    expect(within(items).getAllByRole("group")).toHaveLength(1);
    expect(within(items).queryByRole("button", { name: /^Remove/ })).toBeNull();
    const add = within(items).getByRole("button", { name: "Add Items" });
    await user.click(add);
    await user.click(add);
    expect(within(items).getAllByRole("group")).toHaveLength(3);
    expect(within(items).queryByRole("button", { name: "Add Items" })).toBeNull();
    await user.type(
      within(screen.getByRole("group", { name: "Items 3" })).getByLabelText(/^Product/),
      "Cap",
    );
    await user.click(within(items).getByRole("button", { name: "Remove Items 2" }));
    expect(within(items).getAllByRole("group")).toHaveLength(2);
    expect(
      within(screen.getByRole("group", { name: "Items 2" })).getByLabelText(/^Product/),
    ).toHaveValue("Cap");
    expect(within(items).getByRole("button", { name: "Add Items" })).toBeInTheDocument();
  });

  test("formset-level errors show on the formset", async () => {
    const h = harness();
    const user = userEvent.setup();
    const row = { product: "Pen", qty: "1" };
    render(
      <Rendered
        form="order"
        options={{
          defaultValues: {
            customer: "Ann",
            address: { street: "s", city: "c" },
            items: [row, row, row, row],
          },
        }}
      />,
      { wrapper: h.wrapper },
    );
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const items = screen.getByRole("group", { name: "Items" });
    await waitFor(() => expect(items).toHaveAccessibleDescription(/at most 3/));
  });
});

describe("accessibility", () => {
  test.each(["contact", "signup", "order", "gallery"])(
    "the %s form has no axe violations",
    async (name) => {
      const h = harness();
      const { container } = render(<Rendered form={name} />, { wrapper: h.wrapper });
      await expectNoAxeViolations(container);
    },
  );

  test("forms showing errors have no axe violations", async () => {
    const h = harness();
    const user = userEvent.setup();
    const { container } = render(
      <>
        <Rendered form="gallery" />
        <Rendered form="order" />
      </>,
      { wrapper: h.wrapper },
    );
    for (const button of screen.getAllByRole("button", { name: "Submit" }))
      await user.click(button);
    await waitFor(() =>
      expect(container.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(5),
    );
    await act(() => new Promise((r) => setTimeout(r, 20)));
    await expectNoAxeViolations(container);
  });
});
