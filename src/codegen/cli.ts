#!/usr/bin/env node
// `mizan generate ...`: argv → runCli → exit code. Everything else lives in command.ts.
import { setFlagsFromString } from "node:v8";
import { runCli } from "./command.js";

// The generated code is laid out by Biome's WebAssembly build (45 MB), loaded on the first
// formatted statement. In this short-lived process V8's baseline compiler alone is faster:
// validating the whole module up front and re-optimising it in the background cost more CPU
// than a `mizan generate` run spends formatting (about 3x on the demo). Set before Biome loads.
setFlagsFromString("--liftoff-only");
setFlagsFromString("--wasm-lazy-validation");

runCli(process.argv.slice(2), {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
    // The entry may have started a server or opened a pool that keeps the event loop busy:
    // generating is over, so leave once this turn's output is written.
    setTimeout(() => process.exit(), 0).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
