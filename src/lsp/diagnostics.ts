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

export function fileDiagnostics(
  result: FileResult,
  linesOf: (file: string) => LineIndex | undefined,
  uriOf: (file: string) => string,
): LspDiagnostic[] {
  // Already capped per code by check()'s one cap (src/diagnostics/cap.ts), the engine's too.
  return result.diagnostics.map((d) => toLspDiagnostic(d, result.lines, linesOf, uriOf));
}
