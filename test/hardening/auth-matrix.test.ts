import { describe, expect, test } from "vitest";
import { createInProcessClient, isMizanClientError } from "../../src/client/index.js";
import type { AuthOption } from "../../src/core/auth.js";
import type { MizanUser, RequestContext } from "../../src/core/index.js";
import { client, Registry } from "../../src/core/index.js";
import { CharField } from "../../src/forms/fields/char-field.js";
import { Form } from "../../src/forms/form.js";
import { formMeta } from "../../src/forms/form-meta.js";
import { createHandler } from "../../src/server/index.js";

type Caller = "anonymous" | "user" | "staff" | "superuser";

const USERS: Record<Caller, MizanUser | null> = {
  anonymous: null,
  user: { id: 1 },
  staff: { id: 2, isStaff: true },
  superuser: { id: 3, isSuperuser: true },
};

/** Only the plain user (id 1) passes the callable; it says nothing about being signed in. */
const onlyUserOne = (ctx: RequestContext) => ctx.user?.id === 1;

const OPTIONS: Array<[string, AuthOption | undefined, Record<Caller, number>]> = [
  ["none", undefined, { anonymous: 200, user: 200, staff: 200, superuser: 200 }],
  ["true", true, { anonymous: 401, user: 200, staff: 200, superuser: 200 }],
  ['"staff"', "staff", { anonymous: 401, user: 403, staff: 200, superuser: 200 }],
  ['"superuser"', "superuser", { anonymous: 401, user: 403, staff: 403, superuser: 200 }],
  ["a callable", onlyUserOne, { anonymous: 403, user: 200, staff: 403, superuser: 403 }],
];

const CODES: Record<number, string> = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN" };
const ran: string[] = [];

function formFor(name: string, auth: AuthOption | undefined) {
  return class extends Form {
    static override meta = formMeta({ name, ...(auth !== undefined && { auth }) });
    title = new CharField({ maxLength: 20 });
    onSubmitSuccess() {
      ran.push(`${name}.submit`);
      return { ok: true };
    }
  };
}

const registry = new Registry();
OPTIONS.forEach(([, auth], i) => {
  registry.register(formFor(`guarded${i}`, auth));
  registry.register(
    client({ ...(auth !== undefined && { auth }) }, () => {
      ran.push(`plain${i}`);
      return "ran";
    }),
    `plain${i}`,
  );
});

const CALLS: Array<[string, (i: number) => [string, unknown]]> = [
  ["schema", (i) => [`guarded${i}.schema`, {}]],
  ["validate", (i) => [`guarded${i}.validate`, { data: { title: "Ada" } }]],
  ["submit", (i) => [`guarded${i}.submit`, { data: { title: "Ada" } }]],
  ["a plain function", (i) => [`plain${i}`, {}]],
];

const handler = createHandler({
  registry,
  getUser: (request) => USERS[(request.headers.get("x-test-user") ?? "anonymous") as Caller],
  onError: (error) => {
    throw error;
  },
});

const matrix = OPTIONS.flatMap(([label, , expected], i) =>
  CALLS.flatMap(([kind, call]) =>
    (Object.keys(USERS) as Caller[]).map(
      (caller) => [label, kind, caller, expected[caller], i, call] as const,
    ),
  ),
);

describe("auth matrix over HTTP: every auth option × caller × function", () => {
  test.each(matrix)("auth %s, %s, %s → %i", async (_label, _kind, caller, status, i, call) => {
    const [fn, args] = call(i);
    ran.length = 0;
    const response = await handler(
      new Request("http://test.local/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json", "x-test-user": caller },
        body: JSON.stringify({ fn, args }),
      }),
    );
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error?: { code: string } };
    if (status === 200) {
      expect(body).toHaveProperty("result");
    } else {
      expect(body.error?.code).toBe(CODES[status]);
      // Refused before anything ran.
      expect(ran).toEqual([]);
    }
  });

  test("auth is checked before the data: an anonymous caller with bad data gets 401, not 422", async () => {
    const response = await handler(
      new Request("http://test.local/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fn: "guarded1.submit", args: { data: { title: 42 } } }),
      }),
    );
    expect(response.status).toBe(401);
  });

  test("a user object claiming flags through __proto__ gets no privileges", async () => {
    const sneaky = createHandler({
      registry,
      getUser: () => JSON.parse('{"id":9,"__proto__":{"isStaff":true,"isSuperuser":true}}'),
    });
    const response = await sneaky(
      new Request("http://test.local/api/mizan/call/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fn: "plain2", args: {} }),
      }),
    );
    expect(response.status).toBe(403);
  });
});

describe("the same matrix in process (Storybook, tests, SSR)", () => {
  test.each(matrix)("auth %s, %s, %s → %i", async (_label, _kind, caller, status, i, call) => {
    const [fn, args] = call(i);
    const api = createInProcessClient({ registry, getUser: () => USERS[caller] });
    const outcome = await api.call(fn, args).then(
      () => 200,
      (error: unknown) => (isMizanClientError(error) ? error.status : -1),
    );
    expect(outcome).toBe(status);
  });
});
