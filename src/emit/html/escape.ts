// HTML escaping for the site. Every piece of charter text goes through
// `escapeHtml` (element content and attribute values alike: `&`, `<`, `>`,
// `"` and `'` become references), after control and bidirectional formatting
// characters are made visible, so no name can reorder the text around it
// (Trojan Source) or hide characters from a reader.

/** C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates and marks, zero-width and BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;
/** A lone surrogate (not part of a pair). */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Control and bidi characters as a visible `⟨U+202E⟩`; lone surrogates as U+FFFD. */
export function neutralise(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨${hex(c)}⟩`).replace(LONE, "\uFFFD");
}

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Anything escapeHtml changes: markup characters, invisible characters, surrogates. */
const SPECIAL = /[&<>"'\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uD800-\uDFFF]/;

/** Text for element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: return it without building new strings.
  if (!SPECIAL.test(text)) return text;
  return neutralise(text).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}
