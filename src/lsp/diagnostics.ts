// Compiler diagnostics → LSP diagnostics. Same code, message, range and
// severity as `charterc check`; related locations become
// relatedInformation; `help`, the rule id and a machine fix ride in `data`
// (read back by the code actions).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { LineIndex } from "../text/line-index.js";
import { toRange } from "./positions.js";

export interface DiagnosticData {
  readonly help?: string;
  readonly rule?: string;
  readonly fix?: Diagnostic["fix"];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(
  d: Diagnostic,
  lines: LineIndex,
  linesOf: (file: string) => LineIndex | undefined,
  uriOf: (file: string) => string,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(lines, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "charterc",
    message: d.message,
  };
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of d.related ?? []) {
    const li = r.file === d.file ? lines : linesOf(r.file);
    if (!li) continue;
    related.push({ location: { uri: uriOf(r.file), range: toRange(li, r.span) }, message: r.message });
  }
  if (related.length > 0) out.relatedInformation = related;
  const data: { help?: string; rule?: string; fix?: Diagnostic["fix"] } = {};
  if (d.help) data.help = d.help;
  if (d.rule) data.rule = d.rule;
  if (d.fix) data.fix = d.fix;
  if (Object.keys(data).length > 0) out.data = data;
  return out;
}

/** At most this many diagnostics of one code are published per file; a last one says how many more there are. */
export const MAX_PER_CODE = 100;

/**
 * The per-code cap (issue 12 item 6), in one place for the server: the first
 * MAX_PER_CODE diagnostics of each code (in file order), then one
 * "… and N more" per capped code, at the last one shown. (To be replaced by
 * the shared cap of src/diagnostics/ once it lands, so CLI and editor agree.)
 */
export function capPerCode(list: readonly Diagnostic[], cap = MAX_PER_CODE): { shown: Diagnostic[]; more: Map<string, { count: number; last: Diagnostic }> } {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const more = new Map<string, { count: number; last: Diagnostic }>();
  const lastOf = new Map<string, Diagnostic>();
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= cap) {
      shown.push(d);
      lastOf.set(d.code, d);
    } else {
      const m = more.get(d.code);
      if (m) m.count++;
      else more.set(d.code, { count: 1, last: lastOf.get(d.code)! });
    }
  }
  return { shown, more };
}

export function fileDiagnostics(
  result: FileResult,
  linesOf: (file: string) => LineIndex | undefined,
  uriOf: (file: string) => string,
): LspDiagnostic[] {
  const { shown, more } = capPerCode(result.diagnostics);
  const out = shown.map((d) => toLspDiagnostic(d, result.lines, linesOf, uriOf));
  for (const [code, { count, last }] of more) {
    out.push({
      range: toRange(result.lines, last.span),
      severity: SEVERITY[last.severity],
      code,
      source: "charterc",
      message: `… and ${count} more ${code} in this file (only the first ${MAX_PER_CODE} are shown)`,
    });
  }
  return out;
}
