// Small scanners over the original text, used to decide comment placement
// and blank lines (prettier's own `util` lives in its main entry, which the
// standalone build used by `charterc fmt` does not load).

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** Whether a line break separates `i` from the previous non-space character (looking backwards). */
export function newlineBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j < 0 || text[j] === "\n" || text[j] === "\r";
}

/** Whether only spaces stand between `i` and the end of its line. */
export function newlineAfter(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && isSpace(text[j])) j++;
  return j >= text.length || text[j] === "\n" || text[j] === "\r";
}

function skipNewline(text: string, i: number): number {
  if (text[i] === "\r" && text[i + 1] === "\n") return i + 2;
  if (text[i] === "\n" || text[i] === "\r") return i + 1;
  return i;
}

/**
 * Whether the line after the one holding offset `end` is blank. Comments
 * that follow on the same line are skipped first (a trailing `// note`).
 */
export function isNextLineEmpty(text: string, end: number): boolean {
  let i = end;
  for (;;) {
    while (isSpace(text[i])) i++;
    if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      const nl = text.slice(i, close < 0 ? text.length : close).search(/[\r\n]/);
      if (close < 0 || nl >= 0) return false; // a block comment running onto the next line
      i = close + 2;
      continue;
    }
    break;
  }
  if (text.startsWith("//", i)) {
    while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  }
  if (text[i] !== "\n" && text[i] !== "\r") return false;
  i = skipNewline(text, i);
  while (isSpace(text[i])) i++;
  return text[i] === "\n" || text[i] === "\r";
}

/** Whether a blank line separates the comment or node ending at `end` from what follows it. */
export function blankLineAfter(text: string, end: number): boolean {
  let i = end;
  while (isSpace(text[i])) i++;
  if (text[i] !== "\n" && text[i] !== "\r") return false;
  i = skipNewline(text, i);
  while (isSpace(text[i])) i++;
  return text[i] === "\n" || text[i] === "\r";
}
