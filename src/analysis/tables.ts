// The reference structure of a charter as integer arrays, built once per
// Charter object and shared by the analyses and the rules that walk the
// election/appointment/amendment graphs (coalition.ts, amendment-graph.ts,
// accountable-bodies). Every body and decision is named by its index in
// `charter.clauses`; a reference is followed by reading an array slot
// instead of a string-keyed Map lookup, so the walks over 5,000-clause
// chains cost a few array reads per clause and allocate almost nothing.
//
// A reference counts only when it resolved and names something in the
// charter's tables (what `live` in coalition.ts accepts); otherwise its slot
// holds -1.
import type { Charter, Ref } from "../semantics/model.js";

/** How a seated body is filled: no stated way (or not seated), by election, by appointment, by sortition. */
export const FILL_NONE = 0;
export const FILL_ELECTION = 1;
export const FILL_APPOINTMENT = 2;
export const FILL_SORTITION = 3;

/** `listed`: a clause that is the body (decision) the charter's `bodies` (`decisions`) table holds under its name. */
export const LISTED_BODY = 1;
export const LISTED_DECISION = 2;

export interface CharterTables {
  /** Number of clauses. */
  readonly size: number;
  /** Body name → clause index. */
  readonly bodyAt: ReadonlyMap<string, number>;
  /** Decision name → clause index. */
  readonly decisionAt: ReadonlyMap<string, number>;
  /** LISTED_BODY, LISTED_DECISION, or 0, per clause. */
  readonly listed: Uint8Array;
  /** Clause index of `amendments`, or -1. */
  readonly amendments: number;
  /** For a decision clause: the clause index of its live body (`by`), else -1. */
  readonly decisionBody: Int32Array;
  /**
   * For a body clause with `members: N seats`: FILL_* of its `selection`
   * (FILL_NONE for any other body).
   */
  readonly fillKind: Uint8Array;
  /** With FILL_ELECTION the electing decision's clause index, with FILL_APPOINTMENT the appointing body's; else -1. */
  readonly filler: Int32Array;
}

const cache = new WeakMap<Charter, CharterTables>();

export function tablesOf(charter: Charter): CharterTables {
  const hit = cache.get(charter);
  if (hit) return hit;
  const clauses = charter.clauses;
  const size = clauses.length;
  const bodyAt = new Map<string, number>();
  const decisionAt = new Map<string, number>();
  const listed = new Uint8Array(size);
  let amendments = -1;
  for (let i = 0; i < size; i++) {
    const c = clauses[i]!;
    // Only clauses that the name tables hold: a model built by hand may list others.
    if (c.kind === "body" && charter.bodies.get(c.name) === c) {
      bodyAt.set(c.name, i);
      listed[i] = LISTED_BODY;
    } else if (c.kind === "decision" && charter.decisions.get(c.name) === c) {
      decisionAt.set(c.name, i);
      listed[i] = LISTED_DECISION;
    }
    else if (c.kind === "amendments" && c === charter.amendments) amendments = i;
  }
  const at = (ref: Ref | null | undefined, table: ReadonlyMap<string, number>): number => (ref && ref.resolved ? (table.get(ref.name) ?? -1) : -1);
  const decisionBody = new Int32Array(size).fill(-1);
  const fillKind = new Uint8Array(size);
  const filler = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    const c = clauses[i]!;
    if (c.kind === "decision") decisionBody[i] = at(c.by, bodyAt);
    else if (c.kind === "body" && c.members?.kind === "seats") {
      const sel = c.selection;
      if (sel?.kind === "election") {
        fillKind[i] = FILL_ELECTION;
        filler[i] = at(sel.by, decisionAt);
      } else if (sel?.kind === "appointment") {
        fillKind[i] = FILL_APPOINTMENT;
        filler[i] = at(sel.by, bodyAt);
      } else if (sel?.kind === "sortition") fillKind[i] = FILL_SORTITION;
    }
  }
  const tables: CharterTables = { size, bodyAt, decisionAt, listed, amendments, decisionBody, fillKind, filler };
  cache.set(charter, tables);
  return tables;
}
