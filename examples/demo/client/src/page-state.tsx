import type { MizanFormInitialState } from "mizan/react";
import { createContext, type ReactNode, useContext } from "react";

/** A failed native post the server re-rendered: which form, and its values and errors. */
export interface DemoFormState extends MizanFormInitialState {
  form: string;
}

/** What the server knows of the page it renders, and the browser reads back to hydrate. */
export interface DemoPageState {
  /** The URL's path and query (`/contact/sent`, `?ticket=3`). */
  path: string;
  search: string;
  /** The language the page is rendered in (the server's choice; `<html lang>` in a browser). */
  language: string;
  formState?: DemoFormState | undefined;
}

export const PAGE_STATE_ID = "demo-page-state";

const PageStateContext = createContext<DemoPageState>({ path: "/", search: "", language: "en" });

export function PageStateProvider(props: { state: DemoPageState; children: ReactNode }) {
  return (
    <PageStateContext.Provider value={props.state}>{props.children}</PageStateContext.Provider>
  );
}

export function usePageState(): DemoPageState {
  return useContext(PageStateContext);
}

/** The failed native post of `form` this page shows, if it is that form's. */
export function useFormInitialState(form: string): MizanFormInitialState | undefined {
  const { formState } = usePageState();
  return formState?.form === form ? formState : undefined;
}

/** The page state as a `<script type="application/json">` (`<` escaped: no early `</script>`). */
export function pageStateScript(formState: DemoFormState | undefined): string {
  const json = JSON.stringify({ formState: formState ?? null }).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${PAGE_STATE_ID}">${json}</script>`;
}

/** In the browser: the page state the server rendered with. */
export function readPageState(): DemoPageState {
  const script = document.getElementById(PAGE_STATE_ID);
  const parsed = script?.textContent
    ? (JSON.parse(script.textContent) as { formState: DemoFormState | null })
    : { formState: null };
  return {
    path: window.location.pathname,
    search: window.location.search,
    language: document.documentElement.lang || "en",
    formState: parsed.formState ?? undefined,
  };
}
