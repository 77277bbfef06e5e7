// The fixed-seed slice of the fuzzer that runs in `npm test` (issue 8):
// ≈ 20,000 inputs across the four families, zero failures allowed.
// `npm run fuzz -- --seed N --count N` runs the same loop at any size.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/fuzz/corpus.js";
import { FAMILY_SHARES, runFuzz } from "../../src/fuzz/run.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COUNT = Number(process.env.FUZZ_SLICE ?? 20_000);

describe("fuzz slice", () => {
  it(`${COUNT} inputs, seed 20260601: no crash, ranges inside the text, no hang, formatter and analysis invariants`, async () => {
    const corpus = loadCorpus(ROOT).map((c) => c.text);
    expect(corpus.length).toBeGreaterThan(5);
    const report = await runFuzz({ seed: 20260601, count: COUNT, corpus, chunk: 2500 });
    const shown = report.failures.map((f) => `${f.kind} (${f.family}): ${f.message}\n--- input ---\n${JSON.stringify(f.input)}`);
    expect(shown).toEqual([]);
    expect(report.runs).toBe(COUNT);
    for (const [family, share] of Object.entries(FAMILY_SHARES)) expect(report.byFamily[family as keyof typeof FAMILY_SHARES]).toBe(Math.round(COUNT * share));
    // Nearly every grammar-generated charter parses, so the formatter is exercised.
    expect(report.formatted).toBeGreaterThan(report.byFamily.valid * 0.9);
  }, 240_000);
});
