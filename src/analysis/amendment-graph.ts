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
import { type Coalition, live } from "./coalition.js";
import { compareCost, type Cost, NEVER, UNANIMOUS } from "./cost.js";

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

const CONTRACT = "proc:(contract)";
const procKey = (name: string) => `proc:${name}`;

interface Edge {
  readonly to: string;
  readonly kind: EdgeKind;
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

export function computeClauseCosts(charter: Charter, coalitions: ReadonlyMap<string, Coalition>): Map<string, ClauseCost> {
  const protections = new Map<string, Protection>();
  const forward = new Map<string, Edge[]>();
  const amendmentsId = charter.amendments?.id ?? null;

  // The clauses that control an amending procedure P are its own clause,
  // its body, and whoever fills that body, transitively (`controlClauses`).
  // They are not listed per procedure: `ctl:P` lists `decision P` and leads
  // on to `ctlB:B` for P's body; `ctlB:B` lists `body B` (and the electing
  // decision's clause) and leads on to the node of the body that fills B.
  // Each clause reaches `ctl:P` by one edge; the nodes lead to the clauses
  // they list by edges of length 0. So a long election chain is stored once,
  // however many procedures and clauses it controls.
  interface Link {
    readonly own: readonly { id: string; kind: EdgeKind }[];
    readonly next: string | null;
  }
  const links = new Map<string, Link>();
  const ctlKey = (name: string) => `ctl:${name}`;
  const bodyKey = (name: string) => `ctlB:${name}`;
  for (const b of charter.bodies.values()) {
    const own: { id: string; kind: EdgeKind }[] = [{ id: b.id, kind: "control" }];
    let next: string | null = null;
    if (b.members?.kind === "seats") {
      const sel = b.selection;
      if (sel?.kind === "election") {
        const e = live(sel.by, charter.decisions);
        if (e) {
          own.push({ id: e.id, kind: "control" });
          const eb = live(e.by, charter.bodies);
          if (eb) next = bodyKey(eb.name);
        }
      } else if (sel?.kind === "appointment") {
        const a = live(sel.by, charter.bodies);
        if (a) next = bodyKey(a.name);
      }
    }
    links.set(bodyKey(b.name), { own, next });
  }
  for (const c of charter.clauses) {
    const p = protectionOf(c, charter);
    protections.set(c.id, p);
    const edges: Edge[] = [];
    if (p.kind === "own" || p.kind === "default") {
      edges.push({ to: procKey(p.decision), kind: "amender" });
      const key = ctlKey(p.decision);
      if (!links.has(key)) {
        const d = charter.decisions.get(p.decision)!;
        const body = live(d.by, charter.bodies);
        links.set(key, { own: [{ id: d.id, kind: "decision" }], next: body ? bodyKey(body.name) : null });
      }
      edges.push({ to: key, kind: "control" });
    } else if (p.kind === "contract") {
      edges.push({ to: CONTRACT, kind: "amender" });
    }
    if (p.kind === "default" && amendmentsId && c.id !== amendmentsId) edges.push({ to: amendmentsId, kind: "default" });
    forward.set(c.id, edges);
  }

  // Reversed edges: into a clause or procedure from the clauses (weight 1);
  // into a clause or node from the nodes that list it or lead to it (weight 0).
  const reverse = new Map<string, string[]>();
  const reverse0 = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, to: string, from: string) => {
    let list = m.get(to);
    if (!list) m.set(to, (list = []));
    list.push(from);
  };
  for (const [from, edges] of forward) for (const e of edges) add(reverse, e.to, from);
  for (const [key, link] of links) {
    for (const x of link.own) add(reverse0, x.id, key);
    if (link.next) add(reverse0, link.next, key);
  }

  // Procedures, cheapest first, grouped by equal cost.
  const procs: { key: string; cost: Cost; coalition: Coalition | null }[] = [];
  for (const co of coalitions.values()) procs.push({ key: procKey(co.decision), cost: co.cost, coalition: co });
  if (reverse.has(CONTRACT)) procs.push({ key: CONTRACT, cost: UNANIMOUS, coalition: null });
  procs.sort((a, b) => compareCost(a.cost, b.cost) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  // Breadth-first from each group of equally cheap procedures over reversed
  // edges: every node is claimed once, by the cheapest group that reaches it,
  // with its distance (in clause edges) to that group. A control node takes
  // the distance of the first of its clauses claimed, and passes it on at once.
  const claimed = new Map<string, { cost: Cost; group: number; dist: number }>();
  const claimOrder: string[] = [];
  let group = 0;
  let i = 0;
  while (i < procs.length) {
    let j = i;
    while (j < procs.length && compareCost(procs[j]!.cost, procs[i]!.cost) === 0) j++;
    const queue: string[] = [];
    for (const p of procs.slice(i, j)) {
      claimed.set(p.key, { cost: p.cost, group, dist: 0 });
      queue.push(p.key);
      claimOrder.push(p.key);
    }
    const claimFrom = (node: string, info: { cost: Cost; dist: number }) => {
      for (const from of reverse.get(node) ?? []) {
        if (claimed.has(from)) continue;
        claimed.set(from, { cost: info.cost, group, dist: info.dist + 1 });
        queue.push(from);
        claimOrder.push(from);
      }
    };
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const info = claimed.get(node)!;
      claimFrom(node, info);
      // Along the 0-length edges: every node that lists this clause, or leads to such a node.
      const stack = [node];
      while (stack.length > 0) {
        for (const n of reverse0.get(stack.pop()!) ?? []) {
          if (claimed.has(n)) continue;
          const at = { cost: info.cost, group, dist: info.dist };
          claimed.set(n, at);
          if (n.startsWith("ctl:")) claimFrom(n, at);
          stack.push(n);
        }
      }
    }
    group++;
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
  type Step = { to: string; kind: EdgeKind };
  const ownHit = (key: string): Step | null => {
    const at = claimed.get(key);
    if (!at) return null;
    for (const x of links.get(key)!.own) {
      const t = claimed.get(x.id);
      if (t && t.group === at.group && t.dist === at.dist) return { to: x.id, kind: x.kind };
    }
    return null;
  };
  const firstAt = new Map<string, Step | null>();
  const viaControl = (start: string): Step | null => {
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let cur: string | null = start;
    let after: Step | null = null;
    while (cur !== null && !firstAt.has(cur) && !onWalk.has(cur)) {
      onWalk.add(cur);
      walk.push(cur);
      const hit = ownHit(cur);
      if (hit) {
        after = hit;
        firstAt.set(cur, hit);
        walk.pop();
        cur = null;
        break;
      }
      cur = links.get(cur)!.next;
    }
    if (cur !== null && firstAt.has(cur)) after = firstAt.get(cur)!;
    for (let k = walk.length - 1; k >= 0; k--) firstAt.set(walk[k]!, after);
    return firstAt.get(start) ?? null;
  };
  const preference: Record<EdgeKind, number> = { amender: 0, default: 1, decision: 2, control: 3 };
  const next = new Map<string, { to: string; kind: EdgeKind }>();
  for (const [from, edges] of forward) {
    const info = claimed.get(from);
    if (!info) continue;
    let best: { to: string; kind: EdgeKind } | null = null;
    for (const e of edges) {
      const t = claimed.get(e.to);
      if (!t || t.group !== info.group || t.dist !== info.dist - 1) continue;
      const step = e.to.startsWith("ctl:") ? viaControl(e.to) : e;
      if (step && (!best || preference[step.kind] < preference[best.kind])) best = step;
    }
    if (best) next.set(from, best);
  }

  // Each node's path ends where the path of its `next` ends: resolved in
  // claiming order (a node's `next` was claimed before it), so every node is
  // visited once and no witness is built here — only the links.
  const byKey = new Map(procs.map((p) => [p.key, p]));
  const hops = new Map<string, number>(); // clause steps after this node, procedure step included
  const terminal = new Map<string, string | null>(); // the procedure key the path ends at (null: unanimity)
  for (const node of claimOrder) {
    if (node === CONTRACT) {
      hops.set(node, 0);
      terminal.set(node, null);
    } else if (node.startsWith("proc:")) {
      hops.set(node, 0);
      terminal.set(node, node);
    } else {
      const n = next.get(node);
      if (!n) {
        hops.set(node, 0);
        terminal.set(node, null);
        continue;
      }
      hops.set(node, (n.to === CONTRACT ? 0 : 1) + hops.get(n.to)!);
      terminal.set(node, terminal.get(n.to)!);
    }
  }
  const stepOf = (to: string, kind: EdgeKind): WitnessStep | null => {
    if (to === CONTRACT) return null;
    if (to.startsWith("proc:")) return { id: byKey.get(to)!.coalition!.clauseId, edge: "amender" };
    return { id: to, edge: kind };
  };

  const result = new Map<string, ClauseCost>();
  for (const c of charter.clauses) {
    const protection = protections.get(c.id)!;
    const info = claimed.get(c.id);
    if (!info) {
      result.set(c.id, new Cost0(c.id, protection, NEVER, null, 0, null, null, next, stepOf));
      continue;
    }
    // §6.1 writes a default-protected clause's witness through the section
    // that sets the default: `exit → amendments → decision ordinary`. When the
    // cheapest route is the default procedure itself and `amendments` is
    // amended by that same procedure, show that equally cheap path.
    const first = next.get(c.id);
    const viaDefault =
      protection.kind === "default" &&
      amendmentsId !== null &&
      c.id !== amendmentsId &&
      first?.kind === "amender" &&
      first.to === procKey(protection.decision) &&
      next.get(amendmentsId)?.kind === "amender" &&
      next.get(amendmentsId)?.to === first.to;
    const term = terminal.get(c.id) ?? null;
    const nextStep = viaDefault ? { id: amendmentsId!, edge: "default" as const } : first ? stepOf(first.to, first.kind) : null;
    const length = 1 + (viaDefault ? 1 : 0) + (hops.get(c.id) ?? 0);
    result.set(c.id, new Cost0(c.id, protection, info.cost, term ? byKey.get(term)!.coalition : null, length, nextStep, viaDefault ? amendmentsId : null, next, stepOf));
  }
  return result;
}

/** A clause cost whose witness is built from the predecessor links when read. */
class Cost0 implements ClauseCost {
  constructor(
    readonly clauseId: string,
    readonly protection: Protection,
    readonly cost: Cost,
    readonly procedure: Coalition | null,
    readonly length: number,
    readonly next: WitnessStep | null,
    private readonly viaDefault: string | null,
    private readonly links: ReadonlyMap<string, { to: string; kind: EdgeKind }>,
    private readonly stepOf: (to: string, kind: EdgeKind) => WitnessStep | null,
  ) {}

  get steps(): readonly WitnessStep[] {
    return [...this.walk()];
  }

  *walk(): IterableIterator<WitnessStep> {
    if (this.length === 0) return;
    yield { id: this.clauseId, edge: null };
    let count = 1;
    if (this.viaDefault) {
      yield { id: this.viaDefault, edge: "default" };
      count++;
    }
    let node = this.clauseId;
    while (count < this.length) {
      const n = this.links.get(node);
      if (!n) break;
      const step = this.stepOf(n.to, n.kind);
      if (!step) break;
      yield step;
      count++;
      node = n.to;
    }
  }

  get witness(): readonly string[] {
    return this.steps.map((s) => s.id);
  }
}
