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
 * code has at most one. Linear apart from the sorts: when a code is over the
 * cap, only that code's list is sorted (rarely: it is usually in order
 * already), and then only what is kept, not the thousands dropped.
 */
export function capDiagnostics(list: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_CODE): Diagnostic[] {
  // Per code, the indices in `list` (in list order); the earlier summaries apart.
  const byCode = new Map<string, number[]>();
  let over = false;
  let summaries = false;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    if (d.omitted) {
      summaries = true;
      continue;
    }
    let xs = byCode.get(d.code);
    if (!xs) byCode.set(d.code, (xs = []));
    if (xs.push(i) > max) over = true;
  }
  if (!over && !summaries) return [...list].sort(compareDiagnostics);
  // `list` sorted stably: x before y when it compares lower, or equal and earlier in the list.
  const before = (x: number, y: number) => {
    const c = compareDiagnostics(list[x]!, list[y]!);
    return c < 0 || (c === 0 && x < y);
  };
  const keep = new Uint8Array(list.length);
  const counts = new Map<string, number>();
  const firstDropped = new Map<string, number>();
  for (const [code, xs] of byCode) {
    counts.set(code, xs.length);
    if (xs.length <= max) {
      for (const i of xs) keep[i] = 1;
      continue;
    }
    let inOrder = true;
    for (let k = 1; k < xs.length && inOrder; k++) if (!before(xs[k - 1]!, xs[k]!)) inOrder = false;
    if (!inOrder) xs.sort((x, y) => (before(x, y) ? -1 : 1));
    for (let k = 0; k < max; k++) keep[xs[k]!] = 1;
    firstDropped.set(code, xs[max]!);
  }
  const earlier = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    if (!d.omitted) continue;
    const code = d.omitted.code;
    earlier.set(code, (earlier.get(code) ?? 0) + d.omitted.count);
    const f = firstDropped.get(code);
    if (f === undefined || before(i, f)) firstDropped.set(code, i);
  }
  if (firstDropped.size === 0) return [...list].sort(compareDiagnostics);
  const kept: Diagnostic[] = [];
  for (let i = 0; i < list.length; i++) if (keep[i] === 1) kept.push(list[i]!);
  // The summaries in the order of their first dropped diagnostic (as a walk over the sorted list meets them).
  const order = [...firstDropped].sort((x, y) => (before(x[1], y[1]) ? -1 : 1));
  for (const [code, first] of order) {
    const count = Math.max(0, (counts.get(code) ?? 0) - max) + (earlier.get(code) ?? 0);
    kept.push(omittedDiagnostic(code, count, list[first]!, max));
  }
  return kept.sort(compareDiagnostics);
}
