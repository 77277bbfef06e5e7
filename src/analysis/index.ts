// The property analyses of §6.1, computed once per charter and shared by the
// rules, the CLI, the emitters and the LSP (hover shows a clause's cost).
import type { Charter } from "../semantics/model.js";
import { type ClauseCost, computeClauseCosts, type Protection, type WitnessStep } from "./amendment-graph.js";
import { type Coalition, computeCoalitions, describeCoalition } from "./coalition.js";
import { type Cost, costToJson, formatCost, type MemberUnit } from "./cost.js";

export * from "./cost.js";
export type { Coalition } from "./coalition.js";
export { describeCoalition, electionPath, type ElectionStep, impossibleQuorum, seatsNeeded } from "./coalition.js";
export type { ClauseCost, EdgeKind, Protection, WitnessStep } from "./amendment-graph.js";

export interface CharterAnalysis {
  readonly charter: Charter;
  /** "members", or "member communities" in a federation. */
  readonly unit: MemberUnit;
  /** coalition(P) for every decision, by decision name. */
  readonly coalitions: ReadonlyMap<string, Coalition>;
  /** cost(C) and its witness for every clause, by clause id. */
  readonly clauses: ReadonlyMap<string, ClauseCost>;
  /** Decisions that amend some clause (an own `amendable: by`, or `amendments.by`), by name. */
  readonly amendingProcedures: ReadonlySet<string>;
  /** The other decisions: ordinary decision procedures. */
  readonly ordinaryProcedures: ReadonlySet<string>;
  /** cost(exit), or null when there is no exit section. */
  readonly exit: ClauseCost | null;
}

const cache = new WeakMap<Charter, CharterAnalysis>();

export function analyzeCharter(charter: Charter): CharterAnalysis {
  const hit = cache.get(charter);
  if (hit) return hit;
  const coalitions = computeCoalitions(charter);
  const clauses = computeClauseCosts(charter, coalitions);
  const amending = new Set<string>();
  for (const cc of clauses.values()) {
    const p: Protection = cc.protection;
    if (p.kind === "own" || p.kind === "default") amending.add(p.decision);
  }
  // `amendments.by` also adds new clauses, so it amends even when every clause has its own protection.
  if (charter.amendments?.by?.resolved && charter.decisions.has(charter.amendments.by.name)) amending.add(charter.amendments.by.name);
  const ordinary = new Set<string>();
  for (const name of charter.decisions.keys()) if (!amending.has(name)) ordinary.add(name);
  const analysis: CharterAnalysis = {
    charter,
    unit: charter.kind === "federation" ? "member communities" : "members",
    coalitions,
    clauses,
    amendingProcedures: amending,
    ordinaryProcedures: ordinary,
    exit: charter.exit ? (clauses.get(charter.exit.id) ?? null) : null,
  };
  cache.set(charter, analysis);
  return analysis;
}

/**
 * One line: "exit → amendments → decision ordinary (20% quorum × majority of
 * votes cast = more than 10% of members)". With `result: false` the "= …"
 * part is left out (messages state the cost separately).
 */
export function renderWitness(cc: ClauseCost, unit: MemberUnit, opts: { result?: boolean } = {}): string {
  const withResult = opts.result ?? true;
  if (cc.cost.kind === "never" && !cc.procedure) return `${cc.clauseId} (amendable: never)`;
  const path = shownPath(cc).join(" → ");
  if (!cc.procedure) return `${path} → unanimous consent of all ${unit}`;
  const how = withResult ? describeCoalition(cc.procedure, unit) : cc.procedure.explanation;
  return `${path} (${how})`;
}

/** `summarisePath(cc.witness)`, keeping only the steps shown while the witness is walked. */
export function shownPath(cc: ClauseCost): string[] {
  const { head, tail, total } = ends(cc.walk(), WITNESS_ENDS, WITNESS_SHOWN - WITNESS_ENDS);
  const ids = (steps: readonly WitnessStep[]) => steps.map((s) => s.id);
  if (total <= WITNESS_SHOWN) return [...ids(head), ...ids(tail)];
  return [...ids(head), `… ${total - 2 * WITNESS_ENDS} more …`, ...ids(tail.slice(-WITNESS_ENDS))];
}

/** Witnesses longer than this are shown as their first and last steps around "… N more …". */
export const WITNESS_SHOWN = 12;
const WITNESS_ENDS = 5;

/**
 * A path as shown to people: whole up to WITNESS_SHOWN steps, else the first
 * and last few around "… N more …" (the whole path stays in `witness` and JSON).
 */
export function summarisePath(path: readonly string[]): string[] {
  if (path.length <= WITNESS_SHOWN) return [...path];
  return [...path.slice(0, WITNESS_ENDS), `… ${path.length - 2 * WITNESS_ENDS} more …`, ...path.slice(-WITNESS_ENDS)];
}

/**
 * The first `head` items of a sequence, the last `tail` of those after them,
 * and how many there were, in one pass holding at most head + tail items:
 * a long witness is summarised without building its whole path.
 */
export function ends<T>(items: Iterable<T>, head: number, tail: number): { head: T[]; tail: T[]; total: number } {
  const first: T[] = [];
  const ring: T[] = [];
  let total = 0;
  for (const item of items) {
    if (total < head) first.push(item);
    else if (tail > 0) ring[(total - head) % tail] = item;
    total++;
  }
  const kept = Math.min(tail, Math.max(0, total - head));
  const start = (total - head - kept) % Math.max(tail, 1);
  const last: T[] = [];
  for (let i = 0; i < kept; i++) last.push(ring[(start + i) % tail]!);
  return { head: first, tail: last, total };
}

/** Hover / summary text for a clause: "can be changed by more than 10% of members: exit → …". */
export function describeClauseCost(cc: ClauseCost, unit: MemberUnit): string {
  if (cc.cost.kind === "never") return cc.procedure ? `cannot be changed: ${renderWitness(cc, unit)}` : "cannot be changed (amendable: never)";
  return `can be changed by ${formatCost(cc.cost, unit)}: ${renderWitness(cc, unit)}`;
}

/** The §7 JSON pieces of a clause cost. */
export function clauseCostJson(cc: ClauseCost | null): { cost: number | null | string; witness: string[] } | { witness: string[] } {
  if (!cc) return { witness: [] };
  return { cost: costToJson(cc.cost), witness: [...cc.witness] };
}

export function costOf(analysis: CharterAnalysis, clauseId: string): Cost | undefined {
  return analysis.clauses.get(clauseId)?.cost;
}
