// Offsets ⇄ 1-based line/column. Columns count UTF-16 code units (what
// editors and the LSP use); see docs/language.md.

export interface LineCol {
  readonly line: number;
  readonly column: number;
}

/** Push the line starts that line breaks in `text[from, to)` begin (a CR LF pair counts once, even across `to`). */
function scanStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

export class LineIndex {
  private readonly starts: number[];
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) this.starts = starts;
    else {
      this.starts = [0];
      scanStarts(text, 0, text.length, this.starts);
    }
  }

  /**
   * The index of `text`, which is this index's text with `[from, oldEnd)`
   * replaced (so `text` agrees with it before `from` and after `oldEnd`):
   * only the replaced lines are scanned, the other line starts are copied.
   * Equal to `new LineIndex(text)` (test/text/line-index.test.ts).
   */
  edited(text: string, from: number, oldEnd: number): LineIndex {
    const old = this.starts;
    const delta = text.length - this.text.length;
    const newEnd = oldEnd + delta;
    // A line start s depends only on the characters at s - 1 and s: those before `from` are kept.
    let lo = 0;
    let hi = old.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (old[mid]! < from) lo = mid;
      else hi = mid - 1;
    }
    const starts = old.slice(0, lo + 1);
    scanStarts(text, old[lo]!, newEnd, starts);
    // Those whose previous character is after the replaced text are moved.
    let k = lo;
    while (k < old.length && old[k]! < oldEnd + 1) k++;
    const last = starts[starts.length - 1]!;
    for (; k < old.length; k++) {
      const s = old[k]! + delta;
      if (s > last) starts.push(s);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): LineCol {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Offset of a 1-based line and column (clamped). */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    const start = this.starts[l - 1]!;
    const end = l < this.starts.length ? this.lineEnd(l) : this.text.length;
    return Math.min(start + Math.max(0, column - 1), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length + 1;
    let end = Math.min(next, this.text.length + 1) - 1;
    if (line >= this.starts.length) return this.text.length;
    if (end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}
