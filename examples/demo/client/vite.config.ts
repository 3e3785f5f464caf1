import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { mizanAliases } from "../../../aliases.js";

/** Builds the demo client into examples/demo/dist, which the demo server serves. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: mizanAliases },
  build: { outDir: "../dist", emptyOutDir: true },
  server: { proxy: { "/api/mizan": "http://127.0.0.1:3000" } },
  logLevel: "warn",
});
