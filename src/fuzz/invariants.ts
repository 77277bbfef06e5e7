// What must hold for every input, however damaged (issue 8):
//
// - no exception escapes any stage: parse, check (resolve, analyses, rules),
//   text and JSON rendering of the report;
// - every diagnostic range (and every related range and fix edit) lies
//   inside its file's text, start ≤ end;
// - the check finishes within a per-input time bound (no hang);
// - for inputs without syntax errors, the formatter's guarantees: a second
//   pass changes nothing, the AST is unchanged, comments are kept.
//
// Pure: the caller supplies the text; nothing here reads or writes files.
import path from "node:path";
import { check, type CheckResult, type CompilerHost } from "../compiler.js";
import { parseUnchecked } from "../lower/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { jsonReport, textReport } from "../cli/commands/check.js";
import { NO_COLORS } from "../diagnostics/render-text.js";
import { commentTexts, sameAst } from "../prettier/ast-equal.js";
import { formatCharter } from "../prettier/generated.js";

export type FailureKind = "crash" | "range" | "slow" | "format" | "analysis";

export interface Failure {
  readonly kind: FailureKind;
  readonly message: string;
}

/** Inputs slower than this are reported as failures (a hang, or worse than linear). */
export const DEFAULT_TIME_BOUND_MS = 2000;

const ROOT = path.resolve("/fuzz-project");
const FILE = "input.charter";

function oneFileHost(text: string): CompilerHost {
  const abs = path.join(ROOT, FILE);
  return { root: ROOT, readFile: (p) => (p === abs ? text : undefined), realpath: (p) => (p === abs || p === ROOT ? p : undefined) };
}

export interface PipelineRun {
  readonly result: CheckResult;
  readonly ms: number;
  readonly syntaxErrors: number;
}

/** Everything `charterc check` does to one file, rendering included; throws only on a bug. */
export function runPipeline(text: string): PipelineRun {
  const t0 = performance.now();
  // parseUnchecked lets an internal error surface instead of becoming CH0010.
  const parsed = parseUnchecked(text, FILE);
  const result = check({ entries: [FILE], host: oneFileHost(text) });
  textReport(result, NO_COLORS, false);
  JSON.stringify(jsonReport(result));
  const ms = performance.now() - t0;
  return { result, ms, syntaxErrors: parsed.diagnostics.length };
}

function spanProblem(what: string, span: { start: number; end: number }, length: number): string | null {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  return ok ? null : `${what} [${span.start}, ${span.end}) is not inside the text (length ${length})`;
}

function diagnosticProblem(d: Diagnostic, texts: ReadonlyMap<string, string>): string | null {
  const own = texts.get(d.file);
  if (own === undefined) return `${d.code} names a file that was not checked: ${d.file}`;
  const p = spanProblem(`${d.code} range`, d.span, own.length);
  if (p) return p;
  for (const r of d.related ?? []) {
    const t = texts.get(r.file);
    if (t !== undefined) {
      const q = spanProblem(`${d.code} related range`, r.span, t.length);
      if (q) return q;
    }
  }
  for (const e of d.fix?.edits ?? []) {
    const t = texts.get(e.file);
    if (t !== undefined) {
      const q = spanProblem(`${d.code} fix edit`, e.span, t.length);
      if (q) return q;
    }
  }
  return null;
}

export interface CheckedInput {
  readonly failure: Failure | null;
  readonly ms: number;
  /** True when the text has no syntax errors (the formatter's invariants apply). */
  readonly parses: boolean;
}

/** The synchronous invariants for one input. */
export function checkInvariants(text: string, timeBoundMs = DEFAULT_TIME_BOUND_MS): CheckedInput {
  let run: PipelineRun;
  try {
    run = runPipeline(text);
  } catch (e) {
    return { failure: { kind: "crash", message: describe(e) }, ms: 0, parses: false };
  }
  const texts = new Map(run.result.files.map((f) => [f.file, f.text]));
  for (const f of run.result.files) {
    for (const d of f.diagnostics) {
      const p = diagnosticProblem(d, texts);
      if (p) return { failure: { kind: "range", message: p }, ms: run.ms, parses: false };
    }
  }
  if (run.ms > timeBoundMs) {
    // A hang repeats; a collector pause or a busy neighbour does not. Only
    // a second run over the bound is a failure.
    const again = runPipeline(text).ms;
    if (again > timeBoundMs) {
      return { failure: { kind: "slow", message: `check took ${run.ms.toFixed(0)} ms, then ${again.toFixed(0)} ms (bound ${timeBoundMs} ms)` }, ms: run.ms, parses: false };
    }
  }
  return { failure: null, ms: run.ms, parses: run.syntaxErrors === 0 };
}

/** The formatter's guarantees for a text without syntax errors: idempotent, AST-equal, comments kept. */
export async function checkFormatter(text: string): Promise<Failure | null> {
  try {
    const once = await formatCharter(text);
    if (!("formatted" in once)) return { kind: "format", message: `the formatter refused a text that parses: ${once.diagnostics[0]?.message ?? "no diagnostic"}` };
    const twice = await formatCharter(once.formatted);
    if (!("formatted" in twice)) return { kind: "format", message: `formatted output does not parse: ${twice.diagnostics[0]?.message ?? ""}` };
    if (twice.formatted !== once.formatted) return { kind: "format", message: "formatting is not idempotent" };
    const before = parseUnchecked(text, FILE).ast;
    const after = parseUnchecked(once.formatted, FILE).ast;
    if (!sameAst(before, after)) return { kind: "format", message: "formatting changed the AST" };
    const cb = commentTexts(before);
    const ca = commentTexts(after);
    if (JSON.stringify(cb) !== JSON.stringify(ca)) return { kind: "format", message: `formatting changed the comments (${cb.length} before, ${ca.length} after)` };
    return null;
  } catch (e) {
    return { kind: "crash", message: `formatter: ${describe(e)}` };
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split("\n").slice(1, 4).join("\n")}` : ""}`;
  return String(e);
}
