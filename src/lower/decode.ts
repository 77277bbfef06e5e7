// Decoding of literal token images: strings, prose, numbers, durations.
import type { DurationUnit } from "../ast/ast.js";

export interface DecodedString {
  readonly value: string;
  readonly terminated: boolean;
  /** Unknown escapes: offset of the backslash relative to the image, and the escape as written. */
  readonly badEscapes: readonly { readonly at: number; readonly text: string }[];
}

/**
 * Decode a `"…"` image. `\"`, `\\`, `\n` are escapes; any other `\x` is
 * reported (CH0005) and kept as written (`\x`, both characters).
 */
export function decodeString(image: string): DecodedString {
  let value = "";
  const badEscapes: { at: number; text: string }[] = [];
  let i = 1;
  let chunk = 1;
  const len = image.length;
  while (i < len) {
    const c = image.charCodeAt(i);
    if (c === 34 /* " */) {
      value += image.slice(chunk, i);
      return { value, terminated: i === len - 1, badEscapes };
    }
    if (c === 92 /* \ */) {
      value += image.slice(chunk, i);
      if (i + 1 >= len) {
        chunk = i + 1;
        i++;
        break;
      }
      const n = image[i + 1]!;
      if (n === '"' || n === "\\") value += n;
      else if (n === "n") value += "\n";
      else {
        // Keep a whole code point for the message (an escaped surrogate pair).
        const cp = image.codePointAt(i + 1)!;
        const esc = "\\" + String.fromCodePoint(cp);
        badEscapes.push({ at: i, text: esc });
        value += esc;
        i += esc.length;
        chunk = i;
        continue;
      }
      i += 2;
      chunk = i;
      continue;
    }
    i++;
  }
  value += image.slice(chunk, len);
  return { value, terminated: false, badEscapes };
}

/**
 * Prose dedent (§2 "common leading indentation removed"), precisely:
 *  1. Take the text between the `"""` delimiters (to the end of the file
 *     when the closing one is missing). Line breaks (CRLF, CR, LF) become LF.
 *  2. Drop the first line if it is blank (the usual `"""` + newline), and the
 *     last line if it is blank or whitespace only (the indentation before the
 *     closing `"""`).
 *  3. The common indentation is the longest common prefix of spaces and tabs
 *     (compared character by character, no tab expansion) of the non-blank
 *     lines; it is removed from every non-blank line. Blank lines (empty or
 *     whitespace only) become empty lines.
 *  4. Trailing whitespace on non-blank lines is kept; nothing else changes.
 * The raw text, delimiters included, is kept in the AST's `raw`.
 */
export function dedentProse(image: string): { value: string; terminated: boolean } {
  const terminated = image.length >= 6 && image.endsWith('"""');
  const inner = image.slice(3, terminated ? image.length - 3 : image.length);
  const lines = inner.split(/\r\n|\r|\n/);
  const isBlank = (l: string) => /^[ \t\f\v\u00a0\ufeff]*$/.test(l);
  if (lines.length > 1 && isBlank(lines[0]!)) lines.shift();
  if (lines.length > 1 && isBlank(lines[lines.length - 1]!)) lines.pop();
  else if (lines.length === 1 && isBlank(lines[0]!)) return { value: "", terminated };
  let prefix: string | null = null;
  for (const l of lines) {
    if (isBlank(l)) continue;
    let n = 0;
    const max = prefix === null ? l.length : Math.min(prefix.length, l.length);
    while (n < max) {
      const c = l.charCodeAt(n);
      if (c !== 32 && c !== 9) break;
      if (prefix !== null && prefix.charCodeAt(n) !== c) break;
      n++;
    }
    prefix = l.slice(0, n);
    if (n === 0) break;
  }
  const cut = prefix === null ? 0 : prefix.length;
  const value = lines.map((l) => (isBlank(l) ? "" : l.slice(cut))).join("\n");
  return { value, terminated };
}

export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = { day: 1, week: 7, month: 30, year: 365 };

export function decodeDuration(image: string): { amount: number; unit: DurationUnit; days: number } {
  const m = /^([0-9]+(?:\.[0-9]+)?)[ \t]+(day|week|month|year)s?$/.exec(image);
  if (m === null) return { amount: NaN, unit: "day", days: NaN };
  const amount = Number(m[1]);
  const unit = m[2] as DurationUnit;
  return { amount, unit, days: amount * DAYS_PER_UNIT[unit] };
}
