// The front end stays linear on hostile shapes: doubling an input costs at
// most ~2.3× the work. The work meter is imported first, so it counts.
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, describe, expect, it } from "vitest";
import { parseUnchecked } from "../../src/lower/index.js";
import { DOUBLING_SHAPES } from "../../bench/doubling-shapes.mjs";

// Lexing, parsing and lowering (the stages that see raw text) on hostile
// shapes. Measured as counted work (test/helpers/work-meter.ts), not time:
// the count is the same on every run, so the bound can be the issue's
// ~2.3× per doubling and still never flake; a quadratic stage gives ~4×.
// The same doublings are timed, collector and regex engine included, by
// `npm run bench` (bench/results.md, "Doubling").
describe("the front end stays linear", () => {
  afterAll(stopWorkMeter);
  for (const [name, make] of Object.entries(DOUBLING_SHAPES)) {
    it(`${name}: doubling the input costs at most ~2.3× the work`, () => {
      const { small, large, ratio } = doublingRatio(make, (text) => parseUnchecked(text, "a.charter"), 20_000);
      expect(small).toBeGreaterThan(20_000); // the meter saw the parse
      expect(ratio, `${small} → ${large} block executions`).toBeLessThan(2.3);
    });
  }
  it("the meter tells quadratic work from linear", () => {
    const quadratic = (n: number) => {
      let x = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x += j;
      return x;
    };
    expect(doublingRatio((n) => n, quadratic, 500).ratio).toBeGreaterThan(3.9);
    expect(doublingRatio((n) => "x".repeat(n), (t) => [...t].map((c) => c + c), 500).ratio).toBeLessThan(2.1);
  });
});
