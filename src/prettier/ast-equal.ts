// AST comparison for the formatter's guarantees: the AST after formatting
// equals the AST before, ranges and raw spellings aside. Imports compare as
// a set (the formatter may sort them: an import only binds its alias).
import type { Document } from "../ast/ast.js";

const IGNORED_KEYS = new Set(["span", "keywordSpan", "nameSpan", "pathSpan", "bodySpan", "raw", "comments"]);

/** A plain-data copy of `doc` without positions, raw spellings or comments. */
export function stripAst(doc: Document): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!IGNORED_KEYS.has(k)) out[k] = strip(x);
      return out;
    }
    return v;
  };
  const s = strip(doc) as { imports: unknown[] };
  s.imports = [...s.imports].sort((a, b) => {
    const ka = JSON.stringify(a);
    const kb = JSON.stringify(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return s;
}

/** Whether two documents are the same charter, positions and spelling aside. */
export function sameAst(a: Document, b: Document): boolean {
  return JSON.stringify(stripAst(a)) === JSON.stringify(stripAst(b));
}

/** The comments' texts in order, trailing whitespace of each line removed, line breaks as LF. */
export function commentTexts(doc: Document): string[] {
  return doc.comments.map((c) =>
    c.text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trimEnd())
      .join("\n"),
  );
}
