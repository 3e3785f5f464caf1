import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { generate } from "../../src/codegen/index.js";
import {
  CharField,
  FilePathField,
  Form,
  formMeta,
  ImageField,
  MultiValueField,
  Registry,
  SplitDateTimeField,
} from "../../src/index.js";
import { clientVerdict, generatedFields, serverVerdict } from "./parity/harness.js";

/** A MultiValueField written outside mizan states its parts' types through the API. */
class PhoneField extends MultiValueField<string> {
  constructor() {
    super([new CharField({ maxLength: 3 }), new CharField()]);
  }
  override compress(parts: unknown[]): string {
    return parts.join("-");
  }
  protected override inputType(): string {
    return '[string, string] | "" | null';
  }
  protected override cleanedType(): string {
    return "[string, string]";
  }
}

let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mizan-new-fields-"));
  await writeFile(join(dir, "a.txt"), "");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function eventForm() {
  class EventForm extends Form<EventForm> {
    static override meta = formMeta({ name: "event" });
    starts = new SplitDateTimeField();
    ends = new SplitDateTimeField({ required: false });
    poster = new ImageField();
    thumbnail = new ImageField({ required: false });
    attachment = new FilePathField({ path: `${dir}/`, required: false });
    phone = new PhoneField();
  }
  return EventForm;
}

describe("the generator types the new fields from what they state", () => {
  test("field<output, input> per field, and server_rules for each", () => {
    const registry = new Registry();
    registry.register(eventForm());
    const manifest = registry.manifest();
    const file = generate(manifest, { hooks: false }).find((f) => f.path === "forms/event.ts");
    // One line per field call, whatever the formatter's line breaks.
    const text = (file?.contents ?? "")
      .replace(/\s+/g, " ")
      .replace(/< /g, "<")
      .replace(/,? >\(/g, ">(");
    const tuple = "[string | Date | null, string | Date | null]";
    expect(text).toContain(`starts: field<${tuple}, ${tuple} | "" | null>(`);
    expect(text).toContain(`ends: field<${tuple} | "" | null, ${tuple} | "" | null>(`);
    expect(text).toContain("poster: field<File, File | null | false>(");
    expect(text).toContain("thumbnail: field<File | false | null, File | null | false>(");
    expect(text).toContain("attachment: field<string, string>(");
    expect(text).toContain('phone: field<[string, string], [string, string] | "" | null>(');
    // No server path reaches the generated rules or types.
    expect(text).not.toMatch(/field<[^>]*a\.txt/);
    const fields = (manifest.forms.event as { fields: Record<string, { server_rules?: boolean }> })
      .fields;
    for (const name of ["starts", "ends", "poster", "thumbnail", "attachment", "phone"]) {
      expect(fields[name]?.server_rules, name).toBe(true);
    }
  });
});

describe("what the generated client does with them", () => {
  let schemas: Record<string, z.ZodType> = {};
  beforeAll(async () => {
    schemas = await generatedFields("new_fields", {
      starts: new SplitDateTimeField(),
      ends: new SplitDateTimeField({ required: false }),
      attachment: new FilePathField({ path: `${dir}/`, required: false }),
    });
  });

  // SplitDateTimeField: the browser reports "required" where the server does, and otherwise
  // keeps the parts for the server (which parses them: x-mizan-server-rules).
  test.each([
    [null, false],
    ["", false],
    [[], false],
    [["2006-01-10", "07:30"], true],
    [["hello", "there"], true],
  ])("SplitDateTimeField, browser on %j", (input, passes) => {
    const client = clientVerdict(schemas.starts as z.ZodType, input);
    const server = serverVerdict(new SplitDateTimeField(), input);
    if (passes) {
      expect(client).toEqual({ ok: true, value: input });
    } else {
      expect(client).toEqual(server);
    }
  });

  test("an optional SplitDateTimeField passes empty input through", () => {
    expect(clientVerdict(schemas.ends as z.ZodType, null)).toEqual({ ok: true, value: null });
    expect(clientVerdict(schemas.ends as z.ZodType, ["", ""])).toEqual({
      ok: true,
      value: ["", ""],
    });
  });

  test("FilePathField: the browser does not check the choice against server paths", () => {
    expect(clientVerdict(schemas.attachment as z.ZodType, "/elsewhere/x")).toEqual({
      ok: true,
      value: "/elsewhere/x",
    });
    const field = new FilePathField({ path: `${dir}/`, required: false });
    expect(serverVerdict(field, "/elsewhere/x")).toMatchObject({
      ok: false,
      errors: [{ code: "invalid_choice" }],
    });
  });
});
