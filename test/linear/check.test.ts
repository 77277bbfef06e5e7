// `check` costs linear work on every shape of the zoo (bench/shapes.mjs):
// doubling the input at most 2.1× the counted work (block executions, counted
// by V8's precise coverage — test/helpers/work-meter.ts, imported first so
// that it counts; nothing is timed). A quadratic path fails here, not only in
// `npm run bench`.
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, describe, expect, it } from "vitest";
import { SHAPES } from "../../bench/shapes.mjs";
import { checkFiles } from "../helpers/memory-host.js";

afterAll(stopWorkMeter);

describe("check does linear work on every shape of the zoo", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (!shape.commands.includes("check")) continue;
    it(`${name} (${shape.testN} → ${2 * shape.testN})`, () => {
      const { small, large, ratio } = doublingRatio(
        (n) => shape.make(n),
        (input) => checkFiles(input.files, input.entries), // parsed afresh each time: no cache is shared
        shape.testN,
      );
      if (process.env.LINEAR_REPORT) console.log(`${name}: ${ratio.toFixed(3)}`);
      expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(2.1);
    });
  }
});
