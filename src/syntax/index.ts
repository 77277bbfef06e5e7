// Public face of the syntax layer. chevrotain is imported only under
// `src/syntax/`; nothing here exposes its types except the CST token type,
// which only `src/lower/` consumes.
import { createSyntaxDiagramsCode, type ISerializedGast, type TokenType } from "chevrotain";
import {
  BlockComment,
  Colon,
  Comma,
  Duration,
  Fraction,
  Ident,
  LCurly,
  LineComment,
  NumberLit,
  Percent,
  Prose,
  RCurly,
  StringLit,
  lex,
  type LexError,
} from "./lexer.js";
import { charterParser, markLineStarts, parseTokens, type ParseError } from "./parser.js";
import type { CstDocument, SyntaxToken } from "./cst.js";

export type {
  CstDocument,
  CstEntry,
  CstField,
  CstHeader,
  CstImport,
  CstJunk,
  CstPhrase,
  CstSection,
  CstValue,
  SyntaxToken,
} from "./cst.js";
export type { LexError } from "./lexer.js";
export type { ParseError } from "./parser.js";
export { SECTION_KEYWORD_IMAGES } from "./parser.js";
export { countTokens, type TokenCount } from "./count.js";

export type TokenKind =
  | "ident"
  | "string"
  | "prose"
  | "number"
  | "percent"
  | "fraction"
  | "duration"
  | "lcurly"
  | "rcurly"
  | "colon"
  | "comma"
  | "comment"
  | "error";

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

const KIND_OF = new Map<TokenType, TokenKind>([
  [Ident, "ident"],
  [StringLit, "string"],
  [Prose, "prose"],
  [NumberLit, "number"],
  [Percent, "percent"],
  [Fraction, "fraction"],
  [Duration, "duration"],
  [LCurly, "lcurly"],
  [RCurly, "rcurly"],
  [Colon, "colon"],
  [Comma, "comma"],
  [LineComment, "comment"],
  [BlockComment, "comment"],
]);

/** The kind of a CST token. */
export function tokenKind(t: SyntaxToken): TokenKind {
  return KIND_OF.get(t.tokenType) ?? "error";
}

/** True for a `//` comment token (else it is a block comment). */
export function isLineComment(t: SyntaxToken): boolean {
  return t.tokenType === LineComment;
}

/**
 * Every token in source order, comments included and runs of unexpected
 * characters as `error` tokens; whitespace is left out. Never throws.
 */
export function tokenize(text: string): Token[] {
  const r = lex(text);
  const out: Token[] = [];
  const toks = r.tokens;
  const coms = r.comments;
  const errs = r.errors;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < toks.length || j < coms.length || k < errs.length) {
    const a = i < toks.length ? toks[i]!.startOffset : Infinity;
    const b = j < coms.length ? coms[j]!.startOffset : Infinity;
    const c = k < errs.length ? errs[k]!.offset : Infinity;
    if (a <= b && a <= c) {
      const t = toks[i++]!;
      out.push({ kind: KIND_OF.get(t.tokenType) ?? "error", start: t.startOffset, end: t.startOffset + t.image.length });
    } else if (b <= c) {
      const t = coms[j++]!;
      out.push({ kind: "comment", start: t.startOffset, end: t.startOffset + t.image.length });
    } else {
      const e = errs[k++]!;
      out.push({ kind: "error", start: e.offset, end: e.offset + e.length });
    }
  }
  return out;
}

export interface SyntaxResult {
  readonly cst: CstDocument;
  /** Parser-visible tokens. */
  readonly tokens: readonly SyntaxToken[];
  readonly comments: readonly SyntaxToken[];
  readonly lexErrors: readonly LexError[];
  /** Errors chevrotain itself reported (not expected: the grammar is total). */
  readonly parseErrors: readonly ParseError[];
}

/** Lex and parse. Never throws for any input. */
export function parseSyntax(text: string): SyntaxResult {
  const r = lex(text);
  const tokens = r.tokens as SyntaxToken[];
  markLineStarts(text, tokens);
  const { cst, errors } = parseTokens(tokens);
  return { cst, tokens, comments: r.comments, lexErrors: r.errors, parseErrors: errors };
}

/** The grammar as chevrotain serialises it (for the railroad diagrams). */
export function getSerializedGastProductions(): ISerializedGast[] {
  return charterParser().getSerializedGastProductions();
}

/** Names of the parser's rules, in definition order. */
export function grammarRuleNames(): string[] {
  return getSerializedGastProductions().map((p) => (p as unknown as { name: string }).name);
}

/** grammar/railroad.html as it should be committed (see scripts/gen-railroad.mjs). */
export function railroadHtml(): string {
  return createSyntaxDiagramsCode(getSerializedGastProductions());
}
