import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MizanFormReturn, MizanProvider, useMizanFormBase } from "../../react/index.js";
import { createClient } from "../../src/client/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());

/** A client whose every call is answered with `status` and this JSON error body. */
function answering(status: number, body: string) {
  return createClient({
    baseUrl: "http://mizan.test/api/mizan",
    csrf: false,
    fetch: async () =>
      new Response(body, { status, headers: { "content-type": "application/json" } }),
  });
}

function Signup({ onForm }: { onForm: (form: MizanFormReturn) => void }) {
  const signup = gen.forms.signup;
  const form = useMizanFormBase({
    name: "signup",
    schema: signup.signupSchema,
    meta: signup.signupFormMeta,
  }) as MizanFormReturn;
  onForm(form);
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="username">Username</label>
      <input id="username" {...form.register("username")} />
      <label htmlFor="password">Password</label>
      <input id="password" type="password" {...form.register("password")} />
      <label htmlFor="terms">Terms</label>
      <input id="terms" type="checkbox" {...form.register("terms")} />
      <p data-testid="errors">
        {Object.entries(errors)
          .map(([key, error]) => `${key}=${String(error?.message ?? "")}`)
          .join(";")}
      </p>
      <p data-testid="root">{String(errors.root?.server?.message ?? "")}</p>
      <p data-testid="server-error">
        {form.serverError ? `${form.serverError.status} ${form.serverError.code}` : ""}
      </p>
      <button type="submit">Sign up</button>
    </form>
  );
}

/** Fills the signup form validly, submits it against `client`, and waits for the answer. */
async function submitTo(client: ReturnType<typeof answering>) {
  const user = userEvent.setup();
  let form: MizanFormReturn | undefined;
  render(
    <MizanProvider client={client}>
      <Signup onForm={(f) => (form = f)} />
    </MizanProvider>,
  );
  await user.type(screen.getByLabelText("Username"), "bob");
  await user.type(screen.getByLabelText("Password"), "correct horse");
  await user.click(screen.getByLabelText("Terms"));
  await user.click(screen.getByRole("button", { name: "Sign up" }));
  await waitFor(() => expect(form?.formState.isSubmitted).toBe(true));
  await waitFor(() => expect(form?.isServerSubmitting).toBe(false));
  return form as MizanFormReturn;
}

const item = (message: string) => ({ code: "invalid", message });

describe("a 422's details as the form places them", () => {
  test("malformed lists are dropped: a field's list with a bad item, a non-list, an empty list", async () => {
    const body = `{"error":{"code":"VALIDATION_FAILED","message":"Invalid.","details":{"fields":{${[
      `"__proto__":${JSON.stringify([item("Proto.")])}`,
      `"username":${JSON.stringify([item("Fine."), { code: "x" }])}`,
      `"terms":"not a list"`,
      `"nope":[]`,
      `"ghost":[null]`,
      `"password":${JSON.stringify([item("Too weak."), item("Too short.")])}`,
    ].join(",")}},"non_field":{"message":"not a list"}}}}`;
    await submitTo(answering(422, body));
    await waitFor(() =>
      expect(screen.getByTestId("errors")).toHaveTextContent("password=Too weak."),
    );
    expect(screen.getByTestId("errors").textContent).toBe("password=Too weak.");
    expect(screen.getByTestId("root")).toHaveTextContent("");
    expect(screen.getByTestId("server-error")).toHaveTextContent("");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Password")));
  });

  test.each([
    ["without `fields`", {}],
    ["with `fields: null`", { fields: null }],
  ])("well-formed non-field errors %s go to root.server", async (_, rest) => {
    const details = { ...rest, non_field: [item("Closed today.")] };
    const body = JSON.stringify({ error: { code: "VALIDATION_FAILED", message: "x", details } });
    await submitTo(answering(422, body));
    await waitFor(() => expect(screen.getByTestId("root")).toHaveTextContent("Closed today."));
    expect(screen.getByTestId("errors").textContent).toBe("root=");
    expect(screen.getByTestId("server-error")).toHaveTextContent("");
  });

  test.each([
    ["a 422 with another code", 422, "BAD_REQUEST"],
    ["VALIDATION_FAILED with another status", 400, "VALIDATION_FAILED"],
  ])("%s is placed as a validation failure", async (_, status, code) => {
    const details = { fields: { username: [item("Taken.")] }, non_field: [] };
    await submitTo(answering(status, JSON.stringify({ error: { code, message: "x", details } })));
    await waitFor(() => expect(screen.getByTestId("errors").textContent).toBe("username=Taken."));
    expect(screen.getByTestId("server-error")).toHaveTextContent("");
  });

  test("a 422 whose details are not an object is a form-level error", async () => {
    const body = JSON.stringify({
      error: { code: "VALIDATION_FAILED", message: "Bad.", details: "fields" },
    });
    const form = await submitTo(answering(422, body));
    await waitFor(() => expect(screen.getByTestId("root")).toHaveTextContent("Bad."));
    expect(form.serverError).toEqual({
      code: "VALIDATION_FAILED",
      status: 422,
      message: "Bad.",
      details: "fields",
    });
  });

  test("a 422 whose details are an array places nothing and shows no form-level error", async () => {
    const body = JSON.stringify({
      error: { code: "VALIDATION_FAILED", message: "Bad.", details: [item("A.")] },
    });
    const form = await submitTo(answering(422, body));
    expect(screen.getByTestId("errors").textContent).toBe("");
    expect(form.serverError).toBeUndefined();
  });
});

describe("a failed submit's form-level error", () => {
  const NETWORK = "The server could not be reached. Check your connection and try again.";
  test.each([
    ["a thrown string", "offline", { code: "NETWORK_ERROR", status: 0, message: NETWORK }],
    ["a thrown null", null, { code: "NETWORK_ERROR", status: 0, message: NETWORK }],
    [
      "an object with a code but a string status",
      { code: "INTERNAL", status: "500", message: "Boom." },
      { code: "NETWORK_ERROR", status: 0, message: NETWORK },
    ],
    [
      "a coded error with an empty message",
      { code: "INTERNAL", status: 500, message: "", details: { a: 1 } },
      { code: "INTERNAL", status: 500, message: NETWORK, details: { a: 1 } },
    ],
    [
      "a coded error without details",
      { code: "NOT_FOUND", status: 404, message: "Gone." },
      { code: "NOT_FOUND", status: 404, message: "Gone." },
    ],
  ])("from %s", async (_, thrown, expected) => {
    const client = {
      call: async () => {
        throw thrown;
      },
    };
    const form = await submitTo(client as unknown as ReturnType<typeof answering>);
    await waitFor(() => expect(screen.getByTestId("root")).toHaveTextContent(expected.message));
    expect(form.serverError).toEqual({ details: null, ...expected });
  });
});
