import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MizanForm, type MizanFormReturn, MizanProvider, useMizanForm } from "../../react/index.js";
import { createClient, type FetchLike } from "../../src/client/index.js";
import { createHandler } from "../../src/server/index.js";
import { fixtureApp, fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { handlerFetch, harness } from "../fixtures/react.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());

let latest: MizanFormReturn | undefined;
function Profile() {
  const form = gen.forms.profile.useProfileForm() as MizanFormReturn;
  latest = form;
  return <MizanForm form={form} renderResult={(r) => JSON.stringify(r)} />;
}

/** The real handler behind a fetch that never leaves the process, recording each call's body. */
function handlerBehindFetch() {
  const handler = createHandler({
    registry: fixtureRegistry(),
    app: fixtureApp(),
    onError: () => {},
  });
  const bodies: Array<{ fn: unknown; body: BodyInit | null | undefined }> = [];
  const send = handlerFetch(handler);
  const fetch: FetchLike = (input, init) => {
    const body = init?.body;
    bodies.push({
      fn: body instanceof FormData ? body.get("fn") : JSON.parse(String(body)).fn,
      body,
    });
    return send(input, init);
  };
  return { fetch, bodies };
}

/** The real client and the real handler. */
function overHttp() {
  const { fetch, bodies } = handlerBehindFetch();
  const client = createClient({ baseUrl: "http://mizan.test/api/mizan", fetch });
  return { client, bodies };
}

/** Fills the profile with a small PNG, submits, and waits for the server's answer. */
async function submitAvatar(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Display name/), "Ann");
  await user.upload(
    screen.getByLabelText(/^Avatar/),
    new File(["png!"], "me.png", { type: "image/png" }),
  );
  await user.click(screen.getByRole("button", { name: "Submit" }));
  await waitFor(() =>
    expect(latest?.result).toEqual({ name: "me.png", size: 4, type: "image/png", text: "png!" }),
  );
}

test("<MizanProvider baseUrl>: the generated form uploads its file", async () => {
  const { fetch, bodies } = handlerBehindFetch();
  const user = userEvent.setup();
  render(<Profile />, {
    wrapper: ({ children }) => (
      <MizanProvider baseUrl="http://mizan.test/api/mizan" fetch={fetch}>
        {children}
      </MizanProvider>
    ),
  });
  await submitAvatar(user);
  expect(bodies.find((b) => b.fn === "profile.submit")?.body).toBeInstanceOf(FormData);
});

test("a form with a file field submits as multipart and the server gets the file", async () => {
  const { client, bodies } = overHttp();
  const h = harness({ client });
  const user = userEvent.setup();
  render(<Profile />, { wrapper: h.wrapper });
  expect(screen.getByLabelText(/^Avatar/)).toHaveAttribute("accept", "image/*");
  await submitAvatar(user);
  const submit = bodies.find((b) => b.fn === "profile.submit");
  expect(submit?.body).toBeInstanceOf(FormData);
});

test("file rules shared with the browser stop the submit before any request", async () => {
  const { client, bodies } = overHttp();
  const h = harness({ client });
  const user = userEvent.setup({ applyAccept: false });
  render(<Profile />, { wrapper: h.wrapper });
  await user.type(screen.getByLabelText(/^Display name/), "Ann");
  await user.upload(
    screen.getByLabelText(/^Avatar/),
    new File(["x".repeat(2048)], "big.png", { type: "image/png" }),
  );
  await user.click(screen.getByRole("button", { name: "Submit" }));
  await waitFor(() =>
    expect(screen.getByLabelText(/^Avatar/)).toHaveAttribute("aria-invalid", "true"),
  );
  expect(h.calls.filter((c) => c.name === "profile.submit")).toEqual([]);
  expect(bodies.filter((b) => b.fn === "profile.submit")).toEqual([]);
});

/**
 * Profile with live checks asked for by name: its fields have no server-only rules, so its
 * generated hook checks nothing live; `useMizanForm` with its schema and metadata does.
 */
function ProfileChecked() {
  const profile = gen.forms.profile;
  const form = useMizanForm({
    name: "profile",
    schema: profile.profileSchema,
    meta: profile.profileFormMeta,
    version: profile.profileFormVersion,
    liveValidation: { fields: ["displayName", "avatar"] },
  }) as MizanFormReturn;
  return <MizanForm form={form} renderResult={(r) => JSON.stringify(r)} />;
}

test("a live check of another field does not upload the file", async () => {
  const { client, bodies } = overHttp();
  const h = harness({ client });
  const user = userEvent.setup();
  render(<ProfileChecked />, { wrapper: h.wrapper });
  await user.upload(
    screen.getByLabelText(/^Avatar/),
    new File(["png!"], "me.png", { type: "image/png" }),
  );
  await user.type(screen.getByLabelText(/^Display name/), "Ann");
  await user.tab();
  await waitFor(() =>
    expect(
      h.calls.find(
        (c) => c.name === "profile.validate" && (c.args.fields as string[])[0] === "displayName",
      ),
    ).toBeDefined(),
  );
  const check = h.calls.find((c) => (c.args.fields as string[] | undefined)?.[0] === "displayName");
  expect(check?.args.data).toEqual({ displayName: "Ann", avatar: null });
  expect(
    bodies.filter((b) => b.fn === "profile.validate" && b.body instanceof FormData),
  ).toHaveLength(
    h.calls.filter(
      (c) => c.name === "profile.validate" && (c.args.fields as string[])[0] === "avatar",
    ).length,
  );
});
