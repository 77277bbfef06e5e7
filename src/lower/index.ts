// The front of the pipeline: text → AST + syntax diagnostics.
import type { Document } from "../ast/ast.js";
import { diag } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { countTokens, parseSyntax } from "../syntax/index.js";
import { MAX_CHARTER_TOKENS } from "../config/limits.js";
import { lowerDocument } from "./lower.js";

export { MAX_DIAGNOSTICS_PER_CODE, describeToken } from "./lower.js";
export { countTokens } from "../syntax/index.js";
export { dedentProse, decodeString, decodeDuration, DAYS_PER_UNIT } from "./decode.js";

export interface ParseResult {
  readonly ast: Document;
  readonly diagnostics: Diagnostic[];
}

/** Token counts (comments included) of documents parsed under the limit, so an incremental re-parse can keep the limit exact without counting the whole text again. */
const tokenCounts = new WeakMap<Document, number>();

/** The number of tokens of the text `doc` was parsed from, when known. */
export function tokenCountOf(doc: Document): number | undefined {
  return tokenCounts.get(doc);
}

/** Record the token count of a document built another way (src/lsp/incremental.ts). */
export function recordTokenCount(doc: Document, count: number): void {
  tokenCounts.set(doc, count);
}

/** Like `parse` but lets an internal error escape (used by the tests and the fuzzer). */
export function parseUnchecked(text: string, file: string): ParseResult {
  const c = countTokens(text, MAX_CHARTER_TOKENS);
  if (c.overAt !== null) return tooManyTokens(text, file, c.overAt);
  const r = lowerDocument(text, file, parseSyntax(text));
  tokenCounts.set(r.ast, c.count);
  return r;
}

/** A file over the token limit: one CH0018 at the first token past it, and an empty document (nothing else is built). */
function tooManyTokens(text: string, file: string, at: number): ParseResult {
  const ast: Document = { kind: "document", imports: [], header: null, entries: [], comments: [], span: { start: 0, end: text.length } };
  return { ast, diagnostics: [diag("CH0018", file, { start: at, end: Math.min(text.length, at + 1) }, { max: MAX_CHARTER_TOKENS.toLocaleString("en-US"), limit: "the limit", outcome: "not checked" })] };
}

/**
 * Parse a charter file. Never throws: every syntax error becomes a CH00xx
 * diagnostic, and the AST holds whatever could be recognised.
 */
export function parse(text: string, file: string): ParseResult {
  try {
    return parseUnchecked(text, file);
  } catch (e) {
    // Not expected (the grammar is total and the fuzz tests say so); a
    // compiler bug must still not take the caller down.
    const empty: Document = { kind: "document", imports: [], header: null, entries: [], comments: [], span: { start: 0, end: text.length } };
    return {
      ast: empty,
      diagnostics: [diag("CH0010", file, { start: 0, end: 0 }, { token: `input (internal error: ${String(e).slice(0, 200)})` })],
    };
  }
}
