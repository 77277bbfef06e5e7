// capDiagnostics sorts only what it keeps; it must give exactly what the
// plain definition gives: sort everything (stably), keep the first `max` of
// each code, one "and N more" per capped code at its first dropped one
// (merged with an earlier summary of that code), sorted.
import { describe, expect, it } from "vitest";
import { capDiagnostics, omittedDiagnostic } from "../../src/diagnostics/cap.js";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";

function reference(list: readonly Diagnostic[], max: number): Diagnostic[] {
  const sorted = [...list].sort(compareDiagnostics);
  const kept: Diagnostic[] = [];
  const counts = new Map<string, number>();
  const earlier = new Map<string, number>();
  const firstDropped = new Map<string, Diagnostic>();
  for (const d of sorted) {
    if (d.omitted) {
      earlier.set(d.omitted.code, (earlier.get(d.omitted.code) ?? 0) + d.omitted.count);
      if (!firstDropped.has(d.omitted.code)) firstDropped.set(d.omitted.code, d);
      continue;
    }
    const n = (counts.get(d.code) ?? 0) + 1;
    counts.set(d.code, n);
    if (n <= max) kept.push(d);
    else if (!firstDropped.has(d.code)) firstDropped.set(d.code, d);
  }
  if (firstDropped.size === 0) return sorted;
  for (const [code, first] of firstDropped) kept.push(omittedDiagnostic(code, Math.max(0, (counts.get(code) ?? 0) - max) + (earlier.get(code) ?? 0), first, max));
  return kept.sort(compareDiagnostics);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("capDiagnostics", () => {
  it("equals the plain definition on random lists (ties, disorder, earlier summaries)", () => {
    const rand = rng(13);
    for (let round = 0; round < 300; round++) {
      const max = 1 + Math.floor(rand() * 6);
      const n = Math.floor(rand() * 40);
      const codes = ["CH0209", "CH0101", "CH0110"];
      const list: Diagnostic[] = [];
      for (let i = 0; i < n; i++) {
        const start = Math.floor(rand() * 12);
        const span = { start, end: start + Math.floor(rand() * 3) };
        const file = rand() < 0.2 ? "b.charter" : "a.charter";
        if (rand() < 0.1) {
          const code = codes[Math.floor(rand() * codes.length)]!;
          list.push({ ...omittedDiagnostic(code, 1 + Math.floor(rand() * 5), { code, severity: "error", message: "m", file, span }, max), message: `earlier ${i}` });
        } else list.push({ code: codes[Math.floor(rand() * codes.length)]!, severity: "error", message: `d${i}`, file, span });
      }
      // Sometimes in order already (the usual case), sometimes not.
      if (rand() < 0.5) list.sort(compareDiagnostics);
      expect(capDiagnostics(list, max)).toEqual(reference(list, max));
    }
  });
});
