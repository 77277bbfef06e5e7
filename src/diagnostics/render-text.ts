// Text rendering of diagnostics, as a person sees them in a terminal:
//
//   charters/x.charter:12:11 - error CH0106: `notice` expects a duration such as `30 days`, found `30 dayz`
//
//   12     notice: 30 dayz
//                  ~~~~~~~
//     help: did you mean `30 days`?
//
// Colours come from a `Colors` object the caller chooses (no colour when
// NO_COLOR is set or the output is not a terminal — decided in the CLI).
import type { Diagnostic } from "./diagnostic.js";
import type { LineIndex } from "../text/line-index.js";
import { sanitizeForTerminal } from "../text/terminal.js";

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export const NO_COLORS: Colors = { red: id, yellow: id, cyan: id, dim: id, bold: id, green: id };
function id(s: string): string {
  return s;
}

export interface TextSource {
  readonly lines: LineIndex;
}

const MAX_LINE = 200;

/**
 * User text for the start of an output line (a file name): neutralised, and
 * never able to open a line as a CI workflow command (`::error …::` or the
 * older `##[error]` of GitHub Actions and Azure Pipelines) — such a path is
 * shown as `./::error…`, which names the same file.
 */
export function lineStartSafe(s: string): string {
  const t = sanitizeForTerminal(s);
  return /^\s*(?:::|##\[)/.test(t) ? "./" + t : t;
}

const safe = sanitizeForTerminal;

export function renderDiagnostic(d: Diagnostic, src: TextSource | undefined, c: Colors = NO_COLORS, sources?: (file: string) => TextSource | undefined): string {
  const pos = src ? src.lines.position(d.span.start) : { line: 1, column: 1 };
  const sev = d.severity === "error" ? c.red("error") : d.severity === "warning" ? c.yellow("warning") : c.cyan("info");
  // Every piece of user text (file names, messages quoting names and values,
  // the source line) goes through sanitizeForTerminal: no control character,
  // escape sequence or line break of the input reaches the terminal or log.
  const head = `${c.bold(`${lineStartSafe(d.file)}:${pos.line}:${pos.column}`)} - ${sev} ${c.dim(d.code)}: ${safe(d.message)}`;
  const out = [head];
  // A file that was not read (refused, missing) has no text: no excerpt.
  if (src && src.lines.text.length > 0) out.push("", ...frame(src.lines, d.span.start, d.span.end, c), "");
  if (d.help) out.push(`  ${c.cyan("help")}: ${safe(d.help)}`);
  for (const r of d.related ?? []) {
    const rs = r.file === d.file ? src : sources?.(r.file);
    const rp = rs ? rs.lines.position(r.span.start) : undefined;
    out.push(`  ${c.dim("note")}: ${safe(r.message)} ${c.dim(rp ? `(${safe(r.file)}:${rp.line}:${rp.column})` : `(${safe(r.file)})`)}`);
  }
  return out.join("\n").trimEnd();
}

/** The source line with a `~~~` underline under [start, end) (first line of the span only). */
export function frame(lines: LineIndex, start: number, end: number, c: Colors = NO_COLORS): string[] {
  const { line, column } = lines.position(start);
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  let text = lines.text.slice(lineStart, lineEnd);
  let col = column - 1;
  let width = Math.max(1, Math.min(end, lineEnd) - start);
  // Very long lines (minified or hostile input): show a window around the span.
  if (text.length > MAX_LINE) {
    const from = Math.max(0, col - 40);
    text = (from > 0 ? "…" : "") + text.slice(from, from + MAX_LINE) + (from + MAX_LINE < text.length ? "…" : "");
    col = col - from + (from > 0 ? 1 : 0);
    width = Math.min(width, MAX_LINE - (col - (from > 0 ? 1 : 0)));
  }
  // Tabs become one space; control characters (escape sequences, CR, bidi
  // overrides) are shown as visible escapes, so the underline is placed by
  // the lengths of the shown pieces, not of the raw ones.
  const show = (s: string) => sanitizeForTerminal(s.replace(/\t/g, " "));
  const before = show(text.slice(0, col));
  const under = show(text.slice(col, col + width));
  const visible = before + under + show(text.slice(col + width));
  const gutter = String(line);
  const pad = " ".repeat(gutter.length);
  return [`${c.dim(gutter)}  ${visible}`, `${pad}  ${" ".repeat(before.length)}${c.red("~".repeat(Math.max(1, under.length)))}`];
}
