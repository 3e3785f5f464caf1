import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { Profiler } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  MizanForm,
  type MizanFormReturn,
  useMizanForm,
  useMizanFormBase,
} from "../../react/index.js";
import { createClient } from "../../src/client/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { deferred, type Harness, harness } from "../fixtures/react.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());
afterEach(() => {
  vi.restoreAllMocks();
});

// biome-ignore lint/suspicious/noExplicitAny: the generated hook's options
type HookOptions = Record<string, any>;

/** Signup laid out by hand with `register`, showing the hook's state as text. */
function SignupByHand({
  options = {},
  onForm,
  useForm = useGeneratedSignupForm,
}: {
  options?: HookOptions;
  onForm?: (form: MizanFormReturn) => void;
  /** The hook to lay out (default: the generated `useSignupForm`). */
  useForm?: (options: HookOptions) => MizanFormReturn;
}) {
  const form = useForm(options);
  onForm?.(form);
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="username">Username</label>
      <input id="username" {...form.register("username")} />
      {errors.username ? (
        <p data-testid="username-error">{String(errors.username.message)}</p>
      ) : null}
      <p data-testid="username-type">{String(errors.username?.type ?? "")}</p>
      <label htmlFor="password">Password</label>
      <input id="password" type="password" {...form.register("password")} />
      <label htmlFor="terms">Terms</label>
      <input id="terms" type="checkbox" {...form.register("terms")} />
      <p data-testid="validating">{String(form.isServerValidating)}</p>
      <p data-testid="result">{form.result === undefined ? "" : JSON.stringify(form.result)}</p>
      <p data-testid="server-error">
        {form.serverError ? `${form.serverError.status} ${form.serverError.message}` : ""}
      </p>
      <p data-testid="root">{String(errors.root?.server?.message ?? "")}</p>
      <button type="submit">Sign up</button>
    </form>
  );
}

function useGeneratedSignupForm(options: HookOptions): MizanFormReturn {
  return gen.forms.signup.useSignupForm(options) as MizanFormReturn;
}

/** The signup form through `useMizanFormBase` (no live checks). */
function useSignupFormBase(options: HookOptions): MizanFormReturn {
  const signup = gen.forms.signup;
  return useMizanFormBase({
    name: "signup",
    schema: signup.signupSchema,
    meta: signup.signupFormMeta,
    version: signup.signupFormVersion,
    ...options,
  }) as MizanFormReturn;
}

function Contact() {
  const form = gen.forms.contact.useContactForm();
  return <MizanForm form={form} />;
}

/** Signup from the generated schema, with a version the server no longer has. */
function Outdated() {
  const form = useMizanForm({
    name: "signup",
    schema: gen.forms.signup.signupSchema,
    meta: gen.forms.signup.signupFormMeta,
    version: "0000000000000000",
  });
  return (
    <form onSubmit={form.submit}>
      <label htmlFor="u">Username</label>
      <input id="u" {...form.register("username")} />
      <label htmlFor="p">Password</label>
      <input id="p" {...form.register("password")} />
    </form>
  );
}

function Note() {
  const form = gen.forms.note.useNoteForm();
  return <MizanForm form={form} />;
}

function validateCalls(h: Harness, form: string, field?: string) {
  return h.calls.filter(
    (c) =>
      c.name === `${form}.validate` &&
      (field === undefined || (c.args.fields as string[]).includes(field)),
  );
}

async function fillSignup(user: ReturnType<typeof userEvent.setup>, username: string) {
  await user.type(screen.getByLabelText("Username"), username);
  await user.type(screen.getByLabelText("Password"), "correct horse");
  await user.click(screen.getByLabelText("Terms"));
}

describe("client validation first", () => {
  test("an invalid e-mail shows the client's message and makes no request", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Contact />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/Email/), "not-an-email");
    await user.tab();
    expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(await screen.findAllByText("This field is required.")).toHaveLength(3);
    expect(screen.getByText("Enter a valid email address.")).toBeInTheDocument();
    expect(h.calls.filter((c) => c.name === "contact.submit")).toEqual([]);
    expect(validateCalls(h, "contact", "email")).toEqual([]);
  });

  test("a form whose fields have no server-only rules asks the server nothing on blur", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Contact />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/Name/), "Ann");
    await user.tab();
    await user.type(screen.getByLabelText(/Email/), "ann@example.com");
    await user.tab();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(gen.forms.contact.contactFormMeta.fields.name?.server_rules).toBe(false);
    expect(validateCalls(h, "contact")).toEqual([]);
  });
});

describe("server-only rules", () => {
  test("a taken username shows after blur, as a server error, from one validate call", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<SignupByHand />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText("Username"), "taken");
    await user.tab();
    expect(await screen.findByTestId("username-error")).toHaveTextContent(
      "That username is taken.",
    );
    expect(screen.getByTestId("username-type")).toHaveTextContent("server");
    const calls = validateCalls(h, "signup", "username");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toMatchObject({ data: { username: "taken" }, fields: ["username"] });
    expect(calls[0]?.args.version).toBe(gen.forms.signup.signupFormVersion);
    expect(h.app.log).toEqual(["cleanUsername:taken"]);
  });

  test("a taken username shows after submit (no live validation)", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<SignupByHand options={{ liveValidation: false }} />, { wrapper: h.wrapper });
    await fillSignup(user, "admin");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByTestId("username-error")).toHaveTextContent(
      "That username is taken.",
    );
    expect(screen.getByTestId("username-type")).toHaveTextContent("server");
    expect(validateCalls(h, "signup")).toEqual([]);
    expect(h.calls.map((c) => c.name)).toEqual(["signup.submit"]);
    expect(screen.getByTestId("result")).toHaveTextContent("");
  });

  test("useMizanFormBase asks nothing on blur; a submit's error clears when its field changes", async () => {
    const h = harness();
    const user = userEvent.setup();
    // react-hook-form checks nothing on change here: the error clears because its value changed.
    render(<SignupByHand useForm={useSignupFormBase} options={{ reValidateMode: "onSubmit" }} />, {
      wrapper: h.wrapper,
    });
    await fillSignup(user, "taken");
    await user.tab();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(validateCalls(h, "signup")).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByTestId("username-error")).toHaveTextContent(
      "That username is taken.",
    );
    expect(screen.getByTestId("username-type")).toHaveTextContent("server");
    await user.type(screen.getByLabelText("Username"), "x");
    await waitFor(() => expect(screen.queryByTestId("username-error")).toBeNull());
    expect(validateCalls(h, "signup")).toEqual([]);
    expect(h.calls.map((c) => c.name)).toEqual(["signup.submit"]);
  });

  test("the debounced on-change mode asks once, for the settled value", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<SignupByHand options={{ liveValidation: { on: "change", debounceMs: 30 } }} />, {
      wrapper: h.wrapper,
    });
    await user.type(screen.getByLabelText("Username"), "taken");
    expect(await screen.findByTestId("username-error")).toHaveTextContent(
      "That username is taken.",
    );
    expect(
      validateCalls(h, "signup", "username").map(
        (c) => (c.args.data as { username: string }).username,
      ),
    ).toEqual(["taken"]);
  });

  test("a server error clears when its field changes, with no render loop", async () => {
    const h = harness();
    const user = userEvent.setup();
    let renders = 0;
    render(
      <Profiler id="signup" onRender={() => renders++}>
        <SignupByHand />
      </Profiler>,
      { wrapper: h.wrapper },
    );
    const input = screen.getByLabelText("Username");
    await user.type(input, "taken");
    await user.tab();
    await screen.findByTestId("username-error");
    const before = renders;
    await user.type(input, "x");
    await waitFor(() => expect(screen.queryByTestId("username-error")).toBeNull());
    await act(() => new Promise((r) => setTimeout(r, 50)));
    const settled = renders;
    expect(settled - before).toBeLessThan(10);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(renders).toBe(settled);
  });

  test("blurring again with the same value asks the server no second time", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<SignupByHand />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText("Username"), "taken");
    await user.tab();
    await screen.findByTestId("username-error");
    await user.click(screen.getByLabelText("Username"));
    await user.tab();
    expect(await screen.findByTestId("username-error")).toHaveTextContent(
      "That username is taken.",
    );
    expect(validateCalls(h, "signup", "username")).toHaveLength(1);
  });
});

describe("in-flight and stale answers", () => {
  test("changing the value aborts the in-flight check", async () => {
    const h = harness();
    const held = deferred();
    h.app.beforeUsernameCheck = (name) => (name === "admin" ? held.promise : Promise.resolve());
    const user = userEvent.setup();
    render(<SignupByHand />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText("Username"), "admin");
    await user.tab();
    await waitFor(() => expect(screen.getByTestId("validating")).toHaveTextContent("true"));
    await user.type(screen.getByLabelText("Username"), "2");
    expect(screen.getByTestId("validating")).toHaveTextContent("false");
    held.resolve();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.queryByTestId("username-error")).toBeNull();
  });

  test("a stale answer is ignored even when the transport cannot abort", async () => {
    const h = harness({ dropSignals: true });
    const held = deferred();
    h.app.beforeUsernameCheck = (name) => (name === "admin" ? held.promise : Promise.resolve());
    const user = userEvent.setup();
    render(<SignupByHand />, { wrapper: h.wrapper });
    const input = screen.getByLabelText("Username");
    await user.type(input, "admin");
    await user.tab();
    await user.type(input, "2");
    await user.tab();
    await waitFor(() => expect(validateCalls(h, "signup", "username")).toHaveLength(2));
    held.resolve();
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(h.app.log).toEqual(["cleanUsername:admin", "cleanUsername:admin2"]);
    expect(screen.queryByTestId("username-error")).toBeNull();
    expect(screen.getByTestId("validating")).toHaveTextContent("false");
  });

  test("a stale form version warns once per form in development", async () => {
    const h = harness();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const user = userEvent.setup();
    render(<Outdated />, { wrapper: h.wrapper });
    // Only fields with server rules (cleanUsername) are checked live: blur it twice.
    await user.type(screen.getByLabelText("Username"), "bob");
    await user.tab();
    await waitFor(() => expect(validateCalls(h, "signup")).toHaveLength(1));
    await user.type(screen.getByLabelText("Username"), "by");
    await user.tab();
    await waitFor(() => expect(validateCalls(h, "signup")).toHaveLength(2));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(validateCalls(h, "signup")[0]?.args.version).toBe("0000000000000000");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"signup" form changed on the server');
  });
});

describe("submit", () => {
  test("success exposes the result of onSubmitSuccess", async () => {
    const h = harness();
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(<SignupByHand onForm={(f) => (form = f)} />, { wrapper: h.wrapper });
    await fillSignup(user, "bob");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByTestId("result")).toHaveTextContent('{"id":7,"username":"bob"}');
    expect(form?.result).toEqual({ id: 7, username: "bob" });
    expect(form?.formState.isSubmitSuccessful).toBe(true);
    const submit = h.calls.find((c) => c.name === "signup.submit");
    expect(submit?.args).toEqual({
      data: { username: "bob", password: "correct horse", terms: true },
      version: gen.forms.signup.signupFormVersion,
    });
  });

  test("non-field errors go to root.server and render in an alert", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Contact />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/Name/), "Ann");
    await user.type(screen.getByLabelText(/Email/), "ann@example.com");
    await user.selectOptions(screen.getByLabelText(/Topic/), "sales");
    await user.type(screen.getByLabelText(/Message/), "Please buy now, cheap!");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This message looks like spam.");
    expect(h.calls.filter((c) => c.name === "contact.submit")).toHaveLength(1);
  });

  test("a 500 becomes a form-level error, nothing is thrown", async () => {
    const h = harness();
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(<SignupByHand onForm={(f) => (form = f)} />, { wrapper: h.wrapper });
    await fillSignup(user, "explode");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByTestId("server-error")).toHaveTextContent(
      "500 Internal server error.",
    );
    expect(screen.getByTestId("root")).toHaveTextContent("Internal server error.");
    expect(form?.serverError?.code).toBe("INTERNAL");
    expect(form?.result).toBeUndefined();
    expect(form?.formState.isSubmitSuccessful).toBe(false);
  });

  test("a network failure becomes a form-level error", async () => {
    const offline = createClient({
      baseUrl: "http://mizan.test/api/mizan",
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const h = harness({ client: offline });
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(<SignupByHand options={{ liveValidation: false }} onForm={(f) => (form = f)} />, {
      wrapper: h.wrapper,
    });
    await fillSignup(user, "bob");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    await waitFor(() => expect(form?.serverError).toBeDefined());
    expect(form?.serverError).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(screen.getByTestId("root").textContent).not.toBe("");
  });

  test("a 401 becomes a form-level error in the rendered form's alert", async () => {
    const h = harness();
    const user = userEvent.setup();
    render(<Note />, { wrapper: h.wrapper });
    await user.type(screen.getByLabelText(/Text/), "hello");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Authentication required.");
  });

  test("reset forgets the result", async () => {
    const h = harness();
    const user = userEvent.setup();
    let form: MizanFormReturn | undefined;
    render(<SignupByHand onForm={(f) => (form = f)} />, { wrapper: h.wrapper });
    await fillSignup(user, "bob");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    await screen.findByText('{"id":7,"username":"bob"}');
    act(() => form?.reset());
    expect(screen.getByTestId("result")).toHaveTextContent("");
    expect(screen.getByLabelText("Username")).toHaveValue("");
  });
});

function OrderBase({ defaults }: { defaults: Record<string, unknown> | undefined }) {
  const order = gen.forms.order;
  useMizanFormBase({
    name: "order",
    schema: order.orderSchema,
    meta: order.orderFormMeta,
    ...(defaults ? { defaultValues: defaults } : {}),
  });
  return null;
}

const orderValues: { current?: unknown } = {};
function Order() {
  const form = gen.forms.order.useOrderForm();
  orderValues.current = form.getValues();
  return null;
}

describe("nested forms", () => {
  test("useMizanFormBase refuses a form with nested forms or formsets, naming useMizanForm", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const h = harness();
    for (const defaults of [undefined, { address: { street: "" }, items: [] }]) {
      expect(() => render(<OrderBase defaults={defaults} />, { wrapper: h.wrapper })).toThrow(
        /useMizanFormBase takes no nested form or formset \("address"\): call useMizanForm/,
      );
    }
  });

  test("useMizanFormBase registers top-level fields only, naming useMizanForm for a dotted path", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const h = harness();
    let form: MizanFormReturn | undefined;
    render(<SignupByHand useForm={useSignupFormBase} onForm={(f) => (form = f)} />, {
      wrapper: h.wrapper,
    });
    // A top-level field's name is its path.
    expect(screen.getByLabelText("Username")).toHaveAttribute("name", "username");
    expect(() => form?.register("address.street")).toThrow(
      /useMizanFormBase registers top-level fields only \("address.street"\): call useMizanForm/,
    );
  });

  test("useMizanForm starts a formset with its rows and a nested form with its fields", () => {
    const h = harness();
    render(<Order />, { wrapper: h.wrapper });
    expect(orderValues.current).toMatchObject({
      address: { street: "", city: "" },
      items: [{ product: "", qty: "" }],
    });
  });
});
