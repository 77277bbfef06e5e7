// Each regex token's `start_chars_hint` (src/syntax/lexer.ts) must name every
// code unit its pattern can start a match with: chevrotain tries a pattern
// only at the characters its hint names, so a missing one would silently
// mis-lex. Checked over all 65,536 code units, each followed by suffixes
// that let every pattern of the lexer complete.
import { expect, test } from "vitest";
import { lexerTokens } from "../../src/syntax/lexer.js";

const SUFFIXES = ["", " ", "1", "a", "/", "/1", "%", ".5%", " days", "0 days", "/x"];

for (const t of lexerTokens) {
  const pattern = t.PATTERN;
  if (!(pattern instanceof RegExp)) continue;
  test(`${t.name}: start_chars_hint covers ${pattern}`, () => {
    const hint = new Set((t.START_CHARS_HINT ?? []).map((c) => (typeof c === "string" ? c.charCodeAt(0) : c)));
    const anchored = new RegExp(`^(?:${pattern.source})`, pattern.flags);
    const starts: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (SUFFIXES.some((s) => anchored.test(ch + s))) starts.push(c);
    }
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.filter((c) => !hint.has(c)).map((c) => c.toString(16))).toEqual([]);
    expect([...hint].filter((c) => !starts.includes(c)).map((c) => c.toString(16))).toEqual([]);
  });
}
