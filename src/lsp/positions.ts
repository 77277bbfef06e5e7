// Offsets ⇄ LSP positions. Our spans are UTF-16 offsets, end exclusive, and
// LineIndex gives 1-based lines and columns in UTF-16 code units — the LSP's
// default position encoding — so the mapping is a shift by one.
import type { Position, Range } from "vscode-languageserver";
import type { Span } from "../ast/ast.js";
import type { LineIndex } from "../text/line-index.js";

export function toPosition(lines: LineIndex, offset: number): Position {
  const p = lines.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: toPosition(lines, span.start), end: toPosition(lines, span.end) };
}

export function toOffset(lines: LineIndex, pos: Position): number {
  return lines.offset(pos.line + 1, pos.character + 1);
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The first index in [0, n) for which `before(i)` is false, for a `before` true on a prefix (binary search). */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
