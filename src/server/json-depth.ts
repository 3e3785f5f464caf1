const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when the JSON text nests `{`/`[` deeper than `maxDepth`. A flat scan (brackets inside
 * strings ignored) run before JSON.parse, so a 10,000-deep `[[[[…` is refused without any
 * recursion, in the parser or in later code walking the value.
 */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  if (fewOpeners(text, maxDepth)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * True when the text holds at most `limit` `{` and `[` in all (strings included), so it cannot
 * nest deeper than `limit`. Counted with `indexOf`, far cheaper than the character scan, which
 * then runs only for texts with more brackets than the limit.
 */
function fewOpeners(text: string, limit: number): boolean {
  let count = 0;
  for (const opener of ["{", "["]) {
    for (let at = text.indexOf(opener); at !== -1; at = text.indexOf(opener, at + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}
