// Doubling tests: lexing and parsing an input twice as long costs at most
// ~2.3× the work (quadratic would be 4×). Work is counted, not timed
// (test/helpers/work-meter.ts, imported first so that it counts): a count is
// the same on every run, where a timing on a shared 2-core machine swings by
// 2–3× with the garbage collector. `npm run bench` times the same inputs.
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, describe, expect, test } from "vitest";
import { parseUnchecked } from "../../src/lower/index.js";
import { tokenize } from "../../src/syntax/index.js";
import { specExample } from "./helpers.js";

afterAll(stopWorkMeter);

const ex = specExample();
const inputs: Record<string, (n: number) => string> = {
  "spec example": (n) => ex.repeat(Math.ceil(n / ex.length)).slice(0, n),
  "{": (n) => "{".repeat(n),
  '"': (n) => '"'.repeat(n),
  "/*": (n) => "/*".repeat(n / 2),
  '"""': (n) => '"""'.repeat(n / 3),
  '""" (odd count)': (n) => '"""'.repeat(n / 3 + 1),
  "unterminated strings": (n) => '"abc\n'.repeat(n / 5),
  "unterminated string first": (n) => '"' + ex.repeat(Math.ceil(n / ex.length)).slice(0, n - 1),
  identifiers: (n) => "abc ".repeat(n / 4),
  "bad characters": (n) => "@@ x ".repeat(n / 5),
  "lone surrogates": (n) => "\uD800".repeat(n),
  commas: (n) => "a: " + ",".repeat(n - 3),
  "digits and blanks": (n) => "1 \t".repeat(n / 3),
};
const stages: Record<string, (text: string) => unknown> = {
  lex: tokenize,
  parse: (text) => parseUnchecked(text, "t.charter"),
};

// Characters; divisible by every repeat length above, so n and 2n hold whole
// repeats and the same parity (an odd run of `"""` leaves a prose block open).
const N = 30 * 1024;
describe("lexing and parsing grow linearly (work(2n) / work(n), n = 30 K characters)", () => {
  for (const [stage, f] of Object.entries(stages)) {
    for (const [name, make] of Object.entries(inputs)) {
      test(`${stage} ${name}`, () => {
        const { small, large, ratio } = doublingRatio(make, f, N);
        expect(small).toBeGreaterThan(0);
        expect(ratio, `${small} → ${large} block executions`).toBeLessThan(2.3);
      });
    }
  }
});
