import { join } from "node:path";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  loadMessageCatalog,
  MizanForm,
  type MizanFormReturn,
  MizanProvider,
} from "../../react/index.js";
import { createInProcessClient } from "../../src/client/index.js";
import type { MessageCatalog, MessageCatalogs } from "../../src/codegen/runtime/index.js";
import { Registry } from "../../src/core/registry.js";
import { SHIPPED_LOCALES } from "../../src/forms/locales/index.js";
import {
  CharField,
  Form,
  formMeta,
  HiddenInput,
  MultiValueField,
  SplitDateTimeField,
} from "../../src/index.js";
import { GalleryForm, OrderForm } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";

class PairField extends MultiValueField<string | null> {
  override compress(parts: unknown[]) {
    return parts.length ? parts.join("+") : null;
  }
}

class MeetingForm extends Form {
  static override meta = formMeta({ name: "meeting", title: "Meeting" });
  starts = new SplitDateTimeField();
  pair = new PairField([new CharField(), new CharField()]);
}

class TokenForm extends Form {
  static override meta = formMeta({ name: "token", title: "Token" });
  token = new CharField({ widget: new HiddenInput() });
}

const registry = new Registry();
registry.register(OrderForm);
registry.register(GalleryForm);
registry.register(MeetingForm);
registry.register(TokenForm);
const client = createInProcessClient({ registry, onError: () => {} });

const ar = SHIPPED_LOCALES.ar ?? {};
const text = (key: string) => String(ar[key]);

let gen: GeneratedClient;
let catalogs: MessageCatalogs;
let arabic: MessageCatalog | undefined;
beforeAll(async () => {
  gen = await loadGenerated(registry, { languages: ["en", "fr", "ar"] });
  ({ messageCatalogs: catalogs } = await import(
    /* @vite-ignore */ join(gen.dir, "messages/index.ts")
  ));
  arabic = await loadMessageCatalog(catalogs, "ar");
}, 60_000);
afterAll(() => gen.dispose());

function Forms({ submitLabel }: { submitLabel?: string }) {
  const order = gen.forms.order.useOrderForm() as MizanFormReturn;
  const gallery = gen.forms.gallery.useGalleryForm() as MizanFormReturn;
  const meeting = gen.forms.meeting.useMeetingForm() as MizanFormReturn;
  const token = gen.forms.token.useTokenForm() as MizanFormReturn;
  const label = submitLabel === undefined ? {} : { submitLabel };
  return (
    <>
      <MizanForm form={order} aria-label="order" {...label} />
      <MizanForm form={gallery} aria-label="gallery" />
      <MizanForm form={meeting} aria-label="meeting" />
      <MizanForm form={token} aria-label="token" />
    </>
  );
}

function Page(props: { language?: string; catalog?: MessageCatalog; submitLabel?: string }) {
  const { language, catalog, submitLabel } = props;
  return (
    <MizanProvider
      client={client}
      {...(language === undefined ? {} : { language })}
      {...(catalog === undefined ? {} : { catalog })}
    >
      <Forms {...(submitLabel === undefined ? {} : { submitLabel })} />
    </MizanProvider>
  );
}

const formNamed = (name: string) => screen.getByRole("form", { name });
const optionTexts = (select: HTMLElement) =>
  Array.from((select as HTMLSelectElement).options, (option) => option.textContent);

/** The texts the renderer itself wrote into the page, wherever they are. */
function rendererTexts(container: HTMLElement) {
  const order = within(container).getByRole("form", { name: "order" });
  const gallery = within(container).getByRole("form", { name: "gallery" });
  const meeting = within(container).getByRole("form", { name: "meeting" });
  const items = within(order).getByRole("group", { name: "Items" });
  const add = items.querySelector(".mizan-add");
  return {
    submit: order.querySelector(".mizan-submit")?.textContent,
    add: add?.textContent,
    addName: add?.getAttribute("aria-label"),
    nullBoolean: optionTexts(gallery.querySelector('select[name="subscribed"]') as HTMLElement),
    parts: Array.from(meeting.querySelectorAll(".mizan-multi input"), (input) =>
      input.getAttribute("aria-label"),
    ),
  };
}

describe("<MizanForm>'s own texts follow the language of the form's messages", () => {
  test("Arabic: submit, add, remove, Unknown/Yes/No and the date/time parts, once the catalog loads", async () => {
    const user = userEvent.setup();
    render(<Page language="ar" />);
    await waitFor(() =>
      expect(formNamed("order").querySelector(".mizan-submit")?.textContent).toBe(
        text("ui.submit"),
      ),
    );
    expect(text("ui.submit")).toBe("إرسال");
    expect(rendererTexts(document.body)).toEqual({
      submit: "إرسال",
      add: "أضف",
      addName: "أضف Items",
      nullBoolean: ["مجهول", "نعم", "لا"],
      parts: ["التاريخ", "الوقت", "Pair (1 من 2)", "Pair (2 من 2)"],
    });
    const items = within(formNamed("order")).getByRole("group", { name: "Items" });
    await user.click(within(items).getByRole("button", { name: "أضف Items" }));
    const remove = within(items).getByRole("button", { name: "أزِل Items 2" });
    expect(remove.textContent).toBe(text("ui.remove"));
    await user.click(remove);
    expect(within(items).queryByRole("button", { name: "أزِل Items 2" })).toBeNull();

    // A hidden field's message is shown with the form's, prefixed as the server's table says.
    const tokenForm = formNamed("token");
    await user.click(within(tokenForm).getByRole("button", { name: "إرسال" }));
    const required = text("Field.required");
    await waitFor(() =>
      expect(within(tokenForm).getByRole("alert").textContent).toContain(
        `(الحقل الخفي token) ${required}`,
      ),
    );
  });

  test("the author's submitLabel stays as written in every language", async () => {
    render(<Page language="ar" submitLabel="Place order" />);
    const order = formNamed("order");
    await waitFor(() =>
      expect(within(formNamed("gallery")).getByRole("button", { name: "إرسال" })).toBeDefined(),
    );
    expect(order.querySelector(".mizan-submit")?.textContent).toBe("Place order");
  });

  test("English (no language, or one the client was not generated with) is unchanged", async () => {
    const expected = {
      submit: "Submit",
      add: "Add",
      addName: "Add Items",
      nullBoolean: ["Unknown", "Yes", "No"],
      parts: ["Date", "Time", "Pair (1 of 2)", "Pair (2 of 2)"],
    };
    const english = render(<Page />);
    await act(async () => {});
    expect(rendererTexts(english.container)).toEqual(expected);
    english.unmount();
    const spanish = render(<Page language="es" />);
    await act(async () => {});
    expect(rendererTexts(spanish.container)).toEqual(expected);
  });

  test("the provider's catalog: the server's render and the hydrating one already in Arabic, no mismatch", async () => {
    expect(arabic?.language).toBe("ar");
    const html = renderToString(<Page language="ar" {...(arabic ? { catalog: arabic } : {})} />);
    expect(html).toContain(">إرسال</button>");
    expect(html).toContain('aria-label="أضف Items"');
    expect(html).toContain(">نعم</option>");
    expect(html).toContain('aria-label="التاريخ"');

    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const mismatches: unknown[] = [];
    const before = container.innerHTML;
    await act(async () => {
      hydrateRoot(container, <Page language="ar" {...(arabic ? { catalog: arabic } : {})} />, {
        onRecoverableError: (error) => mismatches.push(error),
      });
    });
    expect(mismatches).toEqual([]);
    expect(rendererTexts(container)).toEqual({
      submit: "إرسال",
      add: "أضف",
      addName: "أضف Items",
      nullBoolean: ["مجهول", "نعم", "لا"],
      parts: ["التاريخ", "الوقت", "Pair (1 من 2)", "Pair (2 من 2)"],
    });
    expect(container.innerHTML.length).toBeGreaterThan(0);
    expect(before).toContain("إرسال");
    container.remove();
  });

  test("a catalog of another language than the page's is not used", async () => {
    const french = await loadMessageCatalog(catalogs, "fr");
    expect(french?.language).toBe("fr");
    const html = renderToString(<Page language="ar" {...(french ? { catalog: french } : {})} />);
    expect(html).toContain(">Submit</button>");
    expect(html).not.toContain(String(SHIPPED_LOCALES.fr?.["ui.submit"]));
  });
});
