// What is at an offset in a document's AST, and where each name of a file is
// defined and used. Shared by hover, completion, definition, references,
// rename, semantic tokens and code actions.
import type { Document, Field, Import, Name, Section, Term } from "../ast/ast.js";
import { fieldSpec, SECTIONS, type FieldSpec, type SectionSpec, type ValueKind } from "../language/schema.js";
import { contains, partitionPoint } from "./positions.js";

export type Located =
  | { readonly kind: "header-keyword"; readonly doc: Document }
  | { readonly kind: "header-name"; readonly doc: Document }
  | { readonly kind: "import-path"; readonly imp: Import }
  | { readonly kind: "import-alias"; readonly imp: Import }
  | { readonly kind: "section-keyword"; readonly section: Section }
  | { readonly kind: "section-name"; readonly section: Section }
  | { readonly kind: "field-name"; readonly section: Section | null; readonly field: Field }
  | { readonly kind: "term"; readonly section: Section | null; readonly field: Field; readonly term: Term };

/** The schema key of a section (top-level fields: `charter` or `federation`). */
export function sectionKey(doc: Document, section: Section | null): SectionSpec["keyword"] {
  return section ? section.keyword : (doc.header?.kind ?? "charter");
}

export function specOf(doc: Document, section: Section | null, field: Field): FieldSpec | undefined {
  return fieldSpec(sectionKey(doc, section), field.name.name);
}

export function sectionSpec(doc: Document, section: Section | null): SectionSpec | undefined {
  return SECTIONS.get(sectionKey(doc, section));
}

/** The entry (top-level field or section) containing an offset, by binary search. */
function entryAt(doc: Document, offset: number): Field | Section | undefined {
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid]!;
    if (offset < e.span.start) hi = mid - 1;
    else if (offset > e.span.end) lo = mid + 1;
    else return e;
  }
  return undefined;
}

function inField(section: Section | null, field: Field, offset: number): Located | null {
  if (contains(field.name.span, offset)) return { kind: "field-name", section, field };
  for (const item of field.value?.items ?? []) {
    for (const term of item.terms) if (contains(term.span, offset)) return { kind: "term", section, field, term };
  }
  return null;
}

export function locate(doc: Document, offset: number): Located | null {
  const h = doc.header;
  if (h) {
    if (contains(h.keywordSpan, offset)) return { kind: "header-keyword", doc };
    if (h.nameSpan && contains(h.nameSpan, offset)) return { kind: "header-name", doc };
  }
  for (const imp of doc.imports) {
    if (contains(imp.pathSpan, offset)) return { kind: "import-path", imp };
    if (imp.alias && contains(imp.alias.span, offset)) return { kind: "import-alias", imp };
  }
  const e = entryAt(doc, offset);
  if (!e) return null;
  if (e.kind === "field") return inField(null, e, offset);
  if (contains(e.keywordSpan, offset)) return { kind: "section-keyword", section: e };
  if (e.name && contains(e.name.span, offset)) return { kind: "section-name", section: e };
  for (const f of e.fields) {
    if (offset < f.span.start) break;
    const r = inField(e, f, offset);
    if (r) return r;
  }
  return null;
}

/** The section whose braces contain an offset (null: top level or outside). */
export function sectionAt(doc: Document, offset: number): Section | null {
  const e = entryAt(doc, offset);
  if (e?.kind === "section" && e.bodySpan && offset > e.bodySpan.start && offset <= e.bodySpan.end) return e;
  if (e?.kind === "section" && !e.bodySpan && offset > e.keywordSpan.end) return e;
  return null;
}

// ── Names: definitions and references within a file ─────────────────────

export type NameKind = "body" | "decision" | "alias";

export interface NameSite {
  readonly kind: NameKind;
  readonly name: string;
  readonly span: Name["span"];
  readonly definition: boolean;
}

/** Value kinds whose identifiers may name a body or a decision. */
const REF_KINDS: ReadonlySet<ValueKind> = new Set([
  "decision",
  "body",
  "body-or-string",
  "none-or-by",
  "open-or-by",
  "never-or-by",
  "selection",
  "appeal",
  "withdrawal",
  "secession-by",
]);

/** The names a file defines: what a reference resolves to (the first definition of each name). */
export interface NameTable {
  readonly bodies: ReadonlyMap<string, Name>;
  readonly decisions: ReadonlyMap<string, Name>;
  readonly aliases: ReadonlyMap<string, Import>;
}

export interface FileNames extends NameTable {
  /** Every definition and reference, in source order. */
  readonly sites: readonly NameSite[];
}

const tableCache = new WeakMap<Document, NameTable>();
const namesCache = new WeakMap<Document, FileNames>();

/**
 * The file's name table: one pass over its imports and top-level entries
 * (no field is read), so a request at one offset (hover, definition,
 * completion) stays cheap on a 5,000-line document.
 */
export function nameTable(doc: Document): NameTable {
  const hit = tableCache.get(doc);
  if (hit) return hit;
  const bodies = new Map<string, Name>();
  const decisions = new Map<string, Name>();
  const aliases = new Map<string, Import>();
  for (const imp of doc.imports) if (imp.alias && !aliases.has(imp.alias.name)) aliases.set(imp.alias.name, imp);
  for (const e of doc.entries) {
    if (e.kind !== "section" || !e.name) continue;
    if (e.keyword === "body" && !bodies.has(e.name.name)) bodies.set(e.name.name, e.name);
    if (e.keyword === "decision" && !decisions.has(e.name.name)) decisions.set(e.name.name, e.name);
  }
  const out = { bodies, decisions, aliases };
  tableCache.set(doc, out);
  return out;
}

/** The definition site of a section's name (a body or a decision), or the alias a `member of` names. */
function sectionSite(e: Section): NameSite | null {
  if (!e.name) return null;
  if (e.keyword === "body") return { kind: "body", name: e.name.name, span: e.name.span, definition: true };
  if (e.keyword === "decision") return { kind: "decision", name: e.name.name, span: e.name.span, definition: true };
  if (e.keyword === "member of") return { kind: "alias", name: e.name.name, span: e.name.span, definition: false };
  return null;
}

/** The reference sites of one field's value, in source order (`want`: only the term containing that offset). */
function fieldSites(doc: Document, section: Section | null, f: Field, out: NameSite[], want?: number): void {
  const spec = specOf(doc, section, f);
  if (!spec || !REF_KINDS.has(spec.kind)) return;
  let table: NameTable | undefined;
  for (const item of f.value?.items ?? []) {
    for (const t of item.terms) {
      if (t.kind !== "ident") continue;
      if (want !== undefined && !contains(t.span, want)) continue;
      table ??= nameTable(doc);
      if (table.decisions.has(t.name)) out.push({ kind: "decision", name: t.name, span: t.span, definition: false });
      else if (table.bodies.has(t.name)) out.push({ kind: "body", name: t.name, span: t.span, definition: false });
    }
  }
}

/** Every name site of the file (semantic tokens, references, rename): a walk of the whole document, cached per parse. */
export function namesOf(doc: Document): FileNames {
  const hit = namesCache.get(doc);
  if (hit) return hit;
  const sites: NameSite[] = [];
  for (const imp of doc.imports) {
    if (imp.alias) sites.push({ kind: "alias", name: imp.alias.name, span: imp.alias.span, definition: true });
  }
  for (const e of doc.entries) {
    if (e.kind === "field") {
      fieldSites(doc, null, e, sites);
      continue;
    }
    const s = sectionSite(e);
    if (s) sites.push(s);
    for (const f of e.fields) fieldSites(doc, e, f, sites);
  }
  sites.sort((a, b) => a.span.start - b.span.start);
  const out = { ...nameTable(doc), sites };
  namesCache.set(doc, out);
  return out;
}

/**
 * The name site at an offset, if any (the first in source order that
 * contains it, as in `namesOf(doc).sites`): the imports, then only the
 * entries around the offset (binary search), never the whole document.
 */
export function siteAt(doc: Document, offset: number): NameSite | undefined {
  for (const imp of doc.imports) {
    if (imp.alias && contains(imp.alias.span, offset)) return { kind: "alias", name: imp.alias.name, span: imp.alias.span, definition: true };
  }
  const entries = doc.entries;
  // The first entry that ends at or after the offset; an entry ending exactly there may be followed by one starting there.
  const lo = partitionPoint(entries.length, (i) => entries[i]!.span.end < offset);
  const found: NameSite[] = [];
  for (let i = lo; i < entries.length && entries[i]!.span.start <= offset; i++) {
    const e = entries[i]!;
    if (e.kind === "field") fieldSites(doc, null, e, found, offset);
    else {
      const s = sectionSite(e);
      if (s && contains(s.span, offset)) found.push(s);
      for (const f of e.fields) fieldSites(doc, e, f, found, offset);
    }
  }
  let best: NameSite | undefined;
  for (const s of found) if (!best || s.span.start < best.span.start) best = s;
  return best;
}

export const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;
