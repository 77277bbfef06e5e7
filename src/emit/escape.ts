// Escaping user text for each output format. Everything a charter author
// writes (names, preamble, rights, eligibility…) passes through one of these
// before it reaches Markdown, a Mermaid label, a table cell or a CSV field.
//
// This is the one Markdown escaper of the project: the constitution
// (src/emit/), the semantic diff and `compare` (src/diff/), the site and the
// language server's hover all use it. The API:
//
//   escapeMarkdown(text)         prose that may span lines (a preamble): each
//                                line's block starters are escaped too
//   escapeMarkdownInline(text)   one line of text inside generated Markdown
//                                (a sentence, a heading, a list item)
//   escapeTableCell(text)        the same, for a GFM table cell
//   escapeText(text)             a piece between other generated inline
//                                Markdown, kept exactly as long (no trimming)
//   code(text)                   an inline code span showing `text` literally
//   escapeWithCodeSpans(message) a message whose `backticked` parts become
//                                code spans, the rest escaped text
//
// What is escaped, and why (only what can start or form markup where the
// text lands, so `1.0.0` and `snake_case` stay as written):
//   - `\` before ASCII punctuation or at the end (it would escape what follows);
//   - `` ` `` (code spans), `*` (emphasis), `~` (strikethrough), `$` (math),
//     `[` and `]` (links, images — `![i](…)` needs the `[`), `<` (raw HTML
//     and `<…>` autolinks), `|` (a GFM table cell or a table);
//   - `_` unless it sits between two letters or digits (intraword `_` never
//     opens emphasis in CommonMark);
//   - `&` before `#` or a letter or digit (an entity reference);
//   - what linkifiers (markdown-it's `linkify`, GFM's autolink extension)
//     turn into links: `:` after a URL scheme (`https:`, `mailto:`), `.`
//     between a domain label and a label of two or more letters (`evil.com`,
//     `docs.github.io`, and any `www.`; not `1.0.0`, `e.g.`), `@` before a letter
//     or digit (`x@evil.com`, and `@user` mentions);
//   - at the start of a line: `#`, `>`, `-`, `+`, `=` and `1.`/`1)` (headings,
//     quotes, lists, setext underlines, thematic breaks);
//   - control characters become U+FFFD; inline text has its line breaks made
//     spaces (a table row and a list item are one line).
// Escaping is by backslash, which every CommonMark renderer removes, so the
// reader sees the text exactly as written.

/** A letter, mark or digit: the characters of a word (intraword `_` is literal). */
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** What linkifiers accept in a domain label: anything but spaces, controls and punctuation (symbols such as `^` included), or `-`. */
const LABEL = /^(?:[^\s\p{P}\p{Cc}]|[-_])$/u;
const LETTER = /\p{L}/u;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
/** The characters some context can make markup of; each is decided by `escapeAt`. */
const CANDIDATES = /[\\`*_[\]<&|~$@.:]/g;
// C0 and C1 controls and DEL (tab is made a space before this).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const at = (s: string, i: number): string => (i >= 0 && i < s.length ? s[i]! : "");

/** Whether the character at `i` of `s` (one line) must be escaped. */
function escapeAt(s: string, i: number): boolean {
  const c = s[i]!;
  const prev = at(s, i - 1);
  const next = at(s, i + 1);
  switch (c) {
    case "\\":
      return next === "" || ASCII_PUNCT.test(next);
    case "_":
      return !(WORD.test(prev) && WORD.test(next));
    case "&":
      return next === "#" || /[A-Za-z0-9]/.test(next);
    case "@":
      return LABEL.test(next);
    case ".":
      return (LABEL.test(prev) && LETTER.test(next) && LABEL.test(at(s, i + 2))) || /www$/i.test(s.slice(Math.max(0, i - 3), i));
    case ":":
      return next !== "" && !/\s/.test(next) && schemeBefore(s, i);
    default:
      return true;
  }
}

/** `s[..i]` ends with something a URL scheme could end (`…https`, `mailto`): a run of `[A-Za-z0-9+.-]` holding a letter. */
function schemeBefore(s: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && /[A-Za-z0-9+.-]/.test(s[j]!); j--) if (/[A-Za-z]/.test(s[j]!)) return true;
  return false;
}

function escapeInline(line: string): string {
  const s = line.replace(/\t/g, " ").replace(CONTROL, "\ufffd");
  return s.replace(CANDIDATES, (c, i: number) => (escapeAt(s, i) ? `\\${c}` : c));
}

/** Block starters at the beginning of a line (after indentation): heading, list, quote, break, setext underline. */
function escapeBlockStart(s: string): string {
  return s.replace(/^(\s*)([#+=>-])/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** A trailing ` #` would be read as the closing sequence of an ATX heading and dropped. */
function escapeClosingHash(s: string): string {
  return s.replace(/(^|\s)(#+)$/, (_m, sp: string, hashes: string) => `${sp}\\${hashes}`);
}

/**
 * Prose that may span several lines (a preamble, a right's text): every
 * line is escaped, and line starts that could open a block (heading, list,
 * quote, thematic break, setext underline) are escaped too. Each line is
 * trimmed (Markdown drops the spaces anyway, except that four make a code
 * block and two at the end a line break). Blank lines stay: they separate
 * paragraphs.
 */
export function escapeMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.map((l) => escapeBlockStart(escapeInline(l.trim()))).join("\n");
}

/**
 * One line of user text inside generated Markdown (a sentence, a heading
 * after `## `, a list item, a hover line): line breaks become spaces, the
 * ends are trimmed, and a leading block marker is escaped too, so the text
 * is safe even where it does start a line.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeClosingHash(escapeBlockStart(escapeInline(oneLine(text).trim())));
}

/** Escaped text kept exactly as long (no trimming): for pieces between other generated inline Markdown. */
export function escapeText(text: string): string {
  return escapeInline(text.replace(/\r\n?|\n/g, " "));
}

/** A GFM table cell: one line, pipes escaped (as everywhere), block markers escaped. */
export function escapeTableCell(text: string): string {
  return escapeMarkdownInline(text);
}

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, " ");

/**
 * An inline code span showing `text` literally (identifiers, file names,
 * values): the fence is one backtick longer than the longest run inside, and
 * padded where CommonMark would otherwise strip or merge. Code spans are
 * never linkified. Text with a `|` is given as escaped text instead (a pipe
 * splits a GFM table cell even inside a code span, and `\|` inside one shows
 * the backslash outside tables), so `code()` is safe in every context.
 */
export function code(text: string): string {
  const one = oneLine(text).replace(/\t/g, " ").replace(CONTROL, "\ufffd");
  if (one.length === 0) return "";
  if (one.includes("|")) return escapeText(one);
  let longest = 0;
  for (const m of one.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") || (one.startsWith(" ") && one.endsWith(" ") && one.trim() !== "");
  return pad ? `${fence} ${one} ${fence}` : `${fence}${one}${fence}`;
}

/**
 * A message in which `backticked` parts name identifiers or values (rule
 * messages, diff reasons): those parts become code spans, the rest is
 * escaped text, all on one line. A message with an unpaired backtick is
 * escaped as plain text.
 */
export function escapeWithCodeSpans(message: string): string {
  const parts = oneLine(message).split("`");
  if (parts.length % 2 === 0) return escapeMarkdownInline(message);
  return parts.map((part, i) => (i % 2 === 0 ? escapeText(part) : code(part))).join("");
}

/**
 * A heading's anchor as GitHub generates it: lower case, characters other
 * than letters, digits, spaces, `-` and `_` dropped, each space a hyphen.
 * Clause titles are built so this gives `[a-z0-9_-]` only.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .trim()
    .replace(/ /g, "-");
}

/**
 * A Mermaid label, for use inside double quotes: `"` and the characters
 * Mermaid or its HTML labels interpret become entity codes (`#quot;`,
 * `#lt;` …), which Mermaid turns back into the characters when drawing.
 */
export function mermaidLabel(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  let out = "";
  for (const ch of one) {
    switch (ch) {
      case '"':
        out += "#quot;";
        break;
      case "<":
        out += "#lt;";
        break;
      case ">":
        out += "#gt;";
        break;
      case "&":
        out += "#amp;";
        break;
      case "#":
        out += "#35;";
        break;
      case "`":
        out += "#96;";
        break;
      case ";":
        out += "#59;";
        break;
      case "|":
        out += "#124;";
        break;
      case "[":
        out += "#91;";
        break;
      case "]":
        out += "#93;";
        break;
      case "{":
        out += "#123;";
        break;
      case "}":
        out += "#125;";
        break;
      case "\\":
        out += "#92;";
        break;
      case "%":
        out += "#37;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF;
 * quotes doubled. A field a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, a tab or a CR, as OWASP's CSV-injection advice
 * lists) gets a leading `'`, which spreadsheets show as text.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV rows joined with CRLF, as RFC 4180 specifies, ending with a CRLF. */
export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
