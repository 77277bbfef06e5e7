// Diagnostics as data. Every stage returns values plus an array of these;
// nothing in the compiler throws for bad input.
import type { Span } from "../ast/ast.js";

export type Severity = "error" | "warning" | "info";

export interface RelatedLocation {
  /** Project-relative path of the file (same form as `Diagnostic.file`). */
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  /** Stable code from the registry in `codes.ts`, e.g. `CH0102`. */
  readonly code: string;
  /** The property rule id, for diagnostics that come from a rule. */
  readonly rule?: string;
  readonly severity: Severity;
  /** One sentence, no capital, no final period; user input in backticks. */
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  /** A separate hint, e.g. "did you mean `approval`?" */
  readonly help?: string;
  readonly related?: readonly RelatedLocation[];
  /** Machine-applicable suggestion (used by the LSP's code actions). */
  readonly fix?: { readonly title: string; readonly edits: readonly TextEdit[] };
  /** On a CH0017 "and N more": which code was capped and how many were left out (src/diagnostics/cap.ts). */
  readonly omitted?: { readonly code: string; readonly count: number };
}

export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  // A file that is not valid UTF-8 (CH0016) is said first: what follows may stem from the undecodable bytes.
  if ((a.code === "CH0016") !== (b.code === "CH0016")) return a.code === "CH0016" ? -1 : 1;
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  if (a.span.end !== b.span.end) return a.span.end - b.span.end;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
