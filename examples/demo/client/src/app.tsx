import { type MouseEvent, useEffect, useState } from "react";
import { LanguageSwitcher } from "./language-switcher.js";
import { usePageState } from "./page-state.js";
import { ChatPanel } from "./panels/chat-panel.js";
import { ContactPanel } from "./panels/contact-panel.js";
import { EchoPanel } from "./panels/echo-panel.js";
import { OrderPanel } from "./panels/order-panel.js";
import { ProfilePanel } from "./panels/profile-panel.js";
import { SignupPanel } from "./panels/signup-panel.js";
import { doneMessage, type PanelId, panelFromHash, panelFromPath, panelOfForm } from "./routes.js";
import { SessionBar } from "./session-bar.js";

const PANELS = [
  { id: "contact", label: "Contact", render: () => <ContactPanel /> },
  { id: "signup", label: "Sign up", render: () => <SignupPanel /> },
  { id: "order", label: "Order", render: () => <OrderPanel /> },
  { id: "profile", label: "Profile", render: () => <ProfilePanel /> },
  { id: "echo", label: "Echo", render: () => <EchoPanel /> },
  { id: "chat", label: "Chat", render: () => <ChatPanel /> },
] as const satisfies ReadonlyArray<{ id: PanelId; label: string; render: () => unknown }>;

function isPlainClick(event: MouseEvent): boolean {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0);
}

/**
 * The demo's pages. The server renders the page of the URL (`/order`; a failed native post
 * the panel of its form, with its values and errors; `/contact/sent` a success notice) and the
 * browser hydrates the same; then the tabs switch panels without a reload.
 */
export function App() {
  const page = usePageState();
  const [active, setActive] = useState<PanelId>(() =>
    page.formState ? panelOfForm(page.formState.form) : panelFromPath(page.path),
  );
  const [done, setDone] = useState(() => doneMessage(page.path, page.search));
  useEffect(() => {
    // Links of old (`/#order`): the server cannot see the hash, so switch after hydrating.
    const fromHash = panelFromHash(window.location.hash);
    if (fromHash) {
      setActive(fromHash);
      window.history.replaceState(null, "", `/${fromHash}`);
    }
    const onPop = () => {
      setActive(panelFromPath(window.location.pathname));
      setDone(undefined);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0];
  return (
    <div className="demo">
      <header className="demo-header">
        <SessionBar />
        <h1>mizan demo</h1>
        <LanguageSwitcher />
        <p>
          One Django-style Form class per form on the server. The browser runs the same rules with
          the same messages; server-only rules arrive on blur and on submit. Without JavaScript the
          forms still post, and come back with Django's messages.
        </p>
      </header>
      <nav className="demo-tabs" aria-label="Forms">
        {PANELS.map((p) => (
          <a
            key={p.id}
            href={`/${p.id}`}
            aria-current={p.id === active ? "page" : undefined}
            onClick={(event) => {
              if (!isPlainClick(event)) return;
              event.preventDefault();
              window.history.pushState(null, "", `/${p.id}`);
              setActive(p.id);
              setDone(undefined);
            }}
          >
            {p.label}
          </a>
        ))}
      </nav>
      <main className="demo-panel">
        {done ? (
          <p role="status" className="demo-result demo-done">
            {done}
          </p>
        ) : null}
        {panel.render()}
      </main>
    </div>
  );
}
