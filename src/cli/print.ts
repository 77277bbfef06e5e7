// How every command lays out diagnostics on a terminal: the layout of
// `check`'s report. Each diagnostic (head line, source excerpt, help, notes)
// is a block; blocks are separated by one blank line, and a summary after
// them is a block too. One-line notes (`[2/5] file`, `charterc: … not
// built`) follow each other without blank lines, but never run into a block.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, type Colors, type TextSource } from "../diagnostics/render-text.js";

/** Blocks as one text, a blank line between them (`check`'s report). */
export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join("\n\n");
}

/** Each diagnostic as its block; `sources` finds the text of another file a note points into. */
export function diagnosticBlocks(diagnostics: readonly Diagnostic[], src: TextSource | undefined, c: Colors, sources?: (file: string) => TextSource | undefined): string[] {
  return diagnostics.map((d) => renderDiagnostic(d, src, c, sources));
}

/** A stream (stderr) written piece by piece in that layout. */
export class Printer {
  private last: "none" | "line" | "block" = "none";
  constructor(private readonly write: (text: string) => void) {}

  /** A block: a blank line before it unless it is the first thing written. */
  block(text: string): void {
    if (this.last !== "none") this.write("");
    this.write(text);
    this.last = "block";
  }

  /** A one-line note: a blank line before it only after a block. */
  line(text: string): void {
    if (this.last === "block") this.write("");
    this.write(text);
    this.last = "line";
  }

  diagnostics(diagnostics: readonly Diagnostic[], src: TextSource | undefined, c: Colors, sources?: (file: string) => TextSource | undefined): void {
    for (const b of diagnosticBlocks(diagnostics, src, c, sources)) this.block(b);
  }

  /** A blank line after the last block, when something printed elsewhere (main's closing message) follows. */
  end(): void {
    if (this.last === "block") this.write("");
    this.last = "line";
  }
}
