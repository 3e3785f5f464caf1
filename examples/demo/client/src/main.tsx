import { loadMessageCatalog, MizanProvider } from "mizan/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { App } from "./app.js";
import { messageCatalogs } from "./mizan/messages/index.js";
import { PageStateProvider, readPageState } from "./page-state.js";
import "mizan/react/mizan.css";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The server rendered this page (examples/demo/server/render-page.tsx): hydrate it with the
// same state. Contexts come from its <script id="mizan-contexts">, the CSRF token from the
// csrftoken cookie it set, the language from its <html lang>, and that language's catalog,
// loaded first as the server had it, so the first render matches the server's HTML.
const state = readPageState();

void loadMessageCatalog(messageCatalogs, state.language).then((catalog) =>
  hydrateRoot(
    root,
    <StrictMode>
      <MizanProvider baseUrl="/api/mizan" language={state.language} catalog={catalog}>
        <PageStateProvider state={state}>
          <App />
        </PageStateProvider>
      </MizanProvider>
    </StrictMode>,
  ),
);
