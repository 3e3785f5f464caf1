import fc from "fast-check";
import {
  anyString,
  aroundLength,
  aroundNumber,
  numericText,
  padded,
  wrongTypes,
} from "./arbitraries.js";

type Node = Record<string, unknown>;

const junk: fc.Arbitrary<unknown> = fc.oneof(wrongTypes, anyString);
const booleanish = fc.constantFrom(
  true,
  false,
  "on",
  "true",
  "false",
  "False",
  "0",
  "",
  null,
  "2",
  "3",
);
const file = fc
  .tuple(
    fc.constantFrom("me.png", "cat.gif", "doc.pdf", "", "x".repeat(120)),
    fc.constantFrom(0, 1, 1000, 200 * 1024, 200 * 1024 + 1),
    fc.constantFrom("image/png", "image/jpeg", "image/gif", "application/pdf", ""),
  )
  .map(([name, size, type]) => new File([new Uint8Array(size)], name, { type }));
const dateText = fc.oneof(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2024-02-29", "2023-02-29", "10/25/2006", "2006-13-01", "tomorrow"),
);

function numberLimits(node: Node): number[] {
  const limits: number[] = [];
  for (const spec of (node["x-mizan-rules"] as
    | Array<{ params?: { limit_value?: unknown } }>
    | undefined) ?? []) {
    const limit = Number(spec.params?.limit_value);
    if (Number.isFinite(limit)) limits.push(limit);
  }
  return limits;
}

function good(node: Node): fc.Arbitrary<unknown> {
  const kind = String(node["x-mizan-field"] ?? "");
  const limits = numberLimits(node);
  const near = (make: (n: number) => fc.Arbitrary<unknown>) =>
    limits.length ? fc.oneof(...limits.map(make)) : fc.constant("");
  switch (kind) {
    case "FormField":
      return fc.oneof(
        { weight: 5, arbitrary: formArbitrary(node) },
        { weight: 1, arbitrary: junk },
      );
    case "FormSet":
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(formArbitrary(node.items as Node), { maxLength: 7 }) },
        { weight: 1, arbitrary: fc.oneof(junk, fc.array(junk, { maxLength: 2 })) },
      );
    case "IntegerField":
    case "FloatField":
    case "DecimalField":
      return fc.oneof(
        numericText,
        near((n) => aroundNumber(n)),
        fc.integer({ min: -5, max: 200 }),
      );
    case "BooleanField":
    case "NullBooleanField":
      return booleanish;
    case "ChoiceField":
    case "TypedChoiceField": {
      const values = (node.enum as string[] | undefined) ?? [];
      return values.length
        ? fc.oneof(
            fc.constantFrom(...values),
            fc.constantFrom(...values).map((v) => v.toUpperCase()),
          )
        : anyString;
    }
    case "EmailField":
      return fc.oneof(fc.emailAddress(), padded(fc.emailAddress()), near(aroundLength));
    case "DateField":
      return dateText;
    case "FileField":
    case "ImageField":
      return fc.oneof(file, fc.constantFrom(false, null));
    default:
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        near(aroundLength),
        fc.stringMatching(/^[a-z]{1,12}$/),
      );
  }
}

/** Submissions for a form node: each field from its own family, sometimes junk or absent. */
export function formArbitrary(node: Node): fc.Arbitrary<Record<string, unknown>> {
  const properties = (node.properties ?? {}) as Record<string, Node>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) {
    shape[key] = fc.oneof({ weight: 5, arbitrary: good(child) }, { weight: 1, arbitrary: junk });
  }
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}
