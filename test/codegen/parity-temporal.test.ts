import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { DateField } from "../../src/forms/fields/date-field.js";
import { DateTimeField } from "../../src/forms/fields/date-time-field.js";
import { DurationField } from "../../src/forms/fields/duration-field.js";
import { TimeField } from "../../src/forms/fields/time-field.js";
import { anyString, numericText, padded, wrongTypes } from "./parity/arbitraries.js";
import { assertParity, generatedFields } from "./parity/harness.js";

const FIELDS = {
  date: new DateField(),
  date_optional: new DateField({ required: false, inputFormats: ["%d/%m/%Y", "%Y-%m-%d"] }),
  time: new TimeField(),
  time_formats: new TimeField({ inputFormats: ["%I:%M %p"], required: false }),
  datetime: new DateTimeField(),
  duration: new DurationField(),
  duration_optional: new DurationField({ required: false }),
};

const date = fc.date({
  min: new Date("0001-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const pad2 = (n: number) => String(n).padStart(2, "0");
const parts = fc.tuple(
  fc.integer({ min: 0, max: 10000 }),
  fc.integer({ min: 0, max: 13 }),
  fc.integer({ min: 0, max: 32 }),
);
const dateText = fc.oneof(
  date.map((d) => d.toISOString().slice(0, 10)),
  date.map((d) => d.toISOString()),
  date.map((d) => d.toISOString().replace("T", " ").replace("Z", "+05:30")),
  parts.map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
  parts.map(([y, m, d]) => `${pad2(d)}/${pad2(m)}/${y}`),
  fc.constantFrom(
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "10/25/06",
    "10/25/2006",
    "2006-10-25 14:30:59.000200",
    "2006-10-25T14:30Z",
    "14:30",
    "14:30:59",
    "4:25 PM",
    "25:00",
    "12:60",
    "2014-09-23T22:34:41.614804+05:30",
  ),
);
const timeText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
    )
    .map(([h, m, s]) => `${pad2(h)}:${pad2(m)}:${pad2(s)}`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom("AM", "PM", "am", "pm", ""),
    )
    .map(([h, m, p]) => `${h}:${pad2(m)} ${p}`),
  fc.constantFrom("14:30:59.000200", "14:30:59.1234567", "4:25 PM", "16:25", "24:00", "00:00"),
);
const durationText = fc.oneof(
  numericText,
  fc.constantFrom(
    "1 day, 2:03:04",
    "-1 day, 23:59:59",
    "P1DT2H",
    "PT1H30M",
    "P-1D",
    "1 2:03:04.000005",
    "30",
    "1:00:00",
    "99999999 00:00:00",
    "1000000000 days",
    "P1W",
    "-P1DT1H",
  ),
  fc
    .tuple(
      fc.integer({ min: -1000, max: 1000000000 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 70 }),
    )
    .map(([d, h, m]) => `${d} ${h}:${pad2(m)}:00`),
);
const temporal = fc.oneof(dateText, padded(dateText), timeText, anyString, wrongTypes, date);

const INPUTS: Record<keyof typeof FIELDS, fc.Arbitrary<unknown>> = {
  date: temporal,
  date_optional: temporal,
  time: fc.oneof(temporal, timeText),
  time_formats: fc.oneof(temporal, timeText),
  datetime: temporal,
  duration: fc.oneof(durationText, padded(durationText), anyString, wrongTypes),
  duration_optional: fc.oneof(durationText, anyString, wrongTypes),
};

let schemas: Record<string, z.ZodType>;
let cases = 0;
beforeAll(async () => {
  schemas = await generatedFields("parity_temporal", FIELDS);
}, 60_000);

describe("parity: date, time, datetime and duration fields (generated Zod vs field.clean())", () => {
  test.each(Object.keys(FIELDS) as Array<keyof typeof FIELDS>)("%s", (name) => {
    cases += assertParity(FIELDS[name], schemas[name] as z.ZodType, INPUTS[name]);
  });

  test("every case ran", () => {
    expect(cases).toBeGreaterThanOrEqual(Object.keys(FIELDS).length * 1000);
  });
});
