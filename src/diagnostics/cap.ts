// One cap on the diagnostics of one code in one file, for every stage and
// every front end. A hostile or broken file (a million `z: 1` lines, 5 MB of
// garbage) must not yield a million diagnostics, megabytes of output or an
// editor flooded with squiggles: `check()` (src/compiler.ts) applies
// `capDiagnostics` to each file's list once, so the CLI (text, JSON, SARIF,
// github) and the language server see the same capped list; lowering counts
// with a `CodeCounter` so it does not even build the diagnostics it would
// drop. Each capped code ends with one CH0017 "and N more" diagnostic.
import { diag } from "./codes.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";

/** At most this many diagnostics of one code are reported per file. */
export const MAX_DIAGNOSTICS_PER_CODE = 100;

/** The code of the "and N more" summary (never itself capped). */
export const OMITTED_CODE = "CH0017";

/** The "and N more" diagnostic for `count` dropped diagnostics of `code`, placed at the first dropped one. */
export function omittedDiagnostic(code: string, count: number, first: Diagnostic, max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic {
  return {
    ...diag(OMITTED_CODE, first.file, first.span, { count, code, max }),
    severity: first.severity,
    omitted: { code, count },
  };
}

/**
 * Counts reports per code while a stage produces them: `take(code)` is true
 * for the first `max` of each code; the rest are only counted, and
 * `summaries()` gives one "and N more" per capped code.
 */
export class CodeCounter {
  private readonly counts = new Map<string, number>();
  private readonly firstDropped = new Map<string, Diagnostic>();

  constructor(private readonly max = MAX_DIAGNOSTICS_PER_CODE) {}

  /** Whether a diagnostic of `code` should be built and kept. */
  take(code: string): boolean {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    return n <= this.max;
  }

  /** Record where the first dropped one of `code` would have been (call when `take` said no). */
  dropped(code: string, make: () => Diagnostic): void {
    if (!this.firstDropped.has(code)) this.firstDropped.set(code, make());
  }

  summaries(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [code, first] of this.firstDropped) {
      out.push(omittedDiagnostic(code, this.counts.get(code)! - this.max, first, this.max));
    }
    return out;
  }
}

/**
 * One file's diagnostics with at most `max` of each code (the first ones in
 * position order) and one "and N more" per capped code, sorted. An earlier
 * summary for a code (from lowering) is merged into the new one, so each
 * code has at most one. Linear apart from the sort.
 */
export function capDiagnostics(list: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic[] {
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
  for (const [code, first] of firstDropped) {
    const count = Math.max(0, (counts.get(code) ?? 0) - max) + (earlier.get(code) ?? 0);
    kept.push(omittedDiagnostic(code, count, first, max));
  }
  return kept.sort(compareDiagnostics);
}
