// Folding: the charter body, every section, multi-line prose, block
// comments, runs of imports and of line comments.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";

export function foldingRanges(result: FileResult): FoldingRange[] {
  const { ast, lines } = result;
  const out: FoldingRange[] = [];
  const line = (offset: number) => lines.position(offset).line - 1;
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const s = line(start);
    // The closing line stays visible (VS Code convention: fold up to the line before `}`).
    const e = line(end) - (kind === undefined ? 1 : 0);
    if (e > s) out.push(kind ? { startLine: s, endLine: e, kind } : { startLine: s, endLine: e });
  };
  if (ast.header) add(ast.header.span.start, ast.header.span.end);
  for (const e of ast.entries) {
    if (e.kind === "section") add(e.span.start, e.bodySpan?.end ?? e.span.end);
    const fields = e.kind === "section" ? e.fields : [e];
    for (const f of fields) {
      for (const item of f.value?.items ?? []) for (const t of item.terms) if (t.kind === "prose") add(t.span.start, t.span.end, FoldingRangeKind.Region);
    }
  }
  if (ast.imports.length > 1) add(ast.imports[0]!.span.start, ast.imports[ast.imports.length - 1]!.span.end, FoldingRangeKind.Imports);
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) add(runStart, runEnd, FoldingRangeKind.Comment);
    runStart = runEnd = -1;
  };
  for (const c of ast.comments) {
    if (c.style === "block") {
      flush();
      add(c.span.start, c.span.end, FoldingRangeKind.Comment);
      continue;
    }
    if (runStart >= 0 && line(c.span.start) === line(runEnd) + 1) runEnd = c.span.end;
    else {
      flush();
      runStart = c.span.start;
      runEnd = c.span.end;
    }
  }
  flush();
  return out;
}
