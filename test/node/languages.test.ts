import { request as httpRequest } from "node:http";
import { afterEach, expect, test, vi } from "vitest";
import { fr } from "../../src/forms/locales/fr.js";
import { formatMessage } from "../../src/index.js";
import { demoRegistry } from "../helpers/functions.js";
import { startServer, type TestServer } from "../helpers/http-server.js";

// Real sockets on a shared CI machine: generous time, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** POST a chunked body (no Content-Length) in French, until the server answers. */
function frenchUpload(url: string, chunks: number) {
  return new Promise<{ status: number; language: unknown; body: string }>((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "fr-FR" },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        body += text;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, language: res.headers["content-language"], body }),
      );
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = (): void => {
      while (!answered && sent < chunks) {
        sent++;
        if (!req.write("x".repeat(16 * 1024))) return void req.once("drain", pump);
      }
      req.end();
    };
    req.write('{"fn": "echo", "args": {"text": "');
    pump();
  });
}

test("mizan/node: a streamed body over the limit is refused in the request's language", async () => {
  server = await startServer({
    registry: demoRegistry(),
    languages: ["en", "fr"],
    limits: { maxBodyBytes: 4096 },
  });
  const { status, language, body } = await frenchUpload(`${server.baseUrl}/call/`, 64);
  expect(status).toBe(413);
  expect(language).toBe("fr");
  const template = fr["http.PAYLOAD_TOO_LARGE.body"];
  if (template === undefined) throw new Error("no http.PAYLOAD_TOO_LARGE.body in fr");
  expect(JSON.parse(body).error.message).toBe(formatMessage(template, { max_bytes: 4096 }, "fr"));
});
