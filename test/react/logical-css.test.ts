import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/imports.js";

// The style sheets lay out by writing direction, never by side: logical properties
// (margin-inline-start, padding-block, inset-inline-end, float: inline-end...) so that a form
// in a right-to-left language is mirrored by `dir="rtl"` alone.

const SHEETS = ["react/mizan.css", "examples/demo/client/src/styles.css"];

/** Shorthands whose 2-4 values name physical sides (top, right, bottom, left) or corners. */
const SIDED_SHORTHANDS = new Set([
  "margin",
  "padding",
  "inset",
  "border-width",
  "border-style",
  "border-color",
  "border-radius",
  "scroll-margin",
  "scroll-padding",
]);

interface Declaration {
  property: string;
  value: string;
  line: number;
}

/** Every `property: value` of a style sheet (comments removed), with its line number. */
function declarations(css: string): Declaration[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const out: Declaration[] = [];
  for (const match of text.matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)) {
    const line = text.slice(0, match.index).split("\n").length;
    out.push({ property: match[1] as string, value: (match[2] as string).trim(), line });
  }
  return out;
}

/** What is physical about a declaration, or null. */
function physical({ property, value }: Declaration): string | null {
  if (/(^|-)(left|right|top|bottom)(-|$)/.test(property)) return `property ${property}`;
  if (/\b(left|right)\b/.test(value)) return `value ${value}`;
  if (SIDED_SHORTHANDS.has(property) && value.split(/\s+/).length > 1) {
    return `${property} with per-side values (${value})`;
  }
  return null;
}

describe.each(SHEETS)("%s", (sheet) => {
  test("uses logical properties only", () => {
    const found = declarations(readFileSync(`${repoRoot}/${sheet}`, "utf8"));
    expect(found.length).toBeGreaterThan(10);
    const wrong = found.flatMap((d) => {
      const why = physical(d);
      return why ? [`line ${d.line}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});

test("the check reports each kind of physical declaration", () => {
  const css = `a { margin-left: 1px; text-align: right; padding: 1px 2px; inset: 0; }
b { border-top-color: red; float: left; padding-inline-start: 1px; border-radius: 1px 0 0 1px; }`;
  const flagged = declarations(css).filter((d) => physical(d) !== null);
  expect(flagged.map((d) => d.property)).toEqual([
    "margin-left",
    "text-align",
    "padding",
    "border-top-color",
    "float",
    "border-radius",
  ]);
});
