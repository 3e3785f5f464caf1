import { z } from "zod";
import { client, Registry } from "../../src/core/index.js";

/** The README's echo plus one function per behaviour the HTTP tests exercise. */
export function demoRegistry(): Registry {
  const registry = new Registry();
  registry.register(
    client({ input: z.object({ text: z.string() }) }, (_ctx, { text }) => ({ message: text })),
    "echo",
  );
  registry.register(
    client((_ctx, args) => args),
    "identity",
  );
  registry.register(
    client({ auth: true }, (ctx) => ({ id: ctx.user?.id ?? null })),
    "whoami",
  );
  registry.register(
    client({ auth: "staff" }, () => "staff only"),
    "staffOnly",
  );
  registry.register(
    client(() => {
      throw new Error("s3cr3t database password");
    }),
    "boom",
  );
  registry.register(
    client((ctx) => {
      ctx.setCookie("session", "abc", { httpOnly: true, sameSite: "Lax" });
      ctx.setCookie("theme", "dark");
      return { ok: true };
    }),
    "login",
  );
  registry.register(
    client(
      () =>
        new Response("id,name\n1,Ada\n", {
          status: 201,
          headers: { "content-type": "text/csv", "x-custom": "kept" },
        }),
    ),
    "download",
  );
  registry.register(
    client(async (_ctx, args) => {
      const file = (args.data as { avatar?: unknown } | undefined)?.avatar;
      if (!(file instanceof File)) return { file: null };
      return { file: { name: file.name, size: file.size, text: await file.text() } };
    }),
    "upload",
  );
  return registry;
}
