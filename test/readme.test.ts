/**
 * The README's "server in 20 lines", run as a new user would write it: the code block is
 * copied out of README.md verbatim (only the port changes), served, and called over HTTP.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const dir = new URL("./.readme-tmp/", import.meta.url);
let server: Server;
let base = "";

async function call(body: unknown) {
  const response = await fetch(`${base}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## A server in 20 lines"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("README.md has no server example");
  expect(code.split("\n").filter(Boolean).length).toBeLessThanOrEqual(22);
  const listen = "createServer(toNodeHandler(createHandler())).listen(3000);";
  expect(code).toContain(listen);
  await mkdir(dir, { recursive: true });
  const file = new URL("server.ts", dir);
  await writeFile(
    file,
    code.replace(
      listen,
      `export const server = createServer(toNodeHandler(createHandler())).listen(0);`,
    ),
  );
  ({ server } = (await import(file.href)) as { server: Server });
  await new Promise((resolve) =>
    server.listening ? resolve(null) : server.once("listening", resolve),
  );
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("the README's server", () => {
  test("echo answers exactly as the README shows", async () => {
    expect(await call({ fn: "echo", args: { text: "hi" } })).toEqual({
      status: 200,
      body: { result: { message: "hi" }, invalidate: [], merge: [] },
    });
  });

  test("the greet context answers at /ctx/ exactly as the README shows", async () => {
    const args = encodeURIComponent(JSON.stringify({ name: "Ada" }));
    const response = await fetch(`${base}/api/mizan/ctx/greet/?args=${args}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ result: { message: "Hello, Ada" } });
  });

  test("the ContactForm: schema, live validation of one field, 422, success", async () => {
    const schema = await call({ fn: "contact.schema", args: {} });
    expect(schema.status).toBe(200);
    expect(schema.body.result.field_order).toEqual(["name", "email", "message"]);
    const live = await call({
      fn: "contact.validate",
      args: { data: { email: "nope" }, fields: ["email"] },
    });
    expect(live.body.result).toEqual({
      valid: false,
      errors: {
        fields: { email: [{ code: "invalid", message: "Enter a valid email address." }] },
        non_field: [],
      },
      stale: false,
    });
    const bad = await call({
      fn: "contact.submit",
      args: { data: { name: "Ann", email: "ann@example.com", message: "short" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.details.fields.message[0].message).toBe(
      "Ensure this value has at least 10 characters (it has 5).",
    );
    const ok = await call({
      fn: "contact.submit",
      args: { data: { name: "Ann", email: "ann@example.com", message: "long enough now" } },
    });
    expect(ok).toEqual({
      status: 200,
      body: { result: { sent: true, to: "ann@example.com" }, invalidate: [], merge: [] },
    });
  });

  test("every error row of the status table has its status and code", async () => {
    const raw = (init: RequestInit & { path?: string }) =>
      fetch(`${base}${init.path ?? "/api/mizan/call/"}`, init).then(async (r) => [
        r.status,
        (await r.json()).error.code,
      ]);
    expect(
      await raw({ method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
    ).toEqual([400, "BAD_REQUEST"]);
    expect(
      await raw({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"fn":"nope"}',
      }),
    ).toEqual([404, "NOT_FOUND"]);
    expect(await raw({ method: "GET" })).toEqual([405, "METHOD_NOT_ALLOWED"]);
    expect(
      await raw({ method: "POST", headers: { "content-type": "text/plain" }, body: "hi" }),
    ).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(
      await raw({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"fn":"echo","args":{"text":"${"x".repeat(1_100_000)}"}}`,
      }),
    ).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(
      await raw({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"fn":"echo","args":{"text":5}}',
      }),
    ).toEqual([422, "VALIDATION_FAILED"]);
  });
});
