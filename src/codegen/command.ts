import { type FSWatcher, watch as watchFile } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { Manifest } from "../core/registry.js";
import { parseLanguages } from "./catalogs.js";
import { formatCachePath, loadFormatCache, saveFormatCache } from "./format-cache.js";
import { type GeneratedFile, generate, plainFunctions } from "./generate.js";
import { fetchManifest, loadEntryManifest, type TsxLoading } from "./load-manifest.js";
import { withoutLayout } from "./printer.js";
import { GenerateError } from "./runtime-names.js";
import { type SyncResult, syncFiles, upToDateIgnoringLayout } from "./write-files.js";
import { type ZodFlavor, zodFlavor } from "./zod-flavor.js";

const USAGE = `Usage: mizan generate (--entry <server module> | --url <api base>) --out <dir> [options]

  --entry <file>    a module that registers forms and functions (built .js, or .ts through
                    tsx, which must then be installed)
  --export <name>   the entry's export holding the Registry (default: "registry", then the
                    default export, then the default registry)
  --url <base>      read GET {base}/manifest/ from a running server instead
  --out <dir>       where the client code goes
  --check           write nothing; exit 1 naming the stale files when out of date (CI)
  --watch           regenerate when the entry (or its local imports) change; with --url, poll
  --no-hooks        leave out the React hooks (no "mizan/react" import)
  --languages <l>   the languages the forms' messages are shown in, e.g. en,fr,ar (default:
                    en); each but English gets a catalog, loaded when a page shows it
  --zod <flavor>    mini (default): the schemas import "zod/mini", a few KB in the browser;
                    classic: they import "zod", for extending them with the chained API
  -h, --help        show this help`;

interface GenerateCommand {
  entry?: string;
  exportName?: string;
  url?: string;
  out: string;
  check: boolean;
  watch: boolean;
  hooks: boolean;
  /** `--languages`, parsed; absent means English only. */
  languages?: string[];
  /** `--zod`: the Zod API the schemas are written against; absent means `"mini"`. */
  zod?: ZodFlavor;
}

/** Where the command prints; tests pass their own. */
export interface CommandIO {
  log(line: string): void;
  error(line: string): void;
  fetch?: typeof fetch;
  /** How a `.ts` entry is loaded (tests take tsx away). */
  tsx?: TsxLoading;
}

/** argv (after `mizan`) → a command, or a usage error. */
export function parseCommand(argv: string[]): GenerateCommand | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entry: { type: "string" },
      export: { type: "string" },
      url: { type: "string" },
      out: { type: "string", short: "o" },
      check: { type: "boolean", default: false },
      watch: { type: "boolean", short: "w", default: false },
      "no-hooks": { type: "boolean", default: false },
      languages: { type: "string" },
      zod: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals[0] !== "generate" || positionals.length > 1) {
    throw new GenerateError(`Unknown command "${positionals.join(" ")}". ${USAGE}`);
  }
  if (!values.entry === !values.url)
    throw new GenerateError("Give one of --entry <file> or --url <base>.");
  if (!values.out) throw new GenerateError("Give --out <dir>: where the client code goes.");
  if (values.check && values.watch)
    throw new GenerateError("--check and --watch do not go together.");
  const command: GenerateCommand = {
    out: values.out,
    check: values.check,
    watch: values.watch,
    hooks: !values["no-hooks"],
  };
  if (values.zod !== undefined) command.zod = zodFlavor(values.zod);
  if (values.languages !== undefined) command.languages = parseLanguages(values.languages);
  if (values.entry) command.entry = values.entry;
  if (values.export) command.exportName = values.export;
  if (values.url) command.url = values.url;
  return command;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

interface RunResult {
  /** 0 ok, 1 stale (with --check) or failed. */
  code: number;
  manifest?: Manifest;
  /** The entry's local files, for --watch. */
  sources: string[];
}

/** One generation: load the manifest, generate, write (or check), print the summary line. */
async function runOnce(command: GenerateCommand, io: CommandIO): Promise<RunResult> {
  const started = performance.now();
  try {
    let manifest: Manifest;
    let sources: string[] = [];
    if (command.url) {
      manifest = await fetchManifest(command.url, io.fetch);
    } else {
      const loaded = await loadEntryManifest(command.entry as string, {
        fresh: command.watch,
        ...(command.exportName === undefined ? {} : { exportName: command.exportName }),
        ...(io.tsx ? { tsx: io.tsx } : {}),
      });
      manifest = loaded.manifest;
      sources = loaded.files;
    }
    // Compare layout-blind first: an up-to-date folder needs no formatter at all.
    const options = {
      hooks: command.hooks,
      languages: command.languages ?? ["en"],
      zod: command.zod ?? "mini",
    };
    const draft = withoutLayout(() => generate(manifest, options));
    let files: GeneratedFile[];
    let result: SyncResult;
    if (upToDateIgnoringLayout(command.out, draft)) {
      files = draft;
      result = { written: [], unchanged: draft.map((f) => f.path), removed: [] };
    } else {
      const cache = formatCachePath(command.out);
      loadFormatCache(cache);
      files = generate(manifest, options);
      saveFormatCache(cache);
      result = syncFiles(command.out, files, command.check);
    }
    const ms = Math.round(performance.now() - started);
    const forms = Object.keys(manifest.forms ?? {}).length;
    const functions = plainFunctions(manifest).length;
    const counts = `${plural(forms, "form")}, ${plural(functions, "function")}`;
    const out = relative(process.cwd(), command.out) || ".";
    if (command.check) {
      const stale = [...result.written, ...result.removed];
      if (stale.length) {
        io.error(
          `mizan generate --check: ${plural(stale.length, "file")} in ${out} out of date: ${stale.join(", ")}. Run \`mizan generate\` without --check.`,
        );
        return { code: 1, manifest, sources };
      }
      io.log(
        `mizan generate --check: ${counts}; ${out} is up to date (${files.length} files) in ${ms} ms`,
      );
      return { code: 0, manifest, sources };
    }
    const removed = result.removed.length ? `, ${result.removed.length} removed` : "";
    io.log(
      `mizan generate: ${counts} → ${out}: ${result.written.length} written, ${result.unchanged.length} unchanged${removed} in ${ms} ms`,
    );
    return { code: 0, manifest, sources };
  } catch (error) {
    if (error instanceof GenerateError) {
      io.error(`mizan generate: ${error.message}`);
      return { code: 1, sources: [] };
    }
    throw error;
  }
}

/** A running `--watch`: stop it with `close()`. */
interface Watcher {
  close(): void;
}

/**
 * Generate now, then again whenever a source changes: the entry and every local module it
 * imported (re-collected each run), or, with --url, when the manifest version changes
 * (polled every `pollMs`).
 */
export async function watchCommand(
  command: GenerateCommand,
  io: CommandIO,
  pollMs = 1000,
): Promise<Watcher> {
  let watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let running = Promise.resolve();
  const unwatch = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };
  const schedule = (delay: number) => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, delay);
  };
  let lastVersion: string | undefined;
  const run = async () => {
    if (closed) return;
    const result = await runOnce(command, io);
    if (closed) return;
    unwatch();
    const sources = result.sources.length ? result.sources : [command.entry as string];
    for (const file of sources) {
      try {
        watchers.push(watchFile(file, () => schedule(100)));
      } catch {
        // A file removed since it was imported: the next change elsewhere re-collects.
      }
    }
  };
  if (command.url) {
    // Polling regenerates only when the server's manifest version moves.
    const poll = async () => {
      if (closed) return;
      try {
        const manifest = await fetchManifest(command.url as string, io.fetch);
        if (manifest.version !== lastVersion) {
          await runOnce(command, io).then((r) => {
            lastVersion = r.manifest?.version ?? lastVersion;
          });
        }
      } catch (error) {
        if (!(error instanceof GenerateError)) throw error;
        io.error(`mizan generate: ${error.message}`);
      }
      if (!closed) timer = setTimeout(() => void poll(), pollMs);
    };
    await poll();
  } else {
    await run();
  }
  io.log(`mizan generate: watching ${command.url ?? command.entry} (Ctrl-C to stop)`);
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      unwatch();
    },
  };
}

/** The whole CLI: argv → exit code. `--watch` resolves only when the process is stopped. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  let command: GenerateCommand | "help";
  try {
    command = parseCommand(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.error(`mizan: ${message}`);
    if (!(error instanceof GenerateError)) io.error(USAGE);
    return 2;
  }
  if (command === "help") {
    io.log(USAGE);
    return 0;
  }
  if (command.watch) {
    const watcher = await watchCommand(command, io);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => {
        watcher.close();
        resolve();
      });
    });
    return 0;
  }
  return (await runOnce(command, io)).code;
}
