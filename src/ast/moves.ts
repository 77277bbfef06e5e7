// Which entries of a document are those of an earlier version, moved. An
// incremental re-parse (src/lsp/incremental.ts) re-parses one section and
// moves every later entry by the edit's length change; it records that here
// so later stages (src/semantics/resolve.ts) can move what they made from
// the old entries instead of making it again. Only the previous version's
// entry list is held, never a chain of versions, and `resolve` lets go of it
// once it has used it (so an old version is not kept alive by the new one).
import type { Document, Entry } from "./ast.js";

export interface Moves {
  /** The earlier version's entries: `entries[i]` for `i >= from` is the new `entries[i]` with every span `delta` earlier. */
  readonly entries: readonly Entry[];
  readonly from: number;
  readonly delta: number;
}

const moves = new WeakMap<Document, Moves>();

export function recordMoves(doc: Document, m: Moves): void {
  moves.set(doc, m);
}

export function movesOf(doc: Document): Moves | undefined {
  return moves.get(doc);
}

export function forgetMoves(doc: Document): void {
  moves.delete(doc);
}
