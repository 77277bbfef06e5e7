// The analysis against the brute-force reference oracle (see oracle.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCharter } from "../../src/analysis/index.js";
import { analysisExitCost, buildCharter, charterSpecArb, compareWithOracle, oracleExitCost } from "./oracle.js";

const RUNS = Number(process.env.ORACLE_RUNS ?? 2000);

describe("cost(exit) agrees with the brute-force oracle", () => {
  it(`on ${RUNS} generated charters (cost and exit-entrenched verdict)`, () => {
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const d = compareWithOracle(spec);
        if (d) expect.fail(JSON.stringify(d, null, 1));
      }),
      { numRuns: RUNS },
    );
  }, Math.max(120_000, RUNS * 20));

  it("with sequences bounded at 4 steps, the oracle never finds a cheaper attack, and finds the analysis's whenever its witness has at most 4 steps", () => {
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const bounded = oracleExitCost(spec, { maxSteps: 4 });
        const full = oracleExitCost(spec);
        const an = analysisExitCost(spec);
        // Bounded search only loses attacks: it is never cheaper than the complete one.
        if (full.kind === "never") expect(bounded.kind).toBe("never");
        if (bounded.kind === "members" && full.kind === "members") expect(bounded.k).toBeGreaterThanOrEqual(full.k);
        expect(full).toEqual(an.cost);
        const cc = analyzeCharter(buildCharter(spec)).exit;
        if (cc && cc.cost.kind !== "never") {
          const rewrites = cc.witness.length - (cc.procedure ? 1 : 0); // every clause on the path is rewritten once
          if (rewrites <= 4) expect(bounded).toEqual(an.cost);
        }
      }),
      { numRuns: Math.max(200, Math.floor(RUNS / 4)) },
    );
  }, Math.max(120_000, RUNS * 20));

  it("generates the interesting shapes (seat holders, never, all members, multi-step)", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const an = analysisExitCost(spec);
        kinds.add(an.cost.kind);
        if (an.cost.kind === "members" && an.cost.k === spec.n) kinds.add("all");
      }),
      { numRuns: 500, seed: 42 },
    );
    expect([...kinds].sort()).toEqual(["all", "members", "never", "seats"]);
  });
});
