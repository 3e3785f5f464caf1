import { Agent, request as httpRequest } from "node:http";
import { afterAll, describe, expect, test, vi } from "vitest";
import { Registry } from "../../src/core/index.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { EmailField } from "../../src/forms/fields/email-field.js";
import { IntegerField } from "../../src/forms/fields/integer-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";
import { startServer, type TestServer } from "../helpers/http-server.js";
import { retainedHeap } from "./support.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 });

const TOTAL = 10_000;
const CONCURRENCY = 50;

/** Where onSubmitSuccess puts each order; the test checks it against every answer. */
const store: string[] = [];

class OrderForm extends Form {
  static override meta = formMeta({ name: "order" });
  ref = new CharField({ maxLength: 40 });
  qty = new IntegerField({ minValue: 1, maxValue: 10 });
  email = new EmailField();
  override clean() {
    // A server-only rule, so some refusals come from clean() rather than a field.
    if (String(this.cleanedData.ref).endsWith("7")) throw new ValidationError("Sold out.");
  }
  async onSubmitSuccess(_ctx: unknown, data: { ref: string }) {
    await new Promise((resolve) => setImmediate(resolve));
    store.push(data.ref);
    return { stored: data.ref };
  }
}

function order(i: number): { ref: string; qty: unknown; email: string } {
  const ref = `r${i}`;
  if (i % 5 === 1) return { ref, qty: 0, email: "a@example.com" };
  if (i % 5 === 2) return { ref, qty: "x", email: "nope" };
  return { ref, qty: (i % 10) + 1, email: `u${i}@example.com` };
}

function post(agent: Agent, url: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Handles that matter for leaks: sockets, servers, timers. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) {
    if (/TCP|Timeout|Pipe/.test(name)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Each kind of handle back to (at most) its count in `base`: what is still over it. */
function excess(base: Record<string, number>): Record<string, number> {
  const over: Record<string, number> = {};
  for (const [name, count] of Object.entries(handles())) {
    if (count > (base[name] ?? 0)) over[name] = count - (base[name] ?? 0);
  }
  return over;
}

/** Polls (with a timer that has fired by the time it looks) until nothing is left over. */
async function settled(base: Record<string, number>): Promise<Record<string, number>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const over = excess(base);
    if (Object.keys(over).length === 0 || Date.now() > deadline) return over;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
});

describe("soak: 10,000 submits at 50 concurrent over loopback", () => {
  test("every 200 is exactly one stored record, every non-200 none; no 5xx; handles and memory come back", async () => {
    const baseHandles = handles();
    const baseHeap = retainedHeap();
    const logged: unknown[] = [];
    const registry = new Registry();
    registry.register(OrderForm);
    server = await startServer({ registry, onError: (e) => logged.push(e) });
    const url = `${server.baseUrl}/call/`;
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

    const answers = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const data = order(i);
        const { status, text } = await post(
          agent,
          url,
          JSON.stringify({ fn: "order.submit", args: { data } }),
        );
        answers.set(data.ref, status);
        if (status === 200) expect(JSON.parse(text).result).toEqual({ stored: data.ref });
        else expect(JSON.parse(text).error.code).toBe("VALIDATION_FAILED");
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(answers.size).toBe(TOTAL);
    const statuses = [...answers.values()];
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200, 422]));
    const ok = [...answers].filter(([, s]) => s === 200).map(([ref]) => ref);
    expect(store.length).toBe(ok.length);
    expect(new Set(store).size).toBe(store.length);
    expect(new Set(store)).toEqual(new Set(ok));
    const expectedOk = Array.from({ length: TOTAL }, (_, i) => i).filter(
      (i) => i % 5 !== 1 && i % 5 !== 2 && !String(i).endsWith("7"),
    ).length;
    expect(ok.length).toBe(expectedOk);
    expect(logged).toEqual([]);

    agent.destroy();
    await server.close();
    server = undefined;
    expect(await settled(baseHandles)).toEqual({});
    // What the 10,000 calls left behind once collected: the store, and little else.
    expect(retainedHeap() - baseHeap).toBeLessThan(50 * 1024 * 1024);
  });
});
