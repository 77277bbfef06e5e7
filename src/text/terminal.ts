// Text for a terminal or a CI log (pure). User text — names, paths, values —
// must never reach a terminal as control characters (escape sequences that
// retitle the window, recolour or move the cursor) nor start a line of its own
// (GitHub Actions reads `::error …::` at the start of any log line as a
// workflow command). `sanitizeForTerminal()` writes every C0/C1 control
// character, DEL, line and paragraph separators, bidirectional overrides and
// lone surrogates as a visible escape (`\n`, `\x1b`, `\u202e`), so the text
// stays on the line it was put on and shows what was there. A lone surrogate
// U+DC80–U+DCFF, the mark of an undecodable byte, is shown as that byte (`\xff`).
//
// Shared by the CLI (src/cli/) and the text renderer (src/diagnostics/render-text.ts).

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const u = ch.charCodeAt(0);
  // U+DC80–U+DCFF marks an undecodable byte (src/text/utf8.ts): shown as that byte.
  if (u >= 0xdc80 && u <= 0xdcff) return `\\x${(u - 0xdc00).toString(16)}`;
  return u <= 0xff ? `\\x${u.toString(16).padStart(2, "0")}` : `\\u${u.toString(16).padStart(4, "0")}`;
}

/** `s` with every character that could act on a terminal or start a new line written as a visible escape. */
export function sanitizeForTerminal(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escape) : s;
}
