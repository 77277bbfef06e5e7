// The charter lexer (chevrotain). Every pattern is linear-time: regexes are
// simple, and the three "delimited" tokens (string, prose, block comment) use
// hand-written matchers that, when unterminated, consume to the end of the
// line (string) or of the file (prose, comment) as ONE token — so an
// unterminated `"` or `/*` never makes the lexer rescan the rest of the file
// at each position (quadratic), nor backtrack (chevrotain issue #1151).
// Lowering reports the unterminated ones (CH0002/CH0003/CH0004).
//
// Keywords are not reserved: there is a single IDENT token, and the parser
// recognises `charter`, `import`, `exit`, … by their image.
import { createToken, Lexer, type IToken, type TokenType, type CustomPatternMatcherReturn } from "chevrotain";

/** Category every parser-visible token belongs to; the grammar's "junk" consumes it. */
export const AnyToken = createToken({ name: "ANY", pattern: Lexer.NA });
/** Category of the tokens that can be a term of a phrase (one LL(1) check instead of seven). */
export const TermToken = createToken({ name: "TERM", pattern: Lexer.NA });

function match(image: string): CustomPatternMatcherReturn {
  return [image] as unknown as CustomPatternMatcherReturn;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const LF = 10;
const CR = 13;
const SLASH = 47;
const STAR = 42;

/** `"…"` on one line; unterminated → up to (not including) the line break. */
function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  // `"""` is prose (tried first); never start a string there.
  if (text.charCodeAt(offset + 1) === QUOTE && text.charCodeAt(offset + 2) === QUOTE) return null;
  const len = text.length;
  let i = offset + 1;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return match(text.slice(offset, i + 1));
    if (c === LF || c === CR) break;
    if (c === BACKSLASH) {
      const n = text.charCodeAt(i + 1);
      if (n === LF || n === CR || i + 1 >= len) {
        i++;
        break;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return match(text.slice(offset, Math.min(i, len)));
}

/** `"""…"""`, multi-line; unterminated → to the end of the file. */
function matchProse(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== QUOTE || text.charCodeAt(offset + 1) !== QUOTE || text.charCodeAt(offset + 2) !== QUOTE) {
    return null;
  }
  const close = text.indexOf('"""', offset + 3);
  return match(text.slice(offset, close < 0 ? text.length : close + 3));
}

/** `/* … *\/`, not nested; unterminated → to the end of the file. */
function matchBlockComment(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
  const close = text.indexOf("*/", offset + 2);
  return match(text.slice(offset, close < 0 ? text.length : close + 2));
}

// Every regex token names the characters a match can start with
// (`start_chars_hint`), so building the lexer need not parse the regexes
// (chevrotain's regexp-to-ast pass; about 3 ms of every cold `check`).
// test/syntax/lexer-hints.test.ts checks each hint against its pattern over
// all 65,536 code units.
const DIGITS = [..."0123456789"];
/** The code units `\s` matches in JavaScript. */
export const WHITESPACE_CHARS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

export const WhiteSpace = createToken({
  name: "WHITESPACE",
  // \s covers space, tab, CR, LF, U+FEFF (BOM), NBSP and the Unicode spaces.
  pattern: /\s+/,
  start_chars_hint: [...WHITESPACE_CHARS],
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({
  name: "LINE_COMMENT",
  pattern: /\/\/[^\n\r]*/,
  start_chars_hint: ["/"],
  line_breaks: false,
  group: "comments",
});
export const BlockComment = createToken({
  name: "BLOCK_COMMENT",
  pattern: { exec: matchBlockComment },
  start_chars_hint: ["/"],
  line_breaks: true,
  group: "comments",
});
export const Prose = createToken({
  name: "PROSE",
  pattern: { exec: matchProse },
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [AnyToken, TermToken],
});
export const StringLit = createToken({
  name: "STRING",
  pattern: { exec: matchString },
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const Duration = createToken({
  name: "DURATION",
  pattern: /[0-9]+(?:\.[0-9]+)?[ \t]+(?:days?|weeks?|months?|years?)(?![A-Za-z0-9_-])/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const Percent = createToken({
  name: "PERCENT",
  pattern: /[0-9]+(?:\.[0-9]+)?%/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const Fraction = createToken({
  name: "FRACTION",
  pattern: /[0-9]+\/[0-9]+/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const NumberLit = createToken({
  name: "NUMBER",
  pattern: /[0-9]+(?:\.[0-9]+)?/,
  start_chars_hint: DIGITS,
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const Ident = createToken({
  name: "IDENT",
  pattern: /[A-Za-z_][A-Za-z0-9_-]*/,
  start_chars_hint: [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"],
  line_breaks: false,
  categories: [AnyToken, TermToken],
});
export const LCurly = createToken({ name: "LCURLY", pattern: "{", categories: [AnyToken] });
export const RCurly = createToken({ name: "RCURLY", pattern: "}", categories: [AnyToken] });
export const Colon = createToken({ name: "COLON", pattern: ":", categories: [AnyToken] });
export const Comma = createToken({ name: "COMMA", pattern: ",", categories: [AnyToken] });

/** Lexer order matters: the first pattern that matches wins. */
export const lexerTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  Prose,
  StringLit,
  Duration,
  Percent,
  Fraction,
  NumberLit,
  Ident,
  LCurly,
  RCurly,
  Colon,
  Comma,
];

/** Token vocabulary of the parser (lexer tokens plus the category). */
export const parserTokens: TokenType[] = [...lexerTokens, AnyToken, TermToken];

// The bundle (scripts/build.mjs) defines CHARTERC_BUNDLED: the grammar was validated by the tests.
const production = typeof process !== "undefined" && (process.env.CHARTERC_BUNDLED === "1" || process.env.NODE_ENV === "production");

export const charterLexer = new Lexer(lexerTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  recoveryEnabled: true,
  skipValidations: production,
  // Messages are built by lowering (CH0001); chevrotain's per-error string
  // building is wasted work on a large garbage file.
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: () => "unexpected character",
    buildUnableToPopLexerModeMessage: () => "unable to pop lexer mode",
  },
});

export interface LexError {
  readonly offset: number;
  readonly length: number;
}

export interface LexResult {
  /** Parser-visible tokens (no whitespace, no comments). */
  readonly tokens: IToken[];
  readonly comments: IToken[];
  /** Runs of characters no token can start (one entry per run). */
  readonly errors: LexError[];
}

export function lex(text: string): LexResult {
  const r = charterLexer.tokenize(text);
  const comments = (r.groups["comments"] as IToken[] | undefined) ?? [];
  const errors = r.errors.map((e) => ({ offset: e.offset, length: e.length }));
  return { tokens: r.tokens, comments, errors };
}
