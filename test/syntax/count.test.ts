// The token counter that enforces MAX_CHARTER_TOKENS before lexing must count
// exactly what the lexer produces (comments included), on every input.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokens } from "../../src/syntax/count.js";
import { lex } from "../../src/syntax/lexer.js";

const lexed = (text: string) => {
  const r = lex(text);
  return r.tokens.length + r.comments.length;
};

function charterFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) charterFiles(p, out);
    else if (e.name.endsWith(".charter")) out.push(p);
  }
  return out;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("countTokens agrees with the lexer", () => {
  it("on every charter in the repository", () => {
    const files = [...charterFiles(path.join(ROOT, "charters")), ...charterFiles(path.join(ROOT, "test"))];
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      expect(countTokens(text, Infinity).count, f).toBe(lexed(text));
    }
  });

  it("on token soup with the tricky cases (durations, fractions, escapes, unterminated delimiters)", () => {
    const atoms = ["30 days", "30\tday", "1.5 weeks", "2 years-x", "3 dayss", "2/3", "1.5/3", "50%", "5.", "1.2.3", "x-y_z", "_a", "-", "{", "}", ":", ",", ";", "/", "//c\n", "/* c */", "/* open", '"s"', '"a\\"b"', '"open\n', '"\\', '"""p"""', '"""open', " ", "\n", "\r", "\t", "\u00a0", "\u2028", "\ufeff", "é", "\ud800", "days"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(countTokens(text, Infinity).count).toBe(lexed(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("stops at the first token past the limit and gives its offset", () => {
    expect(countTokens("a b c d", 2)).toEqual({ count: 3, overAt: 4 });
    expect(countTokens("a b", 2)).toEqual({ count: 2, overAt: null });
  });
});
