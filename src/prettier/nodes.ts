// The tree prettier walks: charterc's AST (from `src/lower`, the one parser)
// re-shaped so every node has `start`/`end` offsets and the children
// comments can attach to. Nothing here re-parses: offsets the AST lacks
// (the braces of the charter body) are found by skipping whitespace and the
// comments the lexer already listed.
import type { Comment, Document, Field, Import, Phrase, Section, SectionKeyword, Term } from "../ast/ast.js";

export interface CommentNode {
  readonly type: "comment";
  readonly style: "line" | "block";
  /** The comment as written, delimiters included (prettier reads `value` in its messages). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  // Set by prettier's comment attachment.
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  placement?: "ownLine" | "endOfLine" | "remaining";
}

interface Base {
  readonly start: number;
  readonly end: number;
  comments?: CommentNode[];
}

export interface RootNode extends Base {
  readonly type: "root";
  readonly imports: ImportNode[];
  readonly charter: CharterNode;
  /** Every comment, in source order; prettier attaches and then removes them. */
  comments?: CommentNode[];
}

export interface ImportNode extends Base {
  readonly type: "import";
  readonly ast: Import;
  /** The path string as written (quotes and escapes kept). */
  readonly pathRaw: string;
  readonly alias: string;
}

export interface CharterNode extends Base {
  readonly type: "charter";
  readonly kind: "charter" | "federation";
  /** The name string as written. */
  readonly nameRaw: string;
  /** Offset of the `{` that opens the body. */
  readonly open: number;
  readonly entries: EntryNode[];
}

export interface SectionNode extends Base {
  readonly type: "section";
  readonly keyword: SectionKeyword;
  readonly name: string | null;
  readonly open: number;
  readonly entries: FieldNode[];
}

export interface FieldNode extends Base {
  readonly type: "field";
  readonly name: string;
  readonly items: PhraseNode[];
  /** Depth of the field: 1 in the charter body, 2 in a section (prose indentation). */
  readonly depth: number;
}

export interface PhraseNode extends Base {
  readonly type: "phrase";
  readonly terms: readonly Term[];
  /**
   * Printing this phrase term by term could change how it lexes (a number
   * followed by a duration unit: `30` + `days` would become one duration);
   * it is printed exactly as written.
   */
  readonly verbatim: boolean;
}

export type EntryNode = FieldNode | SectionNode;
export type CharterTreeNode = RootNode | ImportNode | CharterNode | SectionNode | FieldNode | PhraseNode;

const DURATION_UNIT = /^(?:day|week|month|year)s?$/;

/** Skip whitespace and comments forwards from `i`; `comments` sorted by start. */
function skipTrivia(text: string, i: number, comments: readonly Comment[]): number {
  let c = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    while (c < comments.length && comments[c]!.span.start < i) c++;
    if (c < comments.length && comments[c]!.span.start === i) {
      i = comments[c]!.span.end;
      continue;
    }
    return i;
  }
}

function phraseNode(p: Phrase): PhraseNode {
  let verbatim = false;
  for (let i = 0; i + 1 < p.terms.length; i++) {
    const a = p.terms[i]!;
    const b = p.terms[i + 1]!;
    if (a.kind === "number" && b.kind === "ident" && DURATION_UNIT.test(b.name)) verbatim = true;
  }
  return { type: "phrase", terms: p.terms, verbatim, start: p.span.start, end: p.span.end };
}

function fieldNode(f: Field, depth: number): FieldNode {
  return {
    type: "field",
    name: f.name.name,
    items: f.value ? f.value.items.map(phraseNode) : [],
    depth,
    start: f.span.start,
    end: f.span.end,
  };
}

function sectionNode(s: Section): SectionNode {
  return {
    type: "section",
    keyword: s.keyword,
    name: s.name?.name ?? null,
    open: s.bodySpan?.start ?? s.span.end,
    entries: s.fields.map((f) => fieldNode(f, 2)),
    start: s.span.start,
    end: s.span.end,
  };
}

/**
 * Build the prettier tree of a document that parsed without syntax errors
 * (so it has a header, its braces and every value).
 */
export function buildTree(doc: Document, text: string): RootNode {
  const comments: CommentNode[] = doc.comments.map((c) => ({
    type: "comment",
    style: c.style,
    value: c.text,
    start: c.span.start,
    end: c.span.end,
  }));
  const header = doc.header;
  if (header === null || header.nameSpan === null) throw new Error("charter without a header");
  const open = skipTrivia(text, header.span.end, doc.comments);
  const last = doc.entries[doc.entries.length - 1];
  const close = skipTrivia(text, last ? last.span.end : open + 1, doc.comments) + 1;
  const charter: CharterNode = {
    type: "charter",
    kind: header.kind,
    nameRaw: text.slice(header.nameSpan.start, header.nameSpan.end),
    open,
    entries: doc.entries.map((e) => (e.kind === "field" ? fieldNode(e, 1) : sectionNode(e))),
    start: header.span.start,
    end: close,
  };
  const imports: ImportNode[] = doc.imports.map((i) => ({
    type: "import",
    ast: i,
    pathRaw: text.slice(i.pathSpan.start, i.pathSpan.end),
    alias: i.alias?.name ?? "",
    start: i.span.start,
    end: i.span.end,
  }));
  return { type: "root", imports, charter, comments, start: 0, end: text.length };
}

export function childNodes(node: CharterTreeNode): CharterTreeNode[] {
  switch (node.type) {
    case "root":
      return [...node.imports, node.charter];
    case "charter":
    case "section":
      return node.entries;
    case "field":
      return node.items;
    case "import":
    case "phrase":
      return [];
  }
}
