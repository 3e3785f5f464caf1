import { afterAll, beforeAll, expect, test } from "vitest";
import { z } from "zod";
import {
  Channel,
  CharField,
  type CleanedData,
  Form,
  formMeta,
  type RequestContext,
  register,
} from "../../src/index.js";
import { publish } from "../../src/server/index.js";
import { startServer, TestClient } from "./helpers.js";

const none = z.object({});
const headline = z.object({ title: z.string() });

class NewsChannel extends Channel<typeof none, undefined, typeof headline> {
  params = none;
  event = headline;
  group() {
    return "news";
  }
}

class NewsForm extends Form<NewsForm> {
  static override meta = formMeta({ name: "news" });
  title = new CharField({ maxLength: 80 });
  async onSubmitSuccess(_ctx: RequestContext, data: CleanedData<NewsForm>) {
    const cursor = await publish("news", { title: data.title });
    return { published: typeof cursor === "string" };
  }
}

// Everything on the defaults: the default registry, createHandler(), attachChannels(server).
register(NewsChannel, "news");
register(NewsForm);

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterAll(async () => {
  await app.close();
});

test("publish() from a form's onSubmitSuccess reaches the subscribers", async () => {
  const reader = new TestClient(app.wsUrl);
  expect(await reader.sub("n", "news")).toMatchObject({ t: "ok", id: "n" });
  const response = await fetch(`${app.origin}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn: "news.submit", args: { data: { title: "Channels shipped" } } }),
  });
  expect(await response.json()).toMatchObject({ result: { published: true } });
  expect(await reader.next({ t: "ev" })).toMatchObject({
    id: "n",
    data: { title: "Channels shipped" },
  });
  // An invalid submit publishes nothing.
  const invalid = await fetch(`${app.origin}/api/mizan/call/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn: "news.submit", args: { data: { title: "" } } }),
  });
  expect(invalid.status).toBe(422);
  reader.send({ t: "ping" });
  await reader.next({ t: "pong" });
  expect(reader.events("n")).toHaveLength(1);
  reader.close();
  await reader.closed;
});

test("the manifest lists the channel", async () => {
  const manifest = (await (await fetch(`${app.origin}/api/mizan/manifest/`)).json()) as {
    channels: Record<string, { auth: string; message: unknown }>;
  };
  expect(manifest.channels.news).toMatchObject({ name: "news", auth: "none", message: null });
});
