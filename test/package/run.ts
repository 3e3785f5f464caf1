import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The environment without what `npm test` adds about this repository (`npm_package_*`,
 * `npm_lifecycle_*`, its prefix): an npm started in the app must see only the app.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_(local_)?prefix$|^INIT_CWD$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Run a command; rejects with `{ code, stdout, stderr }` when it exits non-zero. */
export function run(command: string, args: string[], cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === "number" ? error.code : 1;
          reject(
            Object.assign(
              new Error(`${command} ${args.join(" ")} failed (${code}):\n${stdout}\n${stderr}`),
              {
                code,
                stdout,
                stderr,
              },
            ),
          );
        } else resolve({ stdout, stderr });
      },
    );
  });
}
