// The concrete syntax tree built by the parser's embedded actions: plain
// objects holding tokens. `src/lower/` is the only consumer; it turns them
// into the AST of `src/ast/ast.ts` and reports the syntax errors that the
// CST's shape reveals (a missing colon is a field whose `colon` is null, …).
import type { IToken } from "chevrotain";

/**
 * A token as the CST holds it (chevrotain's, plus a line-start flag). The
 * lexer tracks offsets only: use `startOffset` and `image.length` (there is
 * no `endOffset`).
 */
export interface SyntaxToken extends IToken {
  /** True when a line break separates this token from the previous one (or it is the first token). */
  nl?: boolean;
}

export interface CstImport {
  readonly kind: "import";
  readonly keyword: SyntaxToken;
  path: SyntaxToken | null;
  as: SyntaxToken | null;
  alias: SyntaxToken | null;
}

export interface CstHeader {
  readonly kind: "header";
  readonly keyword: SyntaxToken;
  /** A STRING normally; any other token here is a malformed name. */
  name: SyntaxToken | null;
}

/** A run of consecutive tokens that fit nowhere (never empty). */
export interface CstJunk {
  readonly kind: "junk";
  readonly tokens: SyntaxToken[];
}

/** One comma-separated item; empty for an empty item (`a, , b`; then shared and frozen). */
export type CstPhrase = SyntaxToken[];

export interface CstValue {
  readonly kind: "value";
  /** Always `commas.length + 1` phrases; empty ones are errors. */
  readonly phrases: CstPhrase[];
  readonly commas: SyntaxToken[];
}

export interface CstField {
  readonly kind: "field";
  readonly name: SyntaxToken;
  colon: SyntaxToken | null;
  /** Extra colons after the first (`a: : b`), reported as unexpected. */
  readonly stray: SyntaxToken[];
  value: CstValue | null;
  /**
   * Set when the forgotten-colon recovery started this field: it began a
   * line inside the previous field's value, and gluing it on would have made
   * that value invalid (see the parser's `atPhraseContinuation`).
   */
  startsLine?: boolean;
}

export interface CstSection {
  readonly kind: "section";
  /** The keyword (`member` for `member of`). */
  readonly keyword: SyntaxToken;
  /** The `of` of `member of`. */
  of: SyntaxToken | null;
  name: SyntaxToken | null;
  open: SyntaxToken | null;
  readonly items: (CstField | CstJunk)[];
  close: SyntaxToken | null;
}

export type CstEntry = CstSection | CstField | CstJunk;

export interface CstDocument {
  readonly kind: "document";
  /** Stray tokens before everything else (not IDENT, not `{`). */
  readonly leading: SyntaxToken[];
  readonly imports: CstImport[];
  header: CstHeader | null;
  open: SyntaxToken | null;
  readonly entries: CstEntry[];
  close: SyntaxToken | null;
  /** Entries after the charter's closing brace (an error, still lowered). */
  readonly trailing: CstEntry[];
}

export function emptyDocument(): CstDocument {
  return { kind: "document", leading: [], imports: [], header: null, open: null, entries: [], close: null, trailing: [] };
}
