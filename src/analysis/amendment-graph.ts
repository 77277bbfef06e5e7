// cost(C) for every clause C over the amendment graph of §6.1.
//
// Nodes are clauses and procedures. From a clause C there are edges
//   C → the procedure that amends C (own `amendable: by D`, else
//       `amendments.by`, else — no usable default — unanimity of all members);
//   C → the clauses that control that procedure: `decision D` itself, its
//       body, and, for a body filled by election or appointment, the
//       electing decision (and its body…) or appointing body, transitively;
//   C → `amendments`, when C follows the default protection.
// `amendable: never` clauses have no outgoing edges.
//
// cost(C) is the minimum coalition over procedures reachable from C. Since it
// is a minimum over a reachable set (no path sums), it is computed by visiting
// procedures from cheapest to dearest and claiming, by breadth-first search
// over reversed edges, every clause not yet claimed: each node and edge is
// visited once. The BFS distances then give the witness: a shortest path to
// the cheapest procedure, with a fixed preference among equally short ones.
import type { Body, Charter, Clause, Decision } from "../semantics/model.js";
import { type Coalition, coalitionIndex, live } from "./coalition.js";
import { compareCost, type Cost, NEVER, UNANIMOUS } from "./cost.js";
import { FILL_APPOINTMENT, FILL_ELECTION, LISTED_BODY, tablesOf } from "./tables.js";

export type Protection =
  | { readonly kind: "never" }
  /** Own `amendable: by D`. */
  | { readonly kind: "own"; readonly decision: string }
  /** The default: `amendments.by`. */
  | { readonly kind: "default"; readonly decision: string }
  /** No usable default (no `amendments` section, or it names no known procedure): unanimity of all members. */
  | { readonly kind: "contract" };

/** How a step of the witness relates to the clause before it. */
export type EdgeKind =
  /** The procedure that amends the previous clause (always the last step). */
  | "amender"
  /** The clause defining that procedure: rewrite it and the procedure is trivial. */
  | "decision"
  /** A clause that controls who carries that procedure: its body, the body's elector or appointer. */
  | "control"
  /** The `amendments` clause that sets the previous clause's (default) protection. */
  | "default";

export interface WitnessStep {
  /** Clause id, or `decision NAME` for the final procedure. */
  readonly id: string;
  /** How it relates to the previous step (null for the first). */
  readonly edge: EdgeKind | null;
}

export interface ClauseCost {
  readonly clauseId: string;
  readonly protection: Protection;
  readonly cost: Cost;
  /**
   * Clause ids from the clause to the cheapest procedure (its `decision` clause id last); empty when never.
   * Built on each read by following the predecessor links (`next`), in time linear in the path:
   * read it where a path is shown, and `length` where only its size matters.
   */
  readonly witness: readonly string[];
  readonly steps: readonly WitnessStep[];
  /** The same steps one at a time, built as they are read: take only the first few and nothing more is walked. */
  walk(): IterableIterator<WitnessStep>;
  /** Number of steps in the witness. */
  readonly length: number;
  /** The clause after this one on the witness (whose own witness continues it), or null at the end. */
  readonly next: WitnessStep | null;
  /** The cheapest procedure; null when the clause cannot change or only unanimity of all members changes it. */
  readonly procedure: Coalition | null;
}

export function protectionOf(clause: Clause, charter: Charter): Protection {
  const own = clause.amendable;
  if (own?.kind === "never") return { kind: "never" };
  if (own?.kind === "by") {
    const d = live(own.decision, charter.decisions);
    if (d) return { kind: "own", decision: d.name };
    // Unresolved: treated as absent — the default applies.
  }
  const dflt = charter.amendments ? live(charter.amendments.by, charter.decisions) : null;
  return dflt ? { kind: "default", decision: dflt.name } : { kind: "contract" };
}

/** Clauses that control procedure `d`: its own clause, its body, and who fills the body. */
export function controlClauses(d: Decision, charter: Charter): { id: string; kind: EdgeKind }[] {
  const out: { id: string; kind: EdgeKind }[] = [{ id: d.id, kind: "decision" }];
  const seenBodies = new Set<string>();
  const seenDecisions = new Set<string>([d.name]);
  const addBody = (b: Body | null) => {
    if (!b || seenBodies.has(b.name)) return;
    seenBodies.add(b.name);
    out.push({ id: b.id, kind: "control" });
    if (b.members?.kind !== "seats") return;
    const sel = b.selection;
    if (sel?.kind === "election") {
      const e = live(sel.by, charter.decisions);
      if (e && !seenDecisions.has(e.name)) {
        seenDecisions.add(e.name);
        out.push({ id: e.id, kind: "control" });
        addBody(live(e.by, charter.bodies));
      }
    } else if (sel?.kind === "appointment") {
      addBody(live(sel.by, charter.bodies));
    }
  };
  addBody(live(d.by, charter.bodies));
  return out;
}

// Node numbering (C clauses; a body or decision is named by its clause index):
//   [0, C)       clauses
//   [C, 2C)      the procedure of decision d: C + d
//   [2C, 3C)     the control node of amending procedure d: 2C + d
//   [3C, 4C)     the control node of body b: 3C + b
//   4C           unanimity of all members (no usable default)
// Edge kinds double as the witness preference: lower is preferred.
const AMENDER = 0;
const DEFAULT = 1;
const DECISION = 2;
const CONTROL = 3;
const KIND: readonly EdgeKind[] = ["amender", "default", "decision", "control"];

const NEVER_PROTECTION: Protection = { kind: "never" };
const CONTRACT_PROTECTION: Protection = { kind: "contract" };

/** The witness links of one charter, shared by all its clause costs: read only when a witness is shown. */
interface Paths {
  readonly clauses: readonly Clause[];
  /** For a clause: the node its witness steps to (a clause, a procedure, unanimity), or -1. */
  readonly nextTo: Int32Array;
  readonly nextKind: Uint8Array;
  readonly amendmentsId: string | null;
}

export function computeClauseCosts(charter: Charter, coalitions: ReadonlyMap<string, Coalition>): Map<string, ClauseCost> {
  const clauses = charter.clauses;
  const t = tablesOf(charter);
  const C = t.size;
  const PROC = C;
  const CTL = 2 * C;
  const CTLB = 3 * C;
  const CONTRACT = 4 * C;
  const N = 4 * C + 1;
  const amend = t.amendments;
  const { decisionBody, fillKind, filler } = t;

  // Protection and forward edges of each clause: C → its amender (a
  // procedure, or unanimity), C → the amender's control node, and C →
  // `amendments` when C follows the default.
  const own = charter.amendments ? charter.amendments.by : null;
  const dflt = own && own.resolved ? (t.decisionAt.get(own.name) ?? -1) : -1;
  const ownProtection: (Protection | undefined)[] = [];
  const protectionAt = (d: number, kind: "own" | "default"): Protection => {
    if (kind === "default") return (ownProtection[C] ??= { kind: "default", decision: (clauses[d] as Decision).name });
    return (ownProtection[d] ??= { kind: "own", decision: (clauses[d] as Decision).name });
  };
  const protections: Protection[] = new Array(C);
  const amender = new Int32Array(C).fill(-1); // the decision index, or -1 (CONTRACT when `contract[i]`)
  const contract = new Uint8Array(C);
  const viaAmendments = new Uint8Array(C);
  const ctlUsed = new Uint8Array(C);
  for (let i = 0; i < C; i++) {
    const a = clauses[i]!.amendable;
    let p: Protection;
    let d = -1;
    if (a?.kind === "never") p = NEVER_PROTECTION;
    else {
      if (a?.kind === "by" && a.decision.resolved) d = t.decisionAt.get(a.decision.name) ?? -1;
      // Unresolved: treated as absent — the default applies.
      if (d >= 0) p = protectionAt(d, "own");
      else if (dflt >= 0) {
        d = dflt;
        p = protectionAt(d, "default");
        if (amend >= 0 && i !== amend) viaAmendments[i] = 1;
      } else p = CONTRACT_PROTECTION;
    }
    protections[i] = p;
    if (d >= 0) {
      amender[i] = d;
      ctlUsed[d] = 1;
    } else if (p.kind === "contract") contract[i] = 1;
  }

  // The clauses that control an amending procedure P are its own clause,
  // its body, and whoever fills that body, transitively (`controlClauses`).
  // They are not listed per procedure: the control node of P lists
  // `decision P` and leads on to the node of P's body; a body's node lists
  // `body B` (and the electing decision's clause) and leads on to the node
  // of the body that fills B. Each clause reaches P's node by one edge; the
  // nodes lead to the clauses they list by edges of length 0. So a long
  // election chain is stored once, however many procedures and clauses it
  // controls.
  const own1 = new Int32Array(N).fill(-1);
  const own2 = new Int32Array(N).fill(-1);
  const linkNext = new Int32Array(N).fill(-1);
  for (let i = 0; i < C; i++) {
    if (ctlUsed[i]) {
      own1[CTL + i] = i;
      if (decisionBody[i]! >= 0) linkNext[CTL + i] = CTLB + decisionBody[i]!;
    }
    if (t.listed[i] === LISTED_BODY) {
      own1[CTLB + i] = i;
      const f = filler[i]!;
      if (fillKind[i] === FILL_ELECTION && f >= 0) {
        own2[CTLB + i] = f;
        if (decisionBody[f]! >= 0) linkNext[CTLB + i] = CTLB + decisionBody[f]!;
      } else if (fillKind[i] === FILL_APPOINTMENT && f >= 0) linkNext[CTLB + i] = CTLB + f;
    }
  }

  // Reversed edges as flat adjacency lists: `rev` into a clause or
  // procedure from the clauses (weight 1); `rev0` into a clause or node from
  // the nodes that list it or lead to it (weight 0).
  const revStart = new Int32Array(N + 1);
  const rev0Start = new Int32Array(N + 1);
  for (let i = 0; i < C; i++) {
    if (amender[i]! >= 0) {
      revStart[PROC + amender[i]! + 1]!++;
      revStart[CTL + amender[i]! + 1]!++;
    } else if (contract[i]) revStart[CONTRACT + 1]!++;
    if (viaAmendments[i]) revStart[amend + 1]!++;
  }
  for (let n = CTL; n < CONTRACT; n++) {
    if (own1[n]! < 0) continue;
    rev0Start[own1[n]! + 1]!++;
    if (own2[n]! >= 0) rev0Start[own2[n]! + 1]!++;
    if (linkNext[n]! >= 0) rev0Start[linkNext[n]! + 1]!++;
  }
  for (let n = 0; n < N; n++) {
    revStart[n + 1]! += revStart[n]!;
    rev0Start[n + 1]! += rev0Start[n]!;
  }
  const rev = new Int32Array(revStart[N]!);
  const rev0 = new Int32Array(rev0Start[N]!);
  {
    const fill = revStart.slice(0, N);
    for (let i = 0; i < C; i++) {
      if (amender[i]! >= 0) {
        rev[fill[PROC + amender[i]!]!++] = i;
        rev[fill[CTL + amender[i]!]!++] = i;
      } else if (contract[i]) rev[fill[CONTRACT]!++] = i;
      if (viaAmendments[i]) rev[fill[amend]!++] = i;
    }
    const fill0 = rev0Start.slice(0, N);
    for (let n = CTL; n < CONTRACT; n++) {
      if (own1[n]! < 0) continue;
      rev0[fill0[own1[n]!]!++] = n;
      if (own2[n]! >= 0) rev0[fill0[own2[n]!]!++] = n;
      if (linkNext[n]! >= 0) rev0[fill0[linkNext[n]!]!++] = n;
    }
  }

  // Procedures, cheapest first, grouped by equal cost.
  const procs: { node: number; cost: Cost; coalition: Coalition | null }[] = [];
  const coalitionAt: (Coalition | undefined)[] = [];
  for (const co of coalitions.values()) {
    const d = coalitionIndex(co, charter) ?? t.decisionAt.get(co.decision);
    if (d === undefined) continue;
    coalitionAt[d] = co;
    procs.push({ node: PROC + d, cost: co.cost, coalition: co });
  }
  if (revStart[CONTRACT + 1]! > revStart[CONTRACT]!) procs.push({ node: CONTRACT, cost: UNANIMOUS, coalition: null });
  procs.sort((a, b) => compareCost(a.cost, b.cost) || a.node - b.node);

  // Breadth-first from each group of equally cheap procedures over reversed
  // edges: every node is claimed once, by the cheapest group that reaches it,
  // with its distance (in clause edges) to that group. A control node takes
  // the distance of the first of its clauses claimed, and passes it on at
  // once. Every node enters the queue at most once, so one queue serves all
  // groups, and read in order it is the claiming order.
  const group = new Int32Array(N).fill(-1);
  const dist = new Int32Array(N);
  const groupCost: Cost[] = [];
  const queue = new Int32Array(N);
  const stack = new Int32Array(N + 1);
  let tail = 0;
  let g = 0;
  /** Claims, for group g at distance d + 1, every unclaimed node with a (weight 1) edge into `node`. */
  const claimFrom = (node: number, d: number): void => {
    for (let k = revStart[node]!, end = revStart[node + 1]!; k < end; k++) {
      const from = rev[k]!;
      if (group[from]! >= 0) continue;
      group[from] = g;
      dist[from] = d + 1;
      queue[tail++] = from;
    }
  };
  for (let i = 0; i < procs.length; ) {
    let j = i;
    while (j < procs.length && compareCost(procs[j]!.cost, procs[i]!.cost) === 0) j++;
    groupCost.push(procs[i]!.cost);
    let head = tail;
    for (let k = i; k < j; k++) {
      const node = procs[k]!.node;
      group[node] = g;
      dist[node] = 0;
      queue[tail++] = node;
    }
    for (; head < tail; head++) {
      const node = queue[head]!;
      const d = dist[node]!;
      claimFrom(node, d);
      // Along the 0-length edges: every node that lists this clause, or leads to such a node.
      let top = 0;
      stack[top++] = node;
      while (top > 0) {
        const x = stack[--top]!;
        for (let k = rev0Start[x]!, end = rev0Start[x + 1]!; k < end; k++) {
          const n = rev0[k]!;
          if (group[n]! >= 0) continue;
          group[n] = g;
          dist[n] = d;
          // A procedure's control node: the clauses amended by that procedure are one step further.
          if (n < CTLB) claimFrom(n, d);
          stack[top++] = n;
        }
      }
    }
    g++;
    i = j;
  }

  // The witness: from C, take the preferred edge one step closer to the same
  // group — the amending procedure itself, then the default (`amendments`),
  // then the procedure's clause, then the clauses that control it, in the
  // order `controlClauses` lists them. Through a node, the step is the first
  // clause at the node's own distance along its chain: a node's own clauses,
  // else the first of the next node's (the same distance, or the node would
  // have a nearer one). Found for every node at once by walking the chains
  // (each node has one successor) and sharing what is found; a chain that
  // closes into a cycle ends where it returns, as `controlClauses` stops.
  const firstTo = new Int32Array(N).fill(-1);
  const firstKind = new Uint8Array(N);
  const firstDone = new Uint8Array(N);
  const onWalk = new Uint8Array(N);
  const walk: number[] = [];
  const ownHit = (n: number): number => {
    const ng = group[n]!;
    if (ng < 0) return -1;
    const nd = dist[n]!;
    const a = own1[n]!;
    if (a >= 0 && group[a] === ng && dist[a] === nd) return a;
    const b = own2[n]!;
    if (b >= 0 && group[b] === ng && dist[b] === nd) return b;
    return -1;
  };
  const viaControl = (start: number): void => {
    walk.length = 0;
    let cur = start;
    let after = -1;
    let afterKind = 0;
    while (cur >= 0 && !firstDone[cur] && !onWalk[cur]) {
      onWalk[cur] = 1;
      walk.push(cur);
      const hit = ownHit(cur);
      if (hit >= 0) {
        after = hit;
        afterKind = cur < CTLB && hit === own1[cur] ? DECISION : CONTROL;
        firstTo[cur] = after;
        firstKind[cur] = afterKind;
        firstDone[cur] = 1;
        onWalk[cur] = 0;
        walk.pop();
        cur = -1;
        break;
      }
      cur = linkNext[cur]!;
    }
    if (cur >= 0 && firstDone[cur]) {
      after = firstTo[cur]!;
      afterKind = firstKind[cur]!;
    }
    for (let k = walk.length - 1; k >= 0; k--) {
      const w = walk[k]!;
      firstTo[w] = after;
      firstKind[w] = afterKind;
      firstDone[w] = 1;
    }
    for (const w of walk) onWalk[w] = 0;
  };
  const nextTo = new Int32Array(C).fill(-1);
  const nextKind = new Uint8Array(C);
  for (let i = 0; i < C; i++) {
    const ig = group[i]!;
    if (ig < 0) continue;
    const want = dist[i]! - 1;
    let best = -1;
    let bestKind = 4;
    const d = amender[i]!;
    const am = d >= 0 ? PROC + d : contract[i] ? CONTRACT : -1;
    if (am >= 0 && group[am] === ig && dist[am] === want) {
      best = am;
      bestKind = AMENDER;
    }
    if (bestKind > DEFAULT && viaAmendments[i] && group[amend] === ig && dist[amend] === want) {
      best = amend;
      bestKind = DEFAULT;
    }
    if (bestKind > DECISION && d >= 0 && group[CTL + d] === ig && dist[CTL + d] === want) {
      const ctl = CTL + d;
      if (!firstDone[ctl]) viaControl(ctl);
      if (firstTo[ctl]! >= 0 && firstKind[ctl]! < bestKind) {
        best = firstTo[ctl]!;
        bestKind = firstKind[ctl]!;
      }
    }
    if (best >= 0) {
      nextTo[i] = best;
      nextKind[i] = bestKind;
    }
  }

  // Each node's path ends where the path of its `next` ends: resolved in
  // claiming order (a node's `next` was claimed before it), so every node is
  // visited once and no witness is built here — only the links.
  const hops = new Int32Array(N); // clause steps after this node, procedure step included
  const terminal = new Int32Array(N).fill(-1); // the procedure node the path ends at (-1: unanimity)
  for (let k = 0; k < tail; k++) {
    const node = queue[k]!;
    if (node >= PROC) {
      if (node < CTL) terminal[node] = node;
      continue;
    }
    const n = nextTo[node]!;
    if (n < 0) continue;
    hops[node] = (n === CONTRACT ? 0 : 1) + hops[n]!;
    terminal[node] = terminal[n]!;
  }

  const paths: Paths = { clauses, nextTo, nextKind, amendmentsId: amend >= 0 ? clauses[amend]!.id : null };
  const result = new Map<string, ClauseCost>();
  for (let i = 0; i < C; i++) {
    const id = clauses[i]!.id;
    const protection = protections[i]!;
    const ig = group[i]!;
    if (ig < 0) {
      result.set(id, new Cost0(id, protection, NEVER, null, 0, i, false, paths));
      continue;
    }
    // §6.1 writes a default-protected clause's witness through the section
    // that sets the default: `exit → amendments → decision ordinary`. When the
    // cheapest route is the default procedure itself and `amendments` is
    // amended by that same procedure, show that equally cheap path.
    const first = nextTo[i]!;
    const viaDefault =
      viaAmendments[i] === 1 && nextKind[i] === AMENDER && first === PROC + amender[i]! && nextKind[amend] === AMENDER && nextTo[amend] === first;
    const term = terminal[i]!;
    const procedure = term >= 0 ? (coalitionAt[term - PROC] ?? null) : null;
    const length = 1 + (viaDefault ? 1 : 0) + hops[i]!;
    result.set(id, new Cost0(id, protection, procedure ? procedure.cost : groupCost[ig]!, procedure, length, i, viaDefault, paths));
  }
  return result;
}

function stepAt(paths: Paths, to: number, kind: number): WitnessStep | null {
  const C = paths.clauses.length;
  if (to < 0 || to >= 2 * C) return null; // unanimity: no step
  if (to >= C) return { id: paths.clauses[to - C]!.id, edge: "amender" };
  return { id: paths.clauses[to]!.id, edge: KIND[kind]! };
}

/** A clause cost whose witness is built from the shared predecessor links when read. */
class Cost0 implements ClauseCost {
  constructor(
    readonly clauseId: string,
    readonly protection: Protection,
    readonly cost: Cost,
    readonly procedure: Coalition | null,
    readonly length: number,
    private readonly at: number,
    private readonly viaDefault: boolean,
    private readonly paths: Paths,
  ) {}

  get next(): WitnessStep | null {
    if (this.length === 0) return null;
    if (this.viaDefault) return { id: this.paths.amendmentsId!, edge: "default" };
    return stepAt(this.paths, this.paths.nextTo[this.at]!, this.paths.nextKind[this.at]!);
  }

  get steps(): readonly WitnessStep[] {
    return [...this.walk()];
  }

  *walk(): IterableIterator<WitnessStep> {
    if (this.length === 0) return;
    yield { id: this.clauseId, edge: null };
    let count = 1;
    if (this.viaDefault) {
      yield { id: this.paths.amendmentsId!, edge: "default" };
      count++;
    }
    const { nextTo, nextKind, clauses } = this.paths;
    let node = this.at;
    while (count < this.length && node < clauses.length) {
      const n = nextTo[node]!;
      const step = stepAt(this.paths, n, nextKind[node]!);
      if (!step) break;
      yield step;
      count++;
      node = n;
    }
  }

  get witness(): readonly string[] {
    return this.steps.map((s) => s.id);
  }
}
