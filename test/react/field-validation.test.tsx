import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { get } from "react-hook-form";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { fieldResolver } from "../../react/field-resolver.js";
import {
  type MizanCaller,
  type MizanFormReturn,
  MizanProvider,
  useMizanForm,
} from "../../react/index.js";
import { createInProcessClient } from "../../src/client/index.js";
import { withLocale } from "../../src/core/locale.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import { registerLocale } from "../../src/forms/messages.js";
import { orderSchema } from "../codegen/__generated__/forms/order.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

const SIZE = 200;
const NAMES = Array.from({ length: SIZE }, (_, i) => `f${i}`);

/** How often each field's rule ran. */
type Calls = Record<string, number>;

/** A 200-field schema whose rule counts its runs and rejects "bad"; classic or mini. */
function bigSchema(flavor: "classic" | "mini", calls: Calls) {
  const rule = (name: string) => (value: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
    return value !== "bad";
  };
  const shape = Object.fromEntries(
    NAMES.map((name) => [
      name,
      flavor === "classic"
        ? z.string().refine(rule(name), `${name} is bad.`)
        : zm.string().check(zm.refine(rule(name), `${name} is bad.`)),
    ]),
  );
  return flavor === "classic" ? z.object(shape) : zm.object(shape);
}

const noServer: MizanCaller = { call: async () => ({ ok: true }) };
const defaults = (bad: string[] = []) =>
  Object.fromEntries(NAMES.map((name) => [name, bad.includes(name) ? "bad" : "ok"]));

function Big(props: {
  schema: unknown;
  defaultValues: Record<string, string>;
  showValidity?: boolean;
  onSubmit?: () => void;
}) {
  const form = useMizanForm({
    name: "big",
    schema: props.schema as never,
    defaultValues: props.defaultValues as never,
    onSuccess: () => props.onSubmit?.(),
  }) as unknown as MizanFormReturn;
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      {NAMES.map((name) => (
        <p key={name}>
          <label htmlFor={name}>{name}</label>
          <input id={name} {...form.register(name, name === "f2" ? { deps: ["f3"] } : {})} />
          {errors[name] ? <span role="alert">{String(errors[name]?.message)}</span> : null}
        </p>
      ))}
      {props.showValidity ? <p data-testid="valid">{String(form.formState.isValid)}</p> : null}
      <button type="submit">Send</button>
    </form>
  );
}

function mount(props: Parameters<typeof Big>[0]) {
  return render(
    <MizanProvider client={noServer}>
      <Big {...props} />
    </MizanProvider>,
  );
}

// Plain DOM queries: Testing Library's accessible-name queries take seconds over 200 fields.
const alerts = () =>
  [...document.querySelectorAll('[role="alert"]')].map((node) => node.textContent);
const fieldNamed = (name: string) => document.getElementById(name) as HTMLInputElement;
const sendButton = () => document.querySelector('button[type="submit"]') as HTMLButtonElement;
const others = (calls: Calls, except: string[]) =>
  Object.entries(calls).filter(([name, count]) => count > 0 && !except.includes(name));

describe.each(["classic", "mini"] as const)("a 200-field %s schema", (flavor) => {
  test("typing in a touched field runs that field's rules only", async () => {
    const calls: Calls = {};
    const user = userEvent.setup();
    mount({ schema: bigSchema(flavor, calls), defaultValues: defaults(["f1"]) });
    const input = fieldNamed("f0");
    await user.click(input);
    await user.click(document.body); // touched: every change validates from now on
    for (const name of Object.keys(calls)) delete calls[name];
    await user.clear(input);
    await user.type(input, "bad");
    expect(await screen.findByText("f0 is bad.")).toBeInTheDocument();
    expect(calls.f0).toBeGreaterThanOrEqual(3);
    expect(others(calls, ["f0"])).toEqual([]);
    // f1 is invalid, but nothing validated it: its error is not made up by f0's parse.
    expect(alerts()).toEqual(["f0 is bad."]);
  });

  test("a submit checks every field; then a keystroke leaves the others' errors alone", async () => {
    const calls: Calls = {};
    let sent = 0;
    const user = userEvent.setup();
    mount({
      schema: bigSchema(flavor, calls),
      defaultValues: defaults(["f0", "f1", "f199"]),
      onSubmit: () => sent++,
    });
    await user.click(sendButton());
    expect(await screen.findByText("f199 is bad.")).toBeInTheDocument();
    expect(alerts()).toEqual(["f0 is bad.", "f1 is bad.", "f199 is bad."]);
    expect(NAMES.filter((name) => !calls[name])).toEqual([]);
    for (const name of Object.keys(calls)) delete calls[name];
    const input = fieldNamed("f0");
    await user.clear(input);
    await user.type(input, "fine");
    await waitFor(() => expect(alerts()).toEqual(["f1 is bad.", "f199 is bad."]));
    expect(others(calls, ["f0"])).toEqual([]);
    expect(sent).toBe(0);
  });

  test("a field's deps are validated with it", async () => {
    const calls: Calls = {};
    const user = userEvent.setup();
    mount({ schema: bigSchema(flavor, calls), defaultValues: defaults(["f3", "f4"]) });
    const input = fieldNamed("f2");
    await user.click(input);
    await user.click(document.body);
    for (const name of Object.keys(calls)) delete calls[name];
    await user.type(input, "x");
    expect(await screen.findByText("f3 is bad.")).toBeInTheDocument();
    expect(others(calls, ["f2", "f3"])).toEqual([]);
    expect(alerts()).toEqual(["f3 is bad."]);
  });

  test("isValid stays false while another field is invalid", async () => {
    const calls: Calls = {};
    const user = userEvent.setup();
    mount({
      schema: bigSchema(flavor, calls),
      defaultValues: defaults(["f0", "f150"]),
      showValidity: true,
    });
    await waitFor(() => expect(screen.getByTestId("valid")).toHaveTextContent("false"));
    const first = fieldNamed("f0");
    await user.click(first);
    await user.click(document.body);
    await user.clear(first);
    await user.type(first, "fine");
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByTestId("valid")).toHaveTextContent("false");
    const last = fieldNamed("f150");
    await user.click(last);
    await user.click(document.body);
    await user.clear(last);
    await user.type(last, "fine");
    await waitFor(() => expect(screen.getByTestId("valid")).toHaveTextContent("true"));
  });
});

test("a schema with an object-level rule is parsed whole on every change", async () => {
  const calls: Calls = {};
  const schema = (bigSchema("classic", calls) as ReturnType<typeof z.object>).refine(
    (values) => values.f0 !== "same",
    { path: ["f1"], message: "Not the same." },
  );
  const user = userEvent.setup();
  mount({ schema, defaultValues: defaults() });
  const input = fieldNamed("f0");
  await user.click(input);
  await user.click(document.body);
  for (const name of Object.keys(calls)) delete calls[name];
  await user.type(input, "x");
  expect(calls.f199).toBeGreaterThan(0);
});

describe("fieldResolver", () => {
  // The generated order form: a subform (shipping) and a formset (items).
  const order = {
    shipping: { street: "", city: "x".repeat(70), postcode: "1" },
    items: [
      { product: "tea", quantity: "0" },
      { product: "cake", quantity: "30" },
    ],
  };
  const resolverOptions = (names: string[], criteriaMode: "firstError" | "all") => ({
    names,
    fields: {},
    criteriaMode,
    shouldUseNativeValidation: false,
  });

  test.each(["firstError", "all"] as const)(
    "a field's errors are those of the whole parse (%s)",
    async (criteriaMode) => {
      const partial = fieldResolver(orderSchema, { mode: "sync", registeredCount: () => 50 });
      const whole = fieldResolver(orderSchema, {
        mode: "sync",
        registeredCount: () => undefined,
      });
      for (const name of [
        "shipping.city",
        "shipping.street",
        "shipping",
        "items.0.quantity",
        "items.1.product",
        "items",
      ]) {
        const options = resolverOptions([name], criteriaMode);
        const expected = (await whole(order, undefined, options as never)).errors;
        const got = (await partial(order, undefined, options as never)).errors;
        expect(get(got, name), name).toEqual(get(expected, name));
        expect(get(got, name), name).toBeTruthy();
      }
    },
  );

  test("the answer keeps the other fields' last errors (react-hook-form's isValid reads it)", async () => {
    const resolver = fieldResolver(orderSchema, { mode: "sync", registeredCount: () => 50 });
    const full = await resolver(order, undefined, {
      ...resolverOptions(["shipping.city", "items.0.quantity"], "firstError"),
      names: undefined,
    } as never);
    expect(Object.keys(full.errors).sort()).toEqual(["items", "shipping"]);
    const fixedShipping = {
      ...order,
      shipping: { street: "1 Main St", city: "Paris", postcode: "75001" },
    };
    const partial = await resolver(
      fixedShipping,
      undefined,
      resolverOptions(["shipping.city"], "firstError") as never,
    );
    expect(Object.keys(partial.errors)).toEqual(["items"]);
    const fixedAll = { ...fixedShipping, items: [{ product: "tea", quantity: "2" }] };
    const valid = await resolver(
      fixedAll,
      undefined,
      resolverOptions(["items.0.quantity"], "firstError") as never,
    );
    expect(valid.errors).toEqual({});
  });

  test("as many names as registered fields (a submit) is the whole parse, values included", async () => {
    const resolver = fieldResolver(orderSchema, { mode: "sync", registeredCount: () => 1 });
    const valid = {
      shipping: { street: "1 Main St", city: "Paris", postcode: "75001" },
      items: [{ product: "tea", quantity: "2" }],
    };
    const result = await resolver(valid, undefined, resolverOptions(["items"], "all") as never);
    expect(result.values).toMatchObject({
      shipping: { street: "1 Main St", city: "Paris", postcode: "75001" },
      items: [{ product: "tea", quantity: 2 }],
      note: "",
    });
  });
});

let gen: GeneratedClient;

/**
 * Signup laid out by hand, with no live checks and no re-validation after a submit (which
 * would clear any error of a changed or blurred field): only the hook's own tracking clears
 * server errors.
 */
function Signup() {
  const form = gen.forms.signup.useSignupForm({
    liveValidation: false,
    reValidateMode: "onSubmit",
  }) as MizanFormReturn;
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="username">Username</label>
      <input id="username" {...form.register("username")} />
      <label htmlFor="password">Password</label>
      <input id="password" {...form.register("password")} />
      <label htmlFor="terms">Terms</label>
      <input id="terms" type="checkbox" {...form.register("terms")} />
      <p data-testid="username-error">{String(errors.username?.message ?? "")}</p>
      <p data-testid="password-error">{String(errors.password?.message ?? "")}</p>
      <button type="submit">Sign up</button>
    </form>
  );
}

describe("live validation hears only the fields it needs", () => {
  beforeAll(async () => {
    gen = await loadGenerated(fixtureRegistry());
  });
  afterAll(() => gen.dispose());

  test("a submit's server error on a field without server rules clears when it changes", async () => {
    const rejecting: MizanCaller = {
      call: async (name) => {
        if (name !== "signup.submit") return { valid: true, errors: { fields: {}, non_field: [] } };
        throw {
          code: "VALIDATION_FAILED",
          status: 422,
          message: "Invalid.",
          details: {
            fields: {
              username: [{ code: "taken", message: "That username is taken." }],
              password: [{ code: "weak", message: "Too weak." }],
            },
            non_field: [],
          },
        };
      },
    };
    const user = userEvent.setup();
    render(
      <MizanProvider client={rejecting}>
        <Signup />
      </MizanProvider>,
    );
    await user.type(screen.getByLabelText("Username"), "someone");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByLabelText("Terms"));
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText("Too weak.")).toBeInTheDocument();
    expect(screen.getByTestId("username-error")).toHaveTextContent("That username is taken.");
    await user.type(screen.getByLabelText("Password"), "!");
    await waitFor(() => expect(screen.getByTestId("password-error")).toHaveTextContent(""));
    expect(screen.getByTestId("username-error")).toHaveTextContent("That username is taken.");
    await user.type(screen.getByLabelText("Username"), "2");
    await waitFor(() => expect(screen.getByTestId("username-error")).toHaveTextContent(""));
  });
});

class NoteForm extends Form {
  static override meta = formMeta({ name: "memo", title: "Memo" });
  title = new CharField({ minLength: 3 });
  author = new CharField();
  body = new CharField({ required: false });
}

let memo: GeneratedClient;

/** All three fields registered: a switch re-validates two of three, the field-level path. */
function Memo() {
  const form = memo.forms.memo.useMemoForm() as MizanFormReturn;
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="title">Title</label>
      <input id="title" {...form.register("title")} />
      <input aria-label="Author" {...form.register("author")} />
      <input aria-label="Body" {...form.register("body")} />
      <p data-testid="title-error">{String(errors.title?.message ?? "")}</p>
      <p data-testid="author-error">{String(errors.author?.message ?? "")}</p>
      <button type="submit">Send</button>
    </form>
  );
}

describe("a language switch", () => {
  const registry = new Registry();
  registry.register(NoteForm);
  beforeAll(async () => {
    registerLocale("fr", SHIPPED_LOCALES.fr ?? {});
    memo = await loadGenerated(registry, { languages: ["en", "fr"] });
  });
  afterAll(() => memo.dispose());

  test("shows the re-validated fields' messages in the new language", async () => {
    const client = createInProcessClient({ registry, onError: () => {} });
    const messages = (language: string) =>
      withLocale(language, async () => {
        const form = new NoteForm({ data: { title: "ab", author: "", body: "" } });
        await form.isValid();
        const fields = form.errorDetails().fields;
        return { title: fields.title?.[0]?.message, author: fields.author?.[0]?.message };
      });
    const [en, fr] = await Promise.all([messages("en"), messages("fr")]);
    expect(fr.title).not.toBe(en.title);
    expect(fr.author).not.toBe(en.author);
    const page = (language: string) => (
      <MizanProvider client={client} language={language}>
        <Memo />
      </MizanProvider>
    );
    const view = render(page("en"));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Title"), "ab");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByTestId("title-error").textContent).toBe(en.title));
    expect(screen.getByTestId("author-error").textContent).toBe(en.author);
    view.rerender(page("fr"));
    await waitFor(() => expect(screen.getByTestId("title-error").textContent).toBe(fr.title));
    expect(screen.getByTestId("author-error").textContent).toBe(fr.author);
  });
});
