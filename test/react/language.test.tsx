import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  localizedMessages,
  type MizanFormReturn,
  MizanProvider,
  useMizanFormBase,
  useMizanLanguage,
} from "../../react/index.js";
import { createInProcessClient } from "../../src/client/index.js";
import { withLocale } from "../../src/core/locale.js";
import { Registry } from "../../src/core/registry.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import { registerLocale } from "../../src/forms/messages.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

class GreetingForm extends Form {
  static override meta = formMeta({ name: "greeting", title: "Greeting" });
  name = new CharField({ minLength: 3 });
  nick = new CharField({ errorMessages: { required: "Tell us your nick." } });
}

const registry = new Registry();
registry.register(GreetingForm);
const client = createInProcessClient({ registry, onError: () => {} });

let gen: GeneratedClient;
beforeAll(async () => {
  for (const language of ["fr", "ar", "de"])
    registerLocale(language, SHIPPED_LOCALES[language] ?? {});
  gen = await loadGenerated(registry, { languages: ["en", "fr", "ar", "de"] });
});
afterAll(() => gen.dispose());
afterEach(() => {
  document.documentElement.lang = "";
});

/** What the server says about `data`, in `language`. */
async function serverMessages(language: string, data: Record<string, unknown>) {
  return withLocale(language, async () => {
    const form = new GreetingForm({ data });
    await form.isValid();
    const fields = form.errorDetails().fields;
    return { name: fields.name?.[0]?.message, nick: fields.nick?.[0]?.message };
  });
}

function Greeting() {
  const form = gen.forms.greeting.useGreetingForm() as MizanFormReturn;
  const { errors } = form.formState;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="name">Name</label>
      <input id="name" {...form.register("name")} />
      <p data-testid="name-error">{String(errors.name?.message ?? "")}</p>
      <p data-testid="nick-error">{String(errors.nick?.message ?? "")}</p>
      <p data-testid="language">{useMizanLanguage()}</p>
      <button type="submit">Send</button>
    </form>
  );
}

/** The greeting form through `useMizanFormBase` by hand, with or without `localizedMessages`. */
function BaseGreeting({ catalogs, localized }: { catalogs: unknown; localized: boolean }) {
  const { greetingSchema, greetingFormMeta } = gen.forms.greeting;
  const options = {
    name: "greeting",
    schema: greetingSchema,
    meta: greetingFormMeta,
    messages: catalogs as never,
  };
  const form = useMizanFormBase(
    options,
    ...(localized ? [localizedMessages] : []),
  ) as MizanFormReturn;
  return (
    <form onSubmit={form.submit} noValidate>
      <label htmlFor="name">Name</label>
      <input id="name" {...form.register("name")} />
      <p data-testid="name-error">{String(form.formState.errors.name?.message ?? "")}</p>
      <button type="submit">Send</button>
    </form>
  );
}

function Page({ language }: { language?: string }) {
  return (
    <MizanProvider client={client} {...(language === undefined ? {} : { language })}>
      <Greeting />
    </MizanProvider>
  );
}

async function submitShortName() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Name"), "ab");
  await user.click(screen.getByRole("button", { name: "Send" }));
}

describe("<MizanProvider language>: the generated forms' messages in the page's language", () => {
  test("messages in the provider's language; a switch re-renders the shown ones; overrides stay", async () => {
    const data = { name: "ab", nick: "" };
    const [fr, ar, en] = await Promise.all([
      serverMessages("fr", data),
      serverMessages("ar", data),
      serverMessages("en", data),
    ]);
    expect(fr.name).not.toBe(en.name);
    expect(ar.name).not.toBe(en.name);
    expect(fr.nick).toBe("Tell us your nick.");

    const view = render(<Page language="fr" />);
    await submitShortName();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(fr.name));
    expect(screen.getByTestId("nick-error").textContent).toBe("Tell us your nick.");

    view.rerender(<Page language="ar" />);
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(ar.name));
    expect(screen.getByTestId("nick-error").textContent).toBe(ar.nick);

    view.rerender(<Page language="en" />);
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(en.name));
    expect(screen.getByTestId("nick-error").textContent).toBe("Tell us your nick.");
    view.unmount();
  }, 30_000);

  test("without the prop: the page's <html lang> (a region falls back to its language, a change is followed), else English", async () => {
    document.documentElement.lang = "de-AT";
    const de = await serverMessages("de", { name: "ab", nick: "x" });
    const view = render(<Page />);
    expect(screen.getByTestId("language").textContent).toBe("de-AT");
    await submitShortName();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(de.name));
    // A script switching the page's language switches the messages shown.
    const fr = await serverMessages("fr", { name: "ab", nick: "x" });
    act(() => {
      document.documentElement.lang = "fr";
    });
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(fr.name));
    view.unmount();

    document.documentElement.lang = "";
    const en = await serverMessages("en", { name: "ab", nick: "x" });
    render(<Page />);
    expect(screen.getByTestId("language").textContent).toBe("en");
    await submitShortName();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(en.name));
  });

  test("a language the client was not generated with shows English", async () => {
    const en = await serverMessages("en", { name: "ab", nick: "x" });
    render(<Page language="es" />);
    await submitShortName();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(en.name));
    await act(async () => {});
    expect(screen.getByTestId("name-error").textContent).toBe(en.name);
  });

  test("useMizanFormBase loads catalogs only with localizedMessages; `messages` without it throws", async () => {
    const { messageCatalogs } = await import(`${gen.dir}/messages/index.ts`);
    const fr = await serverMessages("fr", { name: "ab", nick: "x" });
    const view = render(
      <MizanProvider client={client} language="fr">
        <BaseGreeting catalogs={messageCatalogs} localized />
      </MizanProvider>,
    );
    await submitShortName();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe(fr.name));
    view.unmount();

    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      render(
        <MizanProvider client={client} language="fr">
          <BaseGreeting catalogs={messageCatalogs} localized={false} />
        </MizanProvider>,
      ),
    ).toThrow(/localizedMessages/);
    quiet.mockRestore();
  });
});
