import { z } from "zod";
import { client, Registry, type RequestContext } from "../../src/core/index.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { ValidationError } from "../../src/forms/validation-error.js";

export const SECRET = "s3cr3t-context-password";

type TestUser = { id: number; name: string };

/** A form whose submit invalidates currentUser (declared) and, at run time, greet. */
class ProfileForm extends Form {
  static override meta = formMeta({ name: "profile", invalidates: ["currentUser"] });
  name = new CharField({ maxLength: 50 });

  override clean(ctx: RequestContext) {
    ctx.invalidate("cleanSaw", { name: String(this.cleanedData.name ?? "") });
    if (this.cleanedData.name === "bad")
      throw new ValidationError("Not that name.", { code: "bad" });
  }

  onSubmitSuccess(ctx: RequestContext, data: { name: string }) {
    ctx.invalidate("greet", { name: data.name });
    ctx.merge("currentUser", { id: 1, name: data.name });
    if (data.name === "late") throw new ValidationError("Refused after all.", { code: "late" });
    return { saved: data.name };
  }
}

/**
 * `currentUser` (global) and `greet` (local) contexts, plain functions, and functions that
 * invalidate or merge contexts, for the context tests.
 */
export function contextRegistry(): Registry {
  const registry = new Registry();
  registry.register(
    client(
      { context: "global", output: z.object({ id: z.number(), name: z.string() }).nullable() },
      (ctx) =>
        ctx.user ? { id: (ctx.user as TestUser).id, name: (ctx.user as TestUser).name } : null,
    ),
    "currentUser",
  );
  registry.register(
    client(
      { context: "local", input: z.object({ name: z.string().min(1) }) },
      (_ctx, { name }) => ({ message: `Hello, ${name}` }),
    ),
    "greet",
  );
  registry.register(
    client({ context: "global", auth: true }, (ctx) => ({ id: ctx.user?.id ?? null })),
    "session",
  );
  registry.register(
    client({ context: "global" }, () => {
      throw new Error(SECRET);
    }),
    "broken",
  );
  registry.register(
    client((_ctx, args) => args),
    "plain",
  );
  registry.register(
    client({ invalidates: ["currentUser"] }, () => ({ ok: true })),
    "logout",
  );
  registry.register(
    client({ invalidates: ["currentUser", "greet"] }, (ctx) => {
      ctx.invalidate("currentUser");
      ctx.invalidate("greet", { name: "Ada" });
      ctx.invalidate("greet", { name: "Ada" });
      ctx.merge("currentUser", { id: 1, name: "first" });
      ctx.merge("currentUser", { id: 1, name: "second" });
      ctx.merge("greet", { message: "Hi" }, { name: "Bo" });
      return "done";
    }),
    "rename",
  );
  registry.register(
    client({ invalidates: ["currentUser"] }, (ctx) => {
      ctx.invalidate("greet");
      throw new Error("failed after invalidating");
    }),
    "failing",
  );
  registry.register(
    client({ invalidates: ["currentUser"] }, (ctx) => {
      ctx.merge("greet", "x", { name: "Ada" });
      return new Response("bye", { headers: { "content-type": "text/plain" } });
    }),
    "download",
  );
  registry.register(ProfileForm);
  return registry;
}
