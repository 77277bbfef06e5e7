// Incremental re-parsing for the editor: after an edit inside one top-level
// section, only that section is lexed and parsed again; the rest of the AST,
// its comments and its diagnostics are reused (shifted by the edit's length
// change). The section is parsed by the compiler's own parser, in a short
// text made of the document's head (header and imports, unchanged), the
// section at its own column, and the document's closing brace and tail —
// with the line breaks between them kept where the parser can see them —
// and its spans are then moved to where they stand in the file; so no second
// parser exists and the work is proportional to the section, not the file.
// The token count (the CH0018 limit), the line index and the comments are
// carried over the same way. Whenever the edit might reach beyond the
// section, this gives up and the caller parses the whole file.
import type { Comment, Document, Entry, Field, Name, Phrase, Section, Span, Term, Value } from "../ast/ast.js";
import { recordMoves } from "../ast/moves.js";
import { MAX_DIAGNOSTICS_PER_CODE, OMITTED_CODE } from "../diagnostics/cap.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../compiler.js";
import { MAX_CHARTER_TOKENS } from "../config/limits.js";
import { countTokens, parse, recordTokenCount, tokenCountOf } from "../lower/index.js";
import { partitionPoint } from "./positions.js";

/**
 * Errors in the file's structure (a brace missing or too many, tokens
 * between entries): where a section ends is then not local, so parse it all.
 */
const STRUCTURAL = new Set(["CH0008", "CH0009", "CH0010", "CH0011", "CH0015"]);
const structural = (d: Diagnostic) => STRUCTURAL.has(d.code);

/** A deep copy with every span moved by `delta` (for diagnostics: few, of any shape). */
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

// Moving AST nodes by `delta`, node type by node type: a generic walk over
// the thousands of entries after an insertion costs tens of milliseconds per
// keystroke; these build the same objects (same keys, same order) directly.
const mv = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
const mvName = (n: Name, d: number): Name => ({ name: n.name, span: mv(n.span, d) });

function mvTerm(t: Term, d: number): Term {
  switch (t.kind) {
    case "ident":
      return { kind: "ident", name: t.name, span: mv(t.span, d) };
    case "string":
    case "prose":
    case "number":
    case "percent":
      return { kind: t.kind, value: t.value, raw: t.raw, span: mv(t.span, d) } as Term;
    case "fraction":
      return { kind: "fraction", numerator: t.numerator, denominator: t.denominator, raw: t.raw, span: mv(t.span, d) };
    case "duration":
      return { kind: "duration", amount: t.amount, unit: t.unit, days: t.days, raw: t.raw, span: mv(t.span, d) };
  }
}

// A phrase of one term spans what the term does, and a value of one phrase
// what the phrase does (most fields): the moved node shares its child's moved
// span (spans are never changed), a few thousand objects fewer per keystroke.
const sameSpan = (x: Span, y: Span) => x.start === y.start && x.end === y.end;

function mvPhrase(p: Phrase, d: number): Phrase {
  const terms: Term[] = new Array(p.terms.length);
  for (let i = 0; i < terms.length; i++) terms[i] = mvTerm(p.terms[i]!, d);
  return { kind: "phrase", terms, span: terms.length === 1 && sameSpan(p.span, p.terms[0]!.span) ? terms[0]!.span : mv(p.span, d) };
}

function mvValue(v: Value, d: number): Value {
  const items: Phrase[] = new Array(v.items.length);
  for (let i = 0; i < items.length; i++) items[i] = mvPhrase(v.items[i]!, d);
  return { kind: "value", items, span: items.length === 1 && sameSpan(v.span, v.items[0]!.span) ? items[0]!.span : mv(v.span, d) };
}

const mvField = (f: Field, d: number): Field => ({ kind: "field", name: mvName(f.name, d), value: f.value ? mvValue(f.value, d) : null, span: mv(f.span, d) });

function mvSection(s: Section, d: number): Section {
  const fields: Field[] = new Array(s.fields.length);
  for (let i = 0; i < fields.length; i++) fields[i] = mvField(s.fields[i]!, d);
  return { kind: "section", keyword: s.keyword, keywordSpan: mv(s.keywordSpan, d), name: s.name ? mvName(s.name, d) : null, fields, span: mv(s.span, d), bodySpan: s.bodySpan ? mv(s.bodySpan, d) : null };
}

/** An entry moved by `d` (the same object when `d` is 0). */
function shiftEntry(e: Entry, d: number): Entry {
  if (d === 0) return e;
  return e.kind === "section" ? mvSection(e, d) : mvField(e, d);
}

const mvComment = (c: Comment, d: number): Comment => (d === 0 ? c : { kind: "comment", style: c.style, text: c.text, span: mv(c.span, d) });

const within = (s: Span, lo: number, hi: number) => s.start >= lo && s.end <= hi;
const overlaps = (s: Span, lo: number, hi: number) => s.start < hi && s.end > lo && lo < hi;

const hasBreak = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
};

// The unchanged head and tail of an edited text, compared in chunks (the
// engine's string comparison) before character by character: a loop over
// every character of a 5,000-line file costs milliseconds per keystroke.
function commonPrefix(x: string, y: string, max: number): number {
  let a = 0;
  for (let step = 1 << 16; step >= 64; step >>= 2) while (a + step <= max && x.slice(a, a + step) === y.slice(a, a + step)) a += step;
  while (a < max && x.charCodeAt(a) === y.charCodeAt(a)) a++;
  return a;
}

function commonSuffix(x: string, y: string, max: number): number {
  let s = 0;
  const xl = x.length;
  const yl = y.length;
  for (let step = 1 << 16; step >= 64; step >>= 2) while (s + step <= max && x.slice(xl - s - step, xl - s) === y.slice(yl - s - step, yl - s)) s += step;
  while (s < max && x.charCodeAt(xl - 1 - s) === y.charCodeAt(yl - 1 - s)) s++;
  return s;
}

/** Offset of the document's closing `}` after the last entry, skipping whitespace and comments. */
function closingBrace(doc: Document, text: string): number {
  const last = doc.entries[doc.entries.length - 1];
  if (!last) return -1;
  let p = last.span.end;
  const comments = doc.comments;
  // Comments are in source order: find the first one at or after p once, then walk on.
  let ci = lowerBound(comments, p);
  for (;;) {
    while (p < text.length && /\s/.test(text[p]!)) p++;
    while (ci < comments.length && comments[ci]!.span.start < p) ci++;
    const c = comments[ci];
    if (c && c.span.start === p) {
      p = c.span.end;
      continue;
    }
    return text[p] === "}" ? p : -1;
  }
}

/** Index of the first item whose span starts at or after `at` (items in source order). */
function lowerBound(items: readonly { readonly span: Span }[], at: number): number {
  return partitionPoint(items.length, (i) => items[i]!.span.start < at);
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
  const a = commonPrefix(old, text, max);
  const b0 = old.length - commonSuffix(old, text, max - a);
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
  let lineStart = e.span.start;
  for (let c = old.charCodeAt(lineStart - 1); lineStart > 0 && c !== 10 && c !== 13; c = old.charCodeAt(--lineStart - 1));
  if (old.slice(lineStart, e.span.start).trim() !== "") return null;
  const closeOld = closingBrace(doc, old);
  if (closeOld < 0) return null;

  // The token limit, kept exact: the count changes only by the section's.
  let before = tokenCountOf(doc);
  if (before === undefined) {
    const c = countTokens(old, MAX_CHARTER_TOKENS);
    if (c.overAt !== null) return null;
    before = c.count;
  }
  const first = doc.entries[0]!.span.start;
  const eEnd = e.span.end + delta;
  const closeNew = closeOld + delta;
  const sectionText = text.slice(e.span.start, eEnd);
  const count = before - countTokens(old.slice(e.span.start, e.span.end), MAX_CHARTER_TOKENS).count + countTokens(sectionText, MAX_CHARTER_TOKENS).count;
  if (count > MAX_CHARTER_TOKENS) return null;

  // The short text: head, a line break, the section's indentation and the
  // section, then the closing brace (on a line of its own if it was) and the tail.
  const head = idx === 0 ? text.slice(0, e.span.start) : text.slice(0, first) + "\n" + text.slice(lineStart, e.span.start);
  const gap = hasBreak(text, eEnd, closeNew) ? "\n" : " ";
  const short = head + sectionText + gap + text.slice(closeNew);
  const d1 = e.span.start - head.length; // short → file, for the section
  const closeShort = head.length + sectionText.length + gap.length;
  const d2 = closeNew - closeShort; // short → file, for the tail

  const r = parse(short, prev.file);
  if (r.diagnostics.some(structural)) return null;
  const ne = r.ast.entries;
  if (ne.length !== 1) return null;
  const parsed = ne[0]!;
  if (parsed.kind !== "section" || parsed.span.start !== head.length || parsed.span.end !== head.length + sectionText.length || parsed.bodySpan?.end !== parsed.span.end) return null;
  if (JSON.stringify(r.ast.imports) !== JSON.stringify(doc.imports) || JSON.stringify(r.ast.header) !== JSON.stringify(doc.header)) return null;
  const section = shiftEntry(parsed, d1);

  // Old findings outside the section are reused; new ones must fall in the head, the section or the tail.
  const region1 = { lo: first, hi: e.span.start };
  const region2Old = { lo: e.span.end, hi: closeOld };
  const diagnostics: Diagnostic[] = [];
  for (const d of r.diagnostics) {
    if (d.code === OMITTED_CODE) return null;
    if (d.span.end <= first) diagnostics.push(d);
    else if (within(d.span, parsed.span.start, parsed.span.end)) diagnostics.push(shift(d, d1));
    else if (d.span.start >= closeShort) diagnostics.push(shift(d, d2));
    else return null;
  }
  for (const d of prev.parseDiagnostics) {
    if (d.code === OMITTED_CODE) return null;
    if (within(d.span, region1.lo, region1.hi) && region1.lo < region1.hi) diagnostics.push(d);
    else if (within(d.span, region2Old.lo, region2Old.hi) && region2Old.lo < region2Old.hi) diagnostics.push(shift(d, delta));
    else if (overlaps(d.span, region1.lo, region1.hi) || overlaps(d.span, region2Old.lo, region2Old.hi)) return null;
  }
  // The per-code cap (src/diagnostics/cap.ts) applies to the whole file: near it, parse it all.
  if (diagnostics.length > MAX_DIAGNOSTICS_PER_CODE) {
    const per = new Map<string, number>();
    for (const d of diagnostics) {
      const n = (per.get(d.code) ?? 0) + 1;
      if (n > MAX_DIAGNOSTICS_PER_CODE) return null;
      per.set(d.code, n);
    }
  }
  diagnostics.sort(compareDiagnostics);

  // Comments: the head's and the old ones before the section kept, the section's and the tail's moved.
  const comments: Comment[] = [];
  const oldComments = doc.comments;
  for (const c of r.ast.comments) if (c.span.end <= first) comments.push(c);
  for (let i = lowerBound(oldComments, first); i < oldComments.length && oldComments[i]!.span.start < e.span.start; i++) comments.push(oldComments[i]!);
  for (const c of r.ast.comments) if (within(c.span, parsed.span.start, parsed.span.end)) comments.push(mvComment(c, d1));
  for (let i = lowerBound(oldComments, e.span.end); i < oldComments.length && oldComments[i]!.span.end <= closeOld; i++) comments.push(mvComment(oldComments[i]!, delta));
  for (const c of r.ast.comments) if (c.span.start >= closeShort) comments.push(mvComment(c, d2));
  else if (c.span.end > first && !within(c.span, parsed.span.start, parsed.span.end)) return null;

  const entries: Entry[] = new Array(doc.entries.length);
  for (let i = 0; i < idx; i++) entries[i] = doc.entries[i]!;
  entries[idx] = section;
  for (let i = idx + 1; i < entries.length; i++) entries[i] = shiftEntry(doc.entries[i]!, delta);
  const ast: Document = { kind: "document", imports: doc.imports, header: doc.header, entries, comments, span: { start: 0, end: text.length } };
  recordTokenCount(ast, count);
  if (delta !== 0 && idx + 1 < entries.length) recordMoves(ast, { entries: doc.entries, from: idx + 1, delta });
  return { file: prev.file, text, lines: prev.lines.edited(text, a, b0), ast, parseDiagnostics: diagnostics };
}

/** For verification: the same SourceFile as a full parse would give? */
export function sameParse(x: SourceFile, y: SourceFile): boolean {
  const norm = (f: SourceFile) => JSON.stringify({ ast: f.ast, d: [...f.parseDiagnostics].sort(compareDiagnostics) });
  return norm(x) === norm(y);
}
