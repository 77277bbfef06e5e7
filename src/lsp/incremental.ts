// Incremental re-parsing for the editor: after an edit inside one top-level
// section, only that section is lexed and parsed again; the rest of the AST,
// its comments and its diagnostics are reused (shifted by the edit's length
// change). The section is parsed by the compiler's own parser, in a copy of
// the text where every other entry is blanked out (same length, same line
// breaks), so offsets come out right and no second parser exists. Whenever
// the edit might reach beyond the section, this gives up and the caller
// parses the whole file.
import type { Document, Entry, Span } from "../ast/ast.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../compiler.js";
import { parse } from "../lower/index.js";
import { LineIndex } from "../text/line-index.js";

/**
 * Errors in the file's structure (a brace missing or too many, tokens
 * between entries): where a section ends is then not local, so parse it all.
 */
const STRUCTURAL = new Set(["CH0008", "CH0009", "CH0010", "CH0011", "CH0015"]);
const structural = (d: Diagnostic) => STRUCTURAL.has(d.code);

/** A deep copy with every span at or after `from` moved by `delta`. */
function shift<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.start === "number" && typeof o.end === "number") return { start: (o.start as number) + delta, end: (o.end as number) + delta };
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = walk(o[k]);
    return out;
  };
  return walk(value) as T;
}

const within = (s: Span, lo: number, hi: number) => s.start >= lo && s.end <= hi;
const overlaps = (s: Span, lo: number, hi: number) => s.start < hi && s.end > lo && lo < hi;

function blank(s: string): string {
  // One space per UTF-16 unit; line breaks kept so every offset and line start stays put.
  return s.replace(/[^\r\n]+/g, (run) => " ".repeat(run.length));
}

/** Offset of the document's closing `}` after the last entry, skipping whitespace and comments. */
function closingBrace(doc: Document, text: string): number {
  const last = doc.entries[doc.entries.length - 1];
  if (!last) return -1;
  let p = last.span.end;
  const comments = doc.comments;
  for (;;) {
    while (p < text.length && /\s/.test(text[p]!)) p++;
    const c = comments.find((x) => x.span.start === p);
    if (c) {
      p = c.span.end;
      continue;
    }
    return text[p] === "}" ? p : -1;
  }
}

/**
 * The new SourceFile for `text`, re-parsing only the edited top-level
 * section of `prev`; null when the edit is not confined to one section.
 */
export function reparseIncrementally(prev: SourceFile, text: string): SourceFile | null {
  const old = prev.text;
  const doc = prev.ast;
  if (!doc.header || doc.entries.length === 0 || prev.parseDiagnostics.some(structural)) return null;
  const max = Math.min(old.length, text.length);
  let a = 0;
  while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
  let s = 0;
  while (s < max - a && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const b0 = old.length - s;
  const delta = text.length - old.length;

  // The section holding the whole edit, strictly inside its keyword and closing brace.
  let idx = -1;
  let lo = 0;
  let hi = doc.entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = doc.entries[mid]!;
    if (a <= e.span.start) hi = mid - 1;
    else if (a >= e.span.end) lo = mid + 1;
    else {
      idx = mid;
      break;
    }
  }
  if (idx < 0) return null;
  const e = doc.entries[idx]!;
  if (e.kind !== "section" || !e.bodySpan || e.bodySpan.end !== e.span.end || b0 >= e.span.end || old[e.span.end - 1] !== "}") return null;
  // The section must begin its own line (line starts guide the parser's recovery).
  const lineStart = Math.max(old.lastIndexOf("\n", e.span.start - 1), old.lastIndexOf("\r", e.span.start - 1)) + 1;
  if (old.slice(lineStart, e.span.start).trim() !== "") return null;
  const closeOld = closingBrace(doc, old);
  if (closeOld < 0) return null;

  const first = doc.entries[0]!.span.start;
  const eEnd = e.span.end + delta;
  const closeNew = closeOld + delta;
  const masked = text.slice(0, first) + blank(text.slice(first, e.span.start)) + text.slice(e.span.start, eEnd) + blank(text.slice(eEnd, closeNew)) + text.slice(closeNew);
  const r = parse(masked, prev.file);
  if (r.diagnostics.some(structural)) return null;
  const ne = r.ast.entries;
  if (ne.length !== 1) return null;
  const section = ne[0]!;
  if (section.kind !== "section" || section.span.start !== e.span.start || section.span.end !== eEnd || section.bodySpan?.end !== eEnd) return null;
  if (JSON.stringify(r.ast.imports) !== JSON.stringify(doc.imports) || JSON.stringify(r.ast.header) !== JSON.stringify(doc.header)) return null;

  // Old findings in the blanked regions are reused; new ones must not fall there.
  const region1 = { lo: first, hi: e.span.start };
  const region2Old = { lo: e.span.end, hi: closeOld };
  const region2New = { lo: eEnd, hi: closeNew };
  for (const d of r.diagnostics) if (overlaps(d.span, region1.lo, region1.hi) || overlaps(d.span, region2New.lo, region2New.hi)) return null;
  const diagnostics: Diagnostic[] = [...r.diagnostics];
  for (const d of prev.parseDiagnostics) {
    if (within(d.span, region1.lo, region1.hi) && region1.lo < region1.hi) diagnostics.push(d);
    else if (within(d.span, region2Old.lo, region2Old.hi) && region2Old.lo < region2Old.hi) diagnostics.push(shift(d, delta));
    else if (overlaps(d.span, region1.lo, region1.hi) || overlaps(d.span, region2Old.lo, region2Old.hi)) return null;
  }
  diagnostics.sort(compareDiagnostics);

  const comments = [...r.ast.comments];
  for (const c of doc.comments) {
    if (within(c.span, region1.lo, region1.hi)) comments.push(c);
    else if (within(c.span, region2Old.lo, region2Old.hi)) comments.push(shift(c, delta));
  }
  comments.sort((x, y) => x.span.start - y.span.start);

  const entries: Entry[] = [...doc.entries.slice(0, idx), section, ...doc.entries.slice(idx + 1).map((x) => shift(x, delta))];
  const ast: Document = { ...r.ast, entries, comments };
  return { file: prev.file, text, lines: new LineIndex(text), ast, parseDiagnostics: diagnostics };
}

/** For verification: the same SourceFile as a full parse would give? */
export function sameParse(x: SourceFile, y: SourceFile): boolean {
  const norm = (f: SourceFile) => JSON.stringify({ ast: f.ast, d: [...f.parseDiagnostics].sort(compareDiagnostics) });
  return norm(x) === norm(y);
}
