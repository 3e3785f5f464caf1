/**
 * `<MizanForm>` as a plain HTML form, for browsers without JavaScript: react-dom/server's
 * output carries method, action, enctype, Django's field names, the formset management form
 * and the CSRF field; `initialState` shows a failed native post; hydration agrees with it.
 */
import { act, render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { createElement, type ReactNode } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  initialStateOptions,
  MizanCsrfField,
  MizanForm,
  type MizanFormInitialState,
  MizanProvider,
  useNativeFormProps,
} from "../../react/index.js";
import { EmailField } from "../../src/forms/fields/email-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

/** A form with Django's `prefix`: its fields post as `p-<name>`. */
class BillingForm extends Form {
  static override meta = formMeta({ name: "billing", title: "Billing", prefix: "p" });
  email = new EmailField();
}

let gen: GeneratedClient;
beforeAll(async () => {
  const registry = fixtureRegistry();
  registry.register(BillingForm);
  gen = await loadGenerated(registry);
});
afterAll(() => gen.dispose());

type FormName = "contact" | "order" | "profile" | "billing";
const HOOKS: Record<FormName, string> = {
  contact: "useContactForm",
  order: "useOrderForm",
  profile: "useProfileForm",
  billing: "useBillingForm",
};

function Page(props: { name: FormName; initialState?: MizanFormInitialState | undefined }) {
  const form = gen.forms[props.name][HOOKS[props.name]]();
  return <MizanForm form={form} initialState={props.initialState} />;
}

const noFetch = vi.fn<typeof globalThis.fetch>();

function page(name: FormName, initialState?: MizanFormInitialState, csrfToken?: string) {
  return (
    <MizanProvider baseUrl="/api/mizan" fetch={noFetch} csrfToken={csrfToken}>
      <Page name={name} initialState={initialState} />
    </MizanProvider>
  );
}

/** The server's HTML, parsed: the form element. */
function serverForm(name: FormName, initialState?: MizanFormInitialState): HTMLFormElement {
  const html = renderToString(page(name, initialState, "tok-123"));
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const form = doc.querySelector("form");
  if (!form) throw new Error("no <form> in the server's HTML");
  return form;
}

function names(form: HTMLFormElement): string[] {
  return Array.from(form.elements, (element) => (element as HTMLInputElement).name).filter(Boolean);
}

function field(form: HTMLFormElement, name: string): HTMLInputElement {
  const element = form.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no element named ${name}`);
  return element as HTMLInputElement;
}

describe("server-rendered <MizanForm> posts without JavaScript", () => {
  test("a contact form: method, action, Django's names and the CSRF field", () => {
    const form = serverForm("contact");
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe("/api/mizan/form/contact/");
    expect(form.hasAttribute("enctype")).toBe(false);
    expect(names(form)).toEqual(["csrfmiddlewaretoken", "name", "email", "topic", "message"]);
    const csrf = field(form, "csrfmiddlewaretoken");
    expect(csrf.type).toBe("hidden");
    expect(csrf.value).toBe("tok-123");
  });

  test("a prefixed form's fields are named <prefix>-<field>", () => {
    expect(names(serverForm("billing"))).toEqual(["csrfmiddlewaretoken", "p-email"]);
  });

  test("a nested form and a formset: dashed names and Django's management form", () => {
    const form = serverForm("order");
    expect(names(form)).toEqual([
      "csrfmiddlewaretoken",
      "customer",
      "address-street",
      "address-city",
      "items-TOTAL_FORMS",
      "items-INITIAL_FORMS",
      "items-MIN_NUM_FORMS",
      "items-MAX_NUM_FORMS",
      "items-0-product",
      "items-0-qty",
    ]);
    const management = ["TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"].map(
      (key) => field(form, `items-${key}`),
    );
    expect(management.map((input) => [input.type, input.value])).toEqual([
      ["hidden", "1"],
      ["hidden", "0"],
      ["hidden", "1"],
      ["hidden", "3"],
    ]);
    // Add and Remove are JavaScript's: they never submit the form.
    for (const button of form.querySelectorAll(".mizan-add, .mizan-remove")) {
      expect(button.getAttribute("type")).toBe("button");
    }
  });

  test("a form with a file field posts multipart/form-data", () => {
    const form = serverForm("profile");
    expect(form.getAttribute("enctype")).toBe("multipart/form-data");
    expect(form.getAttribute("action")).toBe("/api/mizan/form/profile/");
    expect(field(form, "avatar").type).toBe("file");
  });

  test("without a provider's baseUrl there is no action; MizanForm's own props win", () => {
    const html = renderToString(
      <MizanProvider client={{ call: async () => null }}>
        {createElement(() => {
          const form = gen.forms.contact.useContactForm();
          return <MizanForm form={form} action="/contact" csrfToken="mine" />;
        })}
      </MizanProvider>,
    );
    expect(html).toContain('action="/contact"');
    expect(html).toMatch(/name="csrfmiddlewaretoken" value="mine"/);
  });
});

const FAILED_ORDER: MizanFormInitialState = {
  values: {
    customer: "Ada",
    address: { street: "1 Main St", city: "" },
    items: [
      { product: "tea", qty: "3" },
      { product: "mug", qty: "99" },
    ],
  },
  errors: {
    fields: {
      "address.city": [{ code: "required", message: "This field is required." }],
      "items.1.qty": [{ code: "stock", message: "Only 10 in stock." }],
    },
    non_field: [{ code: "closed", message: "We are closed today." }],
  },
};

describe("initialState: a failed native post, shown again", () => {
  test("the values are kept and each message sits beside its field", () => {
    const form = serverForm("order", FAILED_ORDER);
    expect(field(form, "customer").value).toBe("Ada");
    expect(field(form, "address-street").value).toBe("1 Main St");
    expect(field(form, "items-TOTAL_FORMS").value).toBe("2");
    expect(field(form, "items-0-product").value).toBe("tea");
    expect(field(form, "items-1-product").value).toBe("mug");
    const qty = field(form, "items-1-qty");
    expect(qty.value).toBe("99");
    expect(qty.getAttribute("aria-invalid")).toBe("true");
    const error = form.querySelector(`#${qty.getAttribute("aria-describedby")}`);
    expect(error?.textContent).toBe("Only 10 in stock.");
    expect(field(form, "items-0-qty").hasAttribute("aria-invalid")).toBe(false);
    const city = field(form, "address-city");
    expect(form.querySelector(`#${city.id}_error`)?.textContent).toBe("This field is required.");
    expect(form.querySelector('[role="alert"]')?.textContent).toContain("We are closed today.");
  });
});

/** A hand-laid form: the hook's initialState, the native attributes and the CSRF field. */
function HandLaidOrder() {
  const { orderFormMeta, useOrderForm } = gen.forms.order;
  const form = useOrderForm({ ...initialStateOptions(orderFormMeta, FAILED_ORDER) });
  const errors = form.formState.errors;
  return (
    <form {...useNativeFormProps(form)} onSubmit={form.submit}>
      <MizanCsrfField />
      <input {...form.register("items.1.qty")} />
      <p id="qty-error">{errors.items?.[1]?.qty?.message}</p>
      <p id="city-error">{errors.address?.city?.message}</p>
      <p id="root-error">{errors.root?.server?.message}</p>
    </form>
  );
}

test("a hand-laid form: initialStateOptions render on the server; useNativeFormProps", () => {
  const html = renderToString(
    <MizanProvider baseUrl="/api/mizan/" fetch={noFetch} csrfToken="tok-9">
      <HandLaidOrder />
    </MizanProvider>,
  );
  const form = new DOMParser().parseFromString(html, "text/html").querySelector("form");
  if (!form) throw new Error("no form");
  expect(form.getAttribute("method")).toBe("post");
  expect(form.getAttribute("action")).toBe("/api/mizan/form/order/");
  expect(field(form, "csrfmiddlewaretoken").value).toBe("tok-9");
  expect(field(form, "items-1-qty").value).toBe("99");
  expect(form.querySelector("#qty-error")?.textContent).toBe("Only 10 in stock.");
  expect(form.querySelector("#city-error")?.textContent).toBe("This field is required.");
  expect(form.querySelector("#root-error")?.textContent).toBe("We are closed today.");
});

/** A hand-laid form given the state the old way, as a hook option. */
function OldOptionOrder() {
  gen.forms.order.useOrderForm({ initialState: FAILED_ORDER });
  return null;
}

test("initialStateOptions: one options object per state; the old initialState option throws naming it", () => {
  const { orderFormMeta } = gen.forms.order;
  const options = initialStateOptions(orderFormMeta, FAILED_ORDER);
  expect(initialStateOptions(orderFormMeta, FAILED_ORDER)).toBe(options);
  expect(options.defaultValues).toMatchObject({ customer: "Ada", items: [{}, { qty: "99" }] });
  expect(Object.keys(options.errors ?? {}).sort()).toEqual(["address", "items", "root"]);
  expect(initialStateOptions(orderFormMeta, undefined)).toEqual({});
  expect(() =>
    renderToString(
      <MizanProvider baseUrl="/api/mizan/" fetch={noFetch}>
        <OldOptionOrder />
      </MizanProvider>,
    ),
  ).toThrow(/initialStateOptions/);
});

describe("hydrating the server's HTML", () => {
  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = "";
    // biome-ignore lint/suspicious/noDocumentCookie: the test sets and clears the CSRF cookie
    document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
    vi.restoreAllMocks();
  });

  async function hydrate(html: string, element: ReactNode) {
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, element, { onRecoverableError: recoverable });
    });
    return { container, consoleError, recoverable };
  }

  test("with the same initialState and token: no hydration warning", async () => {
    const html = renderToString(page("order", FAILED_ORDER, "tok-123"));
    const run = await hydrate(html, page("order", FAILED_ORDER, "tok-123"));
    expect(run.consoleError).not.toHaveBeenCalled();
    expect(run.recoverable).not.toHaveBeenCalled();
    expect(run.container.querySelector<HTMLInputElement>('[name="items-1-qty"]')?.value).toBe("99");
  });

  test("the browser reads the token from the csrftoken cookie: no hydration warning", async () => {
    const html = renderToString(page("contact", undefined, "tok-123"));
    // biome-ignore lint/suspicious/noDocumentCookie: the cookie the page response set
    document.cookie = "csrftoken=tok-123";
    const run = await hydrate(html, page("contact"));
    expect(run.consoleError).not.toHaveBeenCalled();
    expect(run.recoverable).not.toHaveBeenCalled();
  });

  test("control: hydrating without the initialState mismatches (what the above rules out)", async () => {
    const html = renderToString(page("order", FAILED_ORDER, "tok-123"));
    const run = await hydrate(html, page("order", undefined, "tok-123"));
    expect(run.consoleError.mock.calls.length + run.recoverable.mock.calls.length).toBeGreaterThan(
      0,
    );
  });
});

/** Laid out by hand with `form.register`; the latest values land in `watched`. */
const watched: { values?: unknown } = {};
function ManualOrder() {
  const form = gen.forms.order.useOrderForm();
  watched.values = form.watch();
  return (
    <form>
      <label>
        Street
        <input {...form.register("address.street")} />
      </label>
      <label>
        Quantity
        <input {...form.register("items.0.qty")} />
      </label>
    </form>
  );
}

test("register() gives nested inputs Django's names and react-hook-form still tracks them", async () => {
  render(
    <MizanProvider client={{ call: async () => null }}>
      <ManualOrder />
    </MizanProvider>,
  );
  const street = screen.getByLabelText("Street") as HTMLInputElement;
  expect(street.name).toBe("address-street");
  expect((screen.getByLabelText("Quantity") as HTMLInputElement).name).toBe("items-0-qty");
  await userEvent.type(street, "1 Main St");
  await userEvent.type(screen.getByLabelText("Quantity"), "4");
  await userEvent.tab();
  expect(watched.values).toMatchObject({ address: { street: "1 Main St" }, items: [{ qty: "4" }] });
});
