// The fast "did you mean" index must answer exactly as `suggest()` does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../../src/text/suggest.js";
import { Suggester, myers } from "../../src/semantics/suggest-index.js";

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,14}$/);
const near = (base: string) => fc.tuple(fc.nat(base.length), fc.constantFrom("", "a", "X", "-", "1")).map(([i, s]) => base.slice(0, i) + s + base.slice(i + 1));

function peqOf(p: string): [Int32Array, Map<number, number>] {
  const ascii = new Int32Array(128);
  const wide = new Map<number, number>();
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 128) ascii[c]! |= 1 << i;
    else wide.set(c, (wide.get(c) ?? 0) | (1 << i));
  }
  return [ascii, wide];
}

describe("Suggester", () => {
  it("computes the Levenshtein distance for patterns up to 32 code units", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 32, unit: "binary" }), fc.string({ maxLength: 40, unit: "binary" }), (a, b) => {
        expect(myers(...peqOf(a), a.length, b)).toBe(editDistance(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it("suggests what suggest() suggests", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 40 }),
        name,
        fc.nat(),
        (names, other, pickAt) => {
          const base = names.length > 0 ? names[pickAt % names.length]! : other;
          const words = [other, base, base.toUpperCase(), base.slice(1), `${base}x`, fc.sample(near(base), { numRuns: 1, seed: pickAt })[0]!];
          const s = new Suggester(names, 0);
          for (const w of words) expect(s.suggest(w)).toBe(suggest(w, names));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("handles the cases suggest() special-cases: empty and very long words, case-only differences", () => {
    const names = ["ordinary", "Ordinary", "assembly", "x".repeat(40), "decision-9993", "decision-9994"];
    const s = new Suggester(names, 0);
    for (const w of ["", "ORDINARY", "ordinary", "x".repeat(39), "decision-999", "decision-9995", "zzz"]) expect(s.suggest(w)).toBe(suggest(w, names));
    expect(s.suggest("decision-9995")).toBe("decision-9993");
  });

  it("agrees with suggest() over thousands of similar names", () => {
    const names = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `decision-${i}` : i % 3 === 1 ? `Body_${i}` : `d${i}x`));
    const s = new Suggester(names);
    for (const w of ["decision-15", "decisoin-300", "body_1", "BODY_4", "d3x", "d30000x", "decision-29999", "zz", "decision"]) expect(s.suggest(w)).toBe(suggest(w, names));
  });
});
