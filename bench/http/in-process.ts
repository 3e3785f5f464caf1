/**
 * The edge-runtime path of the HTTP benchmark, in this process: what a Web runtime (Bun,
 * Deno, workers) does per request, `new Request(...)` in, the handler, the answer's body read
 * out, for mizan's `handler(request)`, Hono's `app.fetch(request)` and a Web floor (the JSON
 * read, a constant answered). CPU time per call, alternating rounds (bench/lib/measure.ts).
 */
import { alternate, type MicroCase, PROCESSES, pooled } from "../lib/measure.js";
import { invalidSignup, validSignup } from "../lib/signup.js";
import { formatNs, formatRatio, median, ratios, type Spread, table } from "../lib/stats.js";
import { CALL_PATH, FLOOR_BODY, honoApp, mizanHandler } from "./apps.js";

type Payload = "valid" | "invalid";
type WebHandler = (request: Request) => Response | Promise<Response>;

const URL_OF_CALL = `http://localhost${CALL_PATH}`;

/** The Web floor: reads the JSON, answers a constant. */
const floor: WebHandler = async (request) => {
  await request.json();
  return new Response(FLOOR_BODY, {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
};

const CONTESTANTS = {
  mizan: "mizan `handler(request)`",
  hono: "Hono + Zod `app.fetch(request)`",
  floor: "Web floor (`request.json()`, constant `Response`)",
} as const;
type Contestant = keyof typeof CONTESTANTS;

/** One call as a runtime makes it: a fresh Request, the answer's status checked, its body read. */
function caller(handle: WebHandler, payload: Payload, status: number): () => Promise<string> {
  const data = payload === "valid" ? validSignup : invalidSignup;
  const body = JSON.stringify({ fn: "signup.submit", args: { data } });
  return async () => {
    const request = new Request(URL_OF_CALL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const response = await handle(request);
    if (response.status !== status) {
      throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
    }
    return response.text();
  };
}

export interface InProcessResult {
  markdown: string;
  /** Throughput ratios (the other's CPU per call / mizan's), per payload. */
  vsHono: Record<Payload, Spread>;
  vsFloor: Record<Payload, Spread>;
}

/** Runs the in-process rows; `rounds` alternating rounds of ~`batchMs` of CPU per case. */
export async function inProcess(rounds: number, batchMs = 60): Promise<InProcessResult> {
  const mizan = mizanHandler();
  const app = honoApp();
  const handlers: Record<Contestant, WebHandler> = {
    mizan: (request) => mizan(request),
    hono: (request) => app.fetch(request),
    floor,
  };
  const statusOf = (who: Contestant, payload: Payload) =>
    payload === "valid" || who === "floor" ? 200 : 422;
  const runs = await pooled(PROCESSES, async () => {
    const measured = {} as Record<Payload, Map<string, number[]>>;
    for (const payload of ["valid", "invalid"] as const) {
      const cases: MicroCase[] = (Object.keys(CONTESTANTS) as Contestant[]).map((who) => ({
        name: who,
        fn: caller(handlers[who], payload, statusOf(who, payload)),
      }));
      // A call here takes ~100 µs and its cost settles after some thousands: 300 ms is too few.
      measured[payload] = await alternate(cases, {
        rounds,
        batchMs,
        warmupMs: 300,
        warmupCalls: 8000,
      });
    }
    return measured;
  });
  const ns = (payload: Payload, who: Contestant) => runs[payload].get(who) as number[];
  // Throughput ratios, as the loopback rows: the other's time per call over this one's.
  const speed = (payload: Payload, who: Contestant, against: Contestant) =>
    ratios(ns(payload, against), ns(payload, who));
  const rows: string[][] = [["handler", "payload", "CPU per call", "× Hono + Zod", "× Web floor"]];
  for (const payload of ["valid", "invalid"] as const) {
    for (const who of Object.keys(CONTESTANTS) as Contestant[]) {
      rows.push([
        CONTESTANTS[who],
        `${payload} → ${statusOf(who, payload)}`,
        formatNs(median(ns(payload, who))),
        formatRatio(speed(payload, who, "hono")),
        formatRatio(speed(payload, who, "floor")),
      ]);
    }
  }
  const markdown = [
    `In process (the edge-runtime path): each call builds a \`new Request(...)\` with the same body, awaits the handler and reads the answer's body (\`response.text()\`), as a Web runtime would. CPU time per call, median of ${rounds * PROCESSES} alternating rounds, ${rounds} in each of ${PROCESSES} fresh processes (~${batchMs} ms of CPU per case and round, after every case has made at least 8,000 warm-up calls); ratios are throughput ratios per round (the other's time over this one's), median (min–max).`,
    "",
    table(rows, "llrrr"),
  ].join("\n");
  return {
    markdown,
    vsHono: { valid: speed("valid", "mizan", "hono"), invalid: speed("invalid", "mizan", "hono") },
    vsFloor: {
      valid: speed("valid", "mizan", "floor"),
      invalid: speed("invalid", "mizan", "floor"),
    },
  };
}
