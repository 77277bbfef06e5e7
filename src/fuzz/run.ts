// The fuzz loop: families of inputs, each checked against the invariants
// (invariants.ts) by fast-check, which shrinks any failure to a small input.
// Used by `npm run fuzz` (main.ts) and the fixed-seed slice in `npm test`.
import fc from "fast-check";
import { applyMutations, mutated, rawText, validCharter } from "./arbitraries.js";
import { checkFormatter, checkInvariants, DEFAULT_TIME_BOUND_MS, runPipeline, type Failure } from "./invariants.js";
import { analysisExitCost, charterSpecArb, compareWithOracle, type CharterSpec } from "../../test/analysis/oracle.js";
import { renderSpec } from "../../test/analysis/render.js";

export type Family = "valid" | "mutated" | "raw" | "analysis";

/** Share of the inputs each family gets. */
// The analysis share gives the oracle ≥ 100,000 charters in a default run of 1,000,000 (issue 3).
export const FAMILY_SHARES: Readonly<Record<Family, number>> = { valid: 0.3, mutated: 0.4, raw: 0.2, analysis: 0.1 };

export interface FoundFailure extends Failure {
  readonly family: Family;
  /** The shrunk input, as charter text. */
  readonly input: string;
  readonly seed: number;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  /** Texts to mutate (charters/ and test fixtures). */
  readonly corpus: readonly string[];
  readonly timeBoundMs?: number;
  /** Runs per fast-check call (progress is reported between chunks). */
  readonly chunk?: number;
  /** Stop after this many failures (default 20). */
  readonly maxFailures?: number;
  readonly onProgress?: (done: number, report: FuzzReport) => void;
}

export interface FuzzReport {
  readonly seed: number;
  runs: number;
  readonly byFamily: Record<Family, number>;
  /** Valid-family inputs that parsed (the formatter's invariants were checked on these). */
  formatted: number;
  readonly failures: FoundFailure[];
  slowestMs: number;
  slowestInput: string;
  elapsedMs: number;
}

/** Run `count` inputs split across the families; resolves with what was found. */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const bound = opts.timeBoundMs ?? DEFAULT_TIME_BOUND_MS;
  const chunk = opts.chunk ?? 5000;
  const maxFailures = opts.maxFailures ?? 20;
  const report: FuzzReport = {
    seed: opts.seed,
    runs: 0,
    byFamily: { valid: 0, mutated: 0, raw: 0, analysis: 0 },
    formatted: 0,
    failures: [],
    slowestMs: 0,
    slowestInput: "",
    elapsedMs: 0,
  };
  const t0 = performance.now();
  const note = (text: string, ms: number) => {
    if (ms > report.slowestMs) {
      report.slowestMs = ms;
      report.slowestInput = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    }
  };
  const syncProp = (text: string): Failure | null => {
    const r = checkInvariants(text, bound);
    note(text, r.ms);
    return r.failure;
  };

  const families: Family[] = ["mutated", "raw", "valid", "analysis"];
  const plan = families.map((f) => ({ family: f, total: Math.round(opts.count * FAMILY_SHARES[f]) }));
  const mutatedArb = mutated(opts.corpus);
  let chunkIndex = 0;
  // Interleave the families chunk by chunk so a partial run covers all of them.
  for (;;) {
    let any = false;
    for (const p of plan) {
      const done = report.byFamily[p.family];
      if (done >= p.total) continue;
      any = true;
      const n = Math.min(chunk, p.total - done);
      const seed = (opts.seed + 7919 * chunkIndex++) | 0;
      const found = await runChunk(p.family, n, seed, mutatedArb, syncProp, report);
      report.byFamily[p.family] += n;
      report.runs += n;
      if (found) report.failures.push({ ...found, family: p.family, seed });
      if (report.failures.length >= maxFailures) {
        report.elapsedMs = performance.now() - t0;
        return report;
      }
    }
    report.elapsedMs = performance.now() - t0;
    opts.onProgress?.(report.runs, report);
    if (!any) return report;
  }
}

async function runChunk(
  family: Family,
  numRuns: number,
  seed: number,
  mutatedArb: fc.Arbitrary<string>,
  syncProp: (text: string) => Failure | null,
  report: FuzzReport,
): Promise<(Failure & { input: string }) | null> {
  let last: Failure | null = null;
  const params = { numRuns, seed, endOnFailure: false, verbose: 0 } as const;
  if (family === "mutated" || family === "raw") {
    const arb = family === "raw" ? rawText : mutatedArb;
    const out = fc.check(
      fc.property(arb, (text) => {
        last = syncProp(text);
        return last === null;
      }),
      params,
    );
    if (!out.failed || !out.counterexample) return null;
    const input = out.counterexample[0];
    return { ...(syncProp(input) ?? last ?? { kind: "crash", message: String(out.errorInstance) }), input };
  }
  if (family === "valid") {
    const check = async (text: string): Promise<Failure | null> => {
      const r = checkInvariants(text);
      if (r.failure) return r.failure;
      if (!r.parses) return null;
      report.formatted++;
      return checkFormatter(text);
    };
    const out = await fc.check(
      fc.asyncProperty(validCharter, async (text) => {
        last = await check(text);
        return last === null;
      }),
      params,
    );
    if (!out.failed || !out.counterexample) return null;
    const input = out.counterexample[0];
    return { ...((await check(input)) ?? last ?? { kind: "crash", message: String(out.errorInstance) }), input };
  }
  // analysis: the brute-force oracle of test/analysis agrees with cost(exit),
  // and the whole pipeline from text agrees with the analysis on the model.
  const analysisProp = (spec: CharterSpec): Failure | null => {
    const d = compareWithOracle(spec);
    if (d) return { kind: "analysis", message: `analysis disagrees with the oracle: analysis ${JSON.stringify(d.analysis)} vs oracle ${JSON.stringify(d.oracle)}` };
    const text = renderSpec(spec);
    const sync = syncProp(text);
    if (sync) return sync;
    const file = runPipeline(text).result.files[0];
    const holds = file?.properties?.["exit-entrenched"]?.holds;
    const expected = analysisExitCost(spec).entrenched;
    if (holds !== expected) return { kind: "analysis", message: `exit-entrenched from text is ${String(holds)}, from the model ${String(expected)}` };
    return null;
  };
  const out = fc.check(
    fc.property(charterSpecArb, (spec) => {
      last = analysisProp(spec);
      return last === null;
    }),
    params,
  );
  if (!out.failed || !out.counterexample) return null;
  const spec = out.counterexample[0];
  const f = analysisProp(spec) ?? last ?? { kind: "crash" as const, message: String(out.errorInstance) };
  return { kind: f.kind, message: `${f.message}\nspec: ${JSON.stringify(spec)}`, input: renderSpec(spec) };
}

export { applyMutations };
