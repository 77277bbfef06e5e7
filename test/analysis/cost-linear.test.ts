// The analyses stay near-linear in the size of the amendment graph: doubling
// a chain of procedures costs at most ~2.3× the work (counted, not timed:
// test/helpers/work-meter.ts, imported first so that it counts).
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, expect, it } from "vitest";
import { analyzeCharter } from "../../src/analysis/index.js";
import { charter, charterOf } from "../rules/harness.js";
import { procedureChain } from "./chain.js";

afterAll(stopWorkMeter);

it("parsing, resolving and analysing a chain twice as long costs at most ~2.3× the work", () => {
  const { small, large, ratio } = doublingRatio(
    (n) => charter(procedureChain(n)),
    (text) => analyzeCharter(charterOf(text)), // parsed afresh: analyses are cached per charter
    750,
  );
  expect(ratio, `${small} → ${large} block executions`).toBeLessThan(2.3);
});
