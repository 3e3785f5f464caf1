import { describe, expect, test } from "vitest";
import {
  type AuthOption,
  client,
  createContext,
  type MizanUser,
  Registry,
} from "../../src/core/index.js";

async function outcome(auth: AuthOption, user: MizanUser | null): Promise<number | "ok"> {
  const registry = new Registry();
  registry.register(
    client({ auth }, () => "ok"),
    "guarded",
  );
  try {
    return (await registry.call("guarded", createContext({ user }), {})) as "ok";
  } catch (error) {
    return (error as { status: number }).status;
  }
}

const anonymous = null;
const member: MizanUser = { id: 1 };
const staff: MizanUser = { id: 2, isStaff: true };
const superuser: MizanUser = { id: 3, isSuperuser: true };

describe("auth", () => {
  test.each([
    [true, anonymous, 401],
    [true, member, "ok"],
    ["staff", anonymous, 401],
    ["staff", member, 403],
    ["staff", staff, "ok"],
    ["staff", superuser, "ok"],
    ["superuser", anonymous, 401],
    ["superuser", member, 403],
    ["superuser", staff, 403],
    ["superuser", superuser, "ok"],
  ] as const)("auth %j with user %j → %s", async (auth, user, expected) => {
    expect(await outcome(auth, user)).toBe(expected);
  });

  test("a predicate decides; false is 403, even for anonymous users", async () => {
    const onlyId2 = (ctx: { user: MizanUser | null }) => ctx.user?.id === 2;
    expect(await outcome(onlyId2, staff)).toBe("ok");
    expect(await outcome(onlyId2, member)).toBe(403);
    expect(await outcome(onlyId2, anonymous)).toBe(403);
  });

  test("an async predicate is awaited", async () => {
    expect(await outcome(async () => true, anonymous)).toBe("ok");
    expect(await outcome(async () => false, member)).toBe(403);
  });

  test("the auth check runs before input validation", async () => {
    const registry = new Registry();
    registry.register(
      client({ auth: true }, () => "ok"),
      "guarded",
    );
    await expect(registry.call("guarded", createContext(), "not an object")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
