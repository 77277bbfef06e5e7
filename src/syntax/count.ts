// Counting tokens before lexing, without allocating: the front end's memory
// grows with the number of tokens (each becomes a token object, CST and AST
// nodes, and for the formatter a prettier document), not with bytes, so the
// documented limit is a number of tokens (src/config/limits.ts). This scan
// finds where the limit is crossed in one pass, so a file over it is refused
// (CH0018) before a single token object exists.
//
// It follows the lexer's rules (src/syntax/lexer.ts) token for token:
// whitespace is skipped; `//` and `/* */` comments, `"""` prose, `"` strings
// (to the quote or the line end, `\` escaping the next character), numbers
// with an optional `%`, `/DIGITS` or `SPACES UNIT` (a duration is one
// token), identifiers, and `{ } : ,` each count one; a run of characters no
// token starts (CH0001) counts nothing. test/syntax/count.test.ts checks the
// count against the lexer's.

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  QUOTE = 34,
  PERCENT = 37,
  STAR = 42,
  COMMA = 44,
  DOT = 46,
  SLASH = 47,
  D0 = 48,
  D9 = 57,
  COLON = 58,
  BACKSLASH = 92,
  UNDERSCORE = 95,
  MINUS = 45,
  LCURLY = 123,
  RCURLY = 125,
}

function isDigit(c: number): boolean {
  return c >= C.D0 && c <= C.D9;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.UNDERSCORE;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === C.MINUS;
}
/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const UNITS = ["days", "day", "weeks", "week", "months", "month", "years", "year"];

/** End of `[ \t]+UNIT` (word-bounded) after a number ending at `i`, or -1. */
function durationEnd(text: string, i: number): number {
  let j = i;
  while (text.charCodeAt(j) === C.SPACE || text.charCodeAt(j) === C.TAB) j++;
  if (j === i) return -1;
  for (const u of UNITS) {
    if (text.startsWith(u, j) && !isIdentPart(text.charCodeAt(j + u.length))) return j + u.length;
  }
  return -1;
}

export interface TokenCount {
  /** Tokens counted (at most `max + 1`). */
  readonly count: number;
  /** Offset of the first token past `max`, or null when the text has at most `max` tokens. */
  readonly overAt: number | null;
}

/** Count the lexer's tokens (comments included), stopping at the first one past `max`. Linear, allocation-free. */
export function countTokens(text: string, max: number): TokenCount {
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === C.SLASH && text.charCodeAt(i + 1) === C.SLASH) {
      i += 2;
      while (i < len && text.charCodeAt(i) !== C.LF && text.charCodeAt(i) !== C.CR) i++;
    } else if (c === C.SLASH && text.charCodeAt(i + 1) === C.STAR) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? len : close + 2;
    } else if (c === C.QUOTE && text.charCodeAt(i + 1) === C.QUOTE && text.charCodeAt(i + 2) === C.QUOTE) {
      const close = text.indexOf('"""', i + 3);
      i = close < 0 ? len : close + 3;
    } else if (c === C.QUOTE) {
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === C.QUOTE) {
          i++;
          break;
        }
        if (d === C.LF || d === C.CR) break;
        if (d === C.BACKSLASH) {
          const e = text.charCodeAt(i + 1);
          if (e === C.LF || e === C.CR || i + 1 >= len) {
            i++;
            break;
          }
          i += 2;
          continue;
        }
        i++;
      }
    } else if (isDigit(c)) {
      while (isDigit(text.charCodeAt(i))) i++;
      const intEnd = i;
      if (text.charCodeAt(i) === C.DOT && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const d = durationEnd(text, i);
      if (d >= 0) i = d;
      else if (text.charCodeAt(i) === C.PERCENT) i++;
      else if (i === intEnd && text.charCodeAt(i) === C.SLASH && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    } else if (isIdentStart(c)) {
      i++;
      while (isIdentPart(text.charCodeAt(i))) i++;
    } else if (c === C.LCURLY || c === C.RCURLY || c === C.COLON || c === C.COMMA) {
      i++;
    } else {
      // A character no token starts (CH0001): the lexer skips it.
      i++;
      continue;
    }
    n++;
    if (n > max) return { count: n, overAt: start };
  }
  return { count: n, overAt: null };
}
