import { MizanProvider } from "mizan/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import "mizan/react/mizan.css";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <MizanProvider baseUrl="/api/mizan">
      <App />
    </MizanProvider>
  </StrictMode>,
);
