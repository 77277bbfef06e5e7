// Escaping user text for each output format. Everything a charter author
// writes (names, preamble, rights, eligibility…) passes through one of these
// before it reaches Markdown, a Mermaid label, a table cell or a CSV field, so
// a preamble holding `<script>`, `[x](javascript:…)` or a leading `#` is shown
// literally and never becomes HTML, a link or a heading.

/** ASCII punctuation that starts inline Markdown constructs, HTML, entities, tables, math. */
const INLINE = /[\\`*_[\]<>&|~$]/g;

/**
 * Escape text for a Markdown paragraph or table cell. Line starts that could
 * open a block (heading, list, quote, thematic break, setext underline) are
 * escaped too, and URL schemes and `www.` are broken so no autolink forms.
 */
export function escapeMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.map((l) => escapeBlockStart(escapeInline(l))).join("\n");
}

function escapeInline(line: string): string {
  let s = line.replace(INLINE, (c) => `\\${c}`);
  // `javascript:alert`, `https://…`, `mailto:x` — no scheme survives to become a link.
  s = s.replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\S)/g, "$1\\:");
  s = s.replace(/\b(www)\./gi, "$1\\.");
  return s;
}

/** Block starters at the beginning of a line (after indentation): heading, list, quote, break, setext underline. */
function escapeBlockStart(s: string): string {
  return s.replace(/^(\s*)([#+=>-])/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * Text placed inside a line after other Markdown (a sentence, a table cell,
 * after `## `): line breaks become spaces; a leading block marker is
 * escaped too, so the text is safe even where it does start a line.
 */
export function escapeMarkdownInline(text: string): string {
  const one = escapeInline(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
  return /^[#+=>-]/.test(one) || /^\d{1,9}[.)](\s|$)/.test(one) ? escapeBlockStart(one) : one;
}

/** Escaped text kept exactly as long (no trimming): for pieces between code spans. */
export function escapeText(text: string): string {
  return escapeInline(text.replace(/[\r\n]+/g, " "));
}

/** A table cell: inline escaping (pipes included) on one line. */
export function escapeTableCell(text: string): string {
  return escapeMarkdownInline(text);
}

/** Inline code for identifiers we generate or validated (`[A-Za-z0-9_-]`); anything else is escaped text. */
export function code(ident: string): string {
  return /^[A-Za-z0-9_ -]+$/.test(ident) ? `\`${ident}\`` : escapeMarkdownInline(ident);
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
