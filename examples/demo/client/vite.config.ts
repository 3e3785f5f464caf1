import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { mizanAliases } from "../../../aliases.js";

/** Builds the demo client into examples/demo/dist, which the demo server serves. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: mizanAliases },
  build: { outDir: "../dist", emptyOutDir: true },
  // `ws: true`: the chat's WebSocket at /api/mizan/ws/ goes through the proxy too.
  server: { proxy: { "/api/mizan": { target: "http://127.0.0.1:3000", ws: true } } },
  logLevel: "warn",
});
