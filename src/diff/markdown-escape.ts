// Escaping user text (charter names, clause names, strings from charters)
// for Markdown that is pasted into pull-request comments: Markdown
// punctuation is backslash-escaped, `<`, `>` and `&` become HTML entities
// (so no tag or entity from a charter reaches the page), and `|` is escaped
// so a value never splits a table cell. Newlines become spaces: a table cell
// and a list item are one line.

const MD_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~"'=:^$]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(MD_PUNCTUATION, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Text for a table cell: escaped, and never empty (an empty cell reads as a missing column). */
export function escapeCell(text: string | null | undefined): string {
  if (text === null || text === undefined || text === "") return "—";
  return escapeMarkdown(text);
}
