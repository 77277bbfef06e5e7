// The JSON report of `charterc check --format json` (§7): stable keys,
// 1-based lines and columns, end exclusive.
import type { Diagnostic } from "./diagnostic.js";
import type { LineIndex } from "../text/line-index.js";
import type { PropertyResult } from "../rules/api.js";

export interface JsonRange {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

export interface JsonDiagnostic {
  code: string;
  rule?: string;
  severity: string;
  message: string;
  range: JsonRange;
  help?: string;
  related?: { file: string; message: string; range: JsonRange | null }[];
}

export interface JsonFile {
  file: string;
  charter: string | null;
  kind: "charter" | "federation" | null;
  properties: Record<string, PropertyResult>;
  /**
   * True when the file has errors: its properties were computed over what
   * remained after the parts in error were dropped, so they may change once
   * the errors are fixed (docs/language.md, "Verdicts over errors").
   */
  provisional: boolean;
  diagnostics: JsonDiagnostic[];
}

export interface JsonReport {
  version: 1;
  files: JsonFile[];
  summary: { files: number; errors: number; warnings: number };
}

export function jsonRange(lines: LineIndex, span: { start: number; end: number }): JsonRange {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export function jsonDiagnostic(d: Diagnostic, lines: LineIndex, linesOf: (file: string) => LineIndex | undefined): JsonDiagnostic {
  const out: JsonDiagnostic = d.rule
    ? { code: d.code, rule: d.rule, severity: d.severity, message: d.message, range: jsonRange(lines, d.span) }
    : { code: d.code, severity: d.severity, message: d.message, range: jsonRange(lines, d.span) };
  if (d.help) out.help = d.help;
  if (d.related && d.related.length > 0) {
    out.related = d.related.map((r) => {
      const li = r.file === d.file ? lines : linesOf(r.file);
      return { file: r.file, message: r.message, range: li ? jsonRange(li, r.span) : null };
    });
  }
  return out;
}
