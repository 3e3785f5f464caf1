import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { createContext, Profiler, type ReactNode, useContext } from "react";
import { type UseFormReturn, useForm } from "react-hook-form";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  defaultComponents,
  FieldError,
  type FieldRowProps,
  MizanForm,
  type MizanFormReturn,
  useFieldError,
} from "../../react/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { harness } from "../fixtures/react.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());

/** Renders per name, counted by React's Profiler or by the counted component itself. */
type Counts = Record<string, number>;
const count = (counts: Counts, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function Counted({ id, counts, children }: { id: string; counts: Counts; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={() => count(counts, id)}>
      {children}
    </Profiler>
  );
}

const CONTACT_FIELDS = ["name", "email", "message"] as const;

/** Contact laid out by hand, each field's errors shown by `<FieldError>`. */
function ContactByHand({ counts }: { counts: Counts }) {
  count(counts, "form");
  const form = gen.forms.contact.useContactForm() as MizanFormReturn;
  return (
    <form onSubmit={form.submit} noValidate>
      {CONTACT_FIELDS.map((name) => (
        <div key={name}>
          <label htmlFor={name}>{name}</label>
          <input id={name} {...form.register(name)} aria-describedby={`${name}_error`} />
          <Counted id={name} counts={counts}>
            <FieldError form={form} name={name} id={`${name}_error`} />
          </Counted>
        </div>
      ))}
      <button type="submit">Send</button>
    </form>
  );
}

/** Signup by hand, its username's messages laid out through the render prop. */
function SignupByHand({ counts }: { counts: Counts }) {
  count(counts, "form");
  const form = gen.forms.signup.useSignupForm({ liveValidation: false }) as MizanFormReturn;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="username">Username</label>
      <input id="username" {...form.register("username")} />
      <FieldError form={form} name="username">
        {(messages) => {
          count(counts, "username");
          return messages.length ? <p role="alert">{messages.join(" ")}</p> : null;
        }}
      </FieldError>
      <label htmlFor="password">Password</label>
      <input id="password" type="password" {...form.register("password")} />
      <FieldError form={form} name="password" />
      <label htmlFor="terms">Terms</label>
      <input id="terms" type="checkbox" {...form.register("terms")} />
      <button type="submit">Sign up</button>
    </form>
  );
}

/** A react-hook-form form of its own, errors set by the test through `onForm`. */
type TagsValues = { tags: string[]; city: string };

function TagsForm({
  counts,
  onForm,
}: {
  counts: Counts;
  onForm: (form: UseFormReturn<TagsValues>) => void;
}) {
  const form = useForm<TagsValues>({ defaultValues: { tags: ["red"], city: "" } });
  onForm(form);
  return (
    <form noValidate>
      <Counted id="tags" counts={counts}>
        <FieldError form={form} name="tags" id="tags_error" />
      </Counted>
      <Counted id="city" counts={counts}>
        <FieldError form={form} name="city" id="city_error" />
      </Counted>
    </form>
  );
}

function Lost() {
  useFieldError("email");
  return null;
}

const RowCounts = createContext<Counts>({});

/** The default row, counting its renders by field id. */
function CountingRow(props: FieldRowProps) {
  count(useContext(RowCounts), props.id);
  return <defaultComponents.FieldRow {...props} />;
}

const countingRows = { FieldRow: CountingRow };

function CountedContact({ counts }: { counts: Counts }) {
  count(counts, "form");
  const form = gen.forms.contact.useContactForm();
  return <MizanForm form={form} components={countingRows} />;
}

/** The renderer's contact form, with the email's errors shown once more below the fields. */
function ContactEchoingEmail() {
  const form = gen.forms.contact.useContactForm();
  return (
    <MizanForm form={form}>
      <div data-testid="again">
        <FieldError name="email" className="echo" />
      </div>
    </MizanForm>
  );
}

describe("a hand-laid form", () => {
  test("a touched field's first keystroke re-renders its own error, nothing else", async () => {
    const h = harness();
    const user = userEvent.setup();
    const counts: Counts = {};
    const { container } = render(<ContactByHand counts={counts} />, { wrapper: h.wrapper });
    const name = screen.getByLabelText("name");
    await user.click(name);
    await user.click(document.body); // blurred: touched, and now required
    const list = await waitFor(() => {
      const found = container.querySelector("#name_error");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(list.tagName).toBe("UL");
    expect(list).toHaveClass("mizan-errorlist");
    expect(list).toHaveTextContent("This field is required.");
    expect(container.querySelectorAll(".mizan-errorlist")).toHaveLength(1);

    await user.click(name);
    const before = { ...counts };
    await user.type(name, "A");
    await waitFor(() => expect(container.querySelector("#name_error")).toBeNull());
    expect(counts.name).toBeGreaterThan(before.name ?? 0);
    for (const other of ["form", "email", "message"]) expect(counts[other]).toBe(before[other]);

    // Later keystrokes change no error: nothing re-renders at all.
    const after = { ...counts };
    await user.type(name, "nn");
    expect(counts).toEqual(after);
    expect((name as HTMLInputElement).value).toBe("Ann");
  });

  test("a client error of another kind shows and clears the same way", async () => {
    const h = harness();
    const user = userEvent.setup();
    const counts: Counts = {};
    const { container } = render(<ContactByHand counts={counts} />, { wrapper: h.wrapper });
    const email = screen.getByLabelText("email");
    await user.type(email, "ann");
    await user.click(document.body);
    await waitFor(() =>
      expect(container.querySelector("#email_error")).toHaveTextContent(
        "Enter a valid email address.",
      ),
    );
    const before = { ...counts };
    await user.type(email, "@example.com");
    await waitFor(() => expect(container.querySelector("#email_error")).toBeNull());
    for (const other of ["form", "name", "message"]) expect(counts[other]).toBe(before[other]);
  });

  test("a submit's server error shows through it and clears when its value changes", async () => {
    const h = harness();
    const user = userEvent.setup();
    const counts: Counts = {};
    render(<SignupByHand counts={counts} />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText("Username"), "taken");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByLabelText("Terms"));
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That username is taken.");
    expect(h.calls.map((c) => c.name)).toEqual(["signup.submit"]);

    const username = counts.username ?? 0;
    await user.type(screen.getByLabelText("Password"), "!");
    expect(counts.username).toBe(username);
    await user.type(screen.getByLabelText("Username"), "x");
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(counts.username).toBeGreaterThan(username);
  });

  test("an array value's error at <path>.root shows with the field's; other fields stay put", async () => {
    const counts: Counts = {};
    let form: UseFormReturn<TagsValues> | undefined;
    const { container } = render(<TagsForm counts={counts} onForm={(f) => (form = f)} />);
    const before = { ...counts };
    // Where the hook puts a server error on an array value (react-hook-form types `.root`
    // for arrays of objects only).
    const tagsRoot = "tags.root" as never;
    act(() => form?.setError(tagsRoot, { type: "server", message: "Pick at most 1." }));
    await waitFor(() =>
      expect(container.querySelector("#tags_error")).toHaveTextContent("Pick at most 1."),
    );
    expect(counts.city).toBe(before.city);
    act(() => form?.setError("city", { type: "server", message: "We do not ship there." }));
    await waitFor(() =>
      expect(container.querySelector("#city_error")).toHaveTextContent("We do not ship there."),
    );
    act(() => form?.clearErrors());
    await waitFor(() => expect(container.querySelector(".mizan-errorlist")).toBeNull());
  });

  test("without a form, outside <MizanForm>, it says what it needs", () => {
    const h = harness();
    expect(() => render(<Lost />, { wrapper: h.wrapper })).toThrow(
      /useFieldError\("email"\) needs the form/,
    );
  });
});

describe("<MizanForm>", () => {
  test("typing into a touched field re-renders that field's row only", async () => {
    const h = harness();
    const user = userEvent.setup();
    const counts: Counts = {};
    render(
      <RowCounts.Provider value={counts}>
        <CountedContact counts={counts} />
      </RowCounts.Provider>,
      { wrapper: h.wrapper },
    );
    const name = screen.getByLabelText(/Name/) as HTMLInputElement;
    await user.click(name);
    await user.click(document.body);
    expect(await screen.findByText("This field is required.")).toBeInTheDocument();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name.getAttribute("aria-describedby")).toBe("id_contact-name_error");
    expect(document.getElementById("id_contact-name_error")).toHaveTextContent(
      "This field is required.",
    );

    await user.click(name);
    const before = { ...counts };
    await user.type(name, "Ann");
    await waitFor(() => expect(screen.queryByText("This field is required.")).toBeNull());
    expect(name).not.toHaveAttribute("aria-invalid");
    expect(counts["id_contact-name"]).toBeGreaterThan(before["id_contact-name"] ?? 0);
    const others = ["form", "id_contact-email", "id_contact-topic", "id_contact-message"];
    for (const other of others) expect(counts[other]).toBe(before[other]);
  });

  test("inside <MizanForm> it takes the form and the error list from the context", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<ContactEchoingEmail />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/Email/), "ann");
    await user.click(document.body);
    await waitFor(() =>
      expect(screen.getByTestId("again")).toHaveTextContent("Enter a valid email address."),
    );
    const echo = screen.getByTestId("again").querySelector("ul");
    expect(echo).toHaveClass("mizan-errorlist", "echo");
    // No id of its own: the renderer's list keeps `id_contact-email_error` alone.
    expect(echo?.id).toBe("");
    expect(document.querySelectorAll("#id_contact-email_error")).toHaveLength(1);
  });
});
