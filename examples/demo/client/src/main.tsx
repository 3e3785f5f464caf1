import { MizanProvider } from "mizan/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { App } from "./app.js";
import { PageStateProvider, readPageState } from "./page-state.js";
import "mizan/react/mizan.css";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The server rendered this page (examples/demo/server/render-page.tsx): hydrate it with the
// same state. Contexts come from its <script id="mizan-contexts">, the CSRF token from the
// csrftoken cookie it set, the language from its <html lang>.
const state = readPageState();

hydrateRoot(
  root,
  <StrictMode>
    <MizanProvider baseUrl="/api/mizan" language={state.language}>
      <PageStateProvider state={state}>
        <App />
      </PageStateProvider>
    </MizanProvider>
  </StrictMode>,
);
