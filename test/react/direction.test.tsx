import { act, render, screen, waitFor } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  languageDirection,
  MizanForm,
  type MizanFormReturn,
  MizanProvider,
} from "../../react/index.js";
import { fixtureRegistry } from "../fixtures/forms.js";
import { type GeneratedClient, loadGenerated } from "../fixtures/generated.js";
import { harness } from "../fixtures/react.js";

let gen: GeneratedClient;
beforeAll(async () => {
  gen = await loadGenerated(fixtureRegistry());
});
afterAll(() => gen.dispose());
afterEach(() => {
  document.documentElement.lang = "";
});

function Contact(props: { dir?: "ltr" | "rtl" }) {
  const form = gen.forms.contact.useContactForm() as MizanFormReturn;
  return <MizanForm form={form} aria-label="Contact" {...props} />;
}

describe("languageDirection", () => {
  test.each([
    ["ar", "rtl"],
    ["ar-EG", "rtl"],
    ["AR", "rtl"],
    ["he", "rtl"],
    ["fa-IR", "rtl"],
    ["ur", "rtl"],
    ["en", "ltr"],
    ["fr-CA", "ltr"],
    ["de", "ltr"],
    ["arn", "ltr"],
  ])("%s is %s", (language, direction) => {
    expect(languageDirection(language)).toBe(direction);
  });

  test("no language, no direction", () => {
    expect(languageDirection(undefined)).toBeUndefined();
    expect(languageDirection("")).toBeUndefined();
  });
});

describe("<MizanForm dir>", () => {
  test("follows <html lang>: rtl for Arabic, and again when the page's language changes", async () => {
    document.documentElement.lang = "ar";
    const h = harness();
    render(<Contact />, { wrapper: h.wrapper });
    const form = screen.getByRole("form", { name: "Contact" });
    expect(form).toHaveAttribute("dir", "rtl");
    act(() => {
      document.documentElement.lang = "fr";
    });
    await waitFor(() => expect(form).toHaveAttribute("dir", "ltr"));
  });

  test("without a known language the form inherits the page's direction", () => {
    const h = harness();
    render(<Contact />, { wrapper: h.wrapper });
    expect(screen.getByRole("form", { name: "Contact" })).not.toHaveAttribute("dir");
  });

  test("a dir given by the author wins", () => {
    document.documentElement.lang = "ar";
    const h = harness();
    render(<Contact dir="ltr" />, { wrapper: h.wrapper });
    expect(screen.getByRole("form", { name: "Contact" })).toHaveAttribute("dir", "ltr");
  });

  test("server HTML carries no page-derived dir, so hydration matches", () => {
    document.documentElement.lang = "ar";
    const h = harness();
    const html = renderToString(<h.wrapper>{<Contact />}</h.wrapper>);
    expect(html).toContain('aria-label="Contact"');
    expect(html).not.toContain("dir=");
  });

  test("the provider's language sets lang and dir, on the server already and over the page's", () => {
    document.documentElement.lang = "en";
    const h = harness();
    const page = (
      <MizanProvider client={h.client} language="ar">
        <Contact />
      </MizanProvider>
    );
    const html = renderToString(page);
    expect(html).toMatch(/<form[^>]* lang="ar" dir="rtl"/);
    render(page);
    const form = screen.getByRole("form", { name: "Contact" });
    expect(form).toHaveAttribute("dir", "rtl");
    expect(form).toHaveAttribute("lang", "ar");
  });
});
