#!/usr/bin/env node
// `mizan generate ...`: argv → runCli → exit code. Everything else lives in command.ts.
import { runCli } from "./command.js";

runCli(process.argv.slice(2), {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
