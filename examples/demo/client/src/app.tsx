import { useState } from "react";
import { ContactPanel } from "./panels/contact-panel.js";
import { EchoPanel } from "./panels/echo-panel.js";
import { OrderPanel } from "./panels/order-panel.js";
import { ProfilePanel } from "./panels/profile-panel.js";
import { SignupPanel } from "./panels/signup-panel.js";
import { SessionBar } from "./session-bar.js";

const PANELS = [
  { id: "contact", label: "Contact", render: () => <ContactPanel /> },
  { id: "signup", label: "Sign up", render: () => <SignupPanel /> },
  { id: "order", label: "Order", render: () => <OrderPanel /> },
  { id: "profile", label: "Profile", render: () => <ProfilePanel /> },
  { id: "echo", label: "Echo", render: () => <EchoPanel /> },
] as const;

type PanelId = (typeof PANELS)[number]["id"];

function initialPanel(): PanelId {
  const hash = window.location.hash.slice(1);
  return PANELS.some((p) => p.id === hash) ? (hash as PanelId) : "contact";
}

export function App() {
  const [active, setActive] = useState<PanelId>(initialPanel);
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0];
  return (
    <div className="demo">
      <header className="demo-header">
        <SessionBar />
        <h1>mizan demo</h1>
        <p>
          One Django-style Form class per form on the server. The browser runs the same rules with
          the same messages; server-only rules arrive on blur and on submit.
        </p>
      </header>
      <nav className="demo-tabs" aria-label="Forms">
        {PANELS.map((p) => (
          <a
            key={p.id}
            href={`#${p.id}`}
            aria-current={p.id === active ? "page" : undefined}
            onClick={() => setActive(p.id)}
          >
            {p.label}
          </a>
        ))}
      </nav>
      <main className="demo-panel">{panel.render()}</main>
    </div>
  );
}
