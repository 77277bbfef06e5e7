// coalition(P) for every decision procedure P (§6.1 table): the smallest
// share of the community's members (or group of seat holders) that can carry
// P on its own.
import type { Body, Charter, Decision, Ref, Threshold } from "../semantics/model.js";
import { type Cost, formatCost, formatPercent, type MemberUnit, NEVER, share } from "./cost.js";

export interface Coalition {
  /** Decision name. */
  readonly decision: string;
  /** Clause id of the decision (`decision ordinary`). */
  readonly clauseId: string;
  readonly cost: Cost;
  /** How the cost arises, without the result: "20% quorum × majority of votes cast". */
  readonly explanation: string;
  /** True when the body or threshold is missing or unresolved: the cost is a conservative guess (anyone). */
  readonly unknown: boolean;
  /** Elected bodies the cost passes through (0: the decision's own body carries it); the path: `electionPath`. */
  readonly electedThrough: number;
}

const EPS = 1e-9;

/** A reference that resolved to something that exists in the charter. */
export function live<T>(ref: Ref | null | undefined, table: ReadonlyMap<string, T>): T | null {
  if (!ref || !ref.resolved) return null;
  return table.get(ref.name) ?? null;
}

/** Quorum as a share in [0, 1]; 0 when absent. */
function quorumOf(d: Decision): number {
  // An impossible quorum (above 100%) is handled before this is read.
  const q = d.quorum?.value ?? 0;
  return Math.min(1, Math.max(0, q));
}

function quorumText(d: Decision): string | null {
  const q = quorumOf(d);
  if (q <= EPS || !d.quorum) return null;
  return `${d.quorum.percent}% quorum`;
}

/** Threshold over a body of all members (a member share). */
function memberShare(d: Decision, t: Threshold): { cost: Cost; explanation: string } {
  const q = quorumOf(d);
  const qt = quorumText(d);
  switch (t.kind) {
    case "unanimity":
      return { cost: share(1), explanation: t.text };
    case "consensus":
      return qt
        ? { cost: share(q), explanation: `${t.text} with ${qt}` }
        : { cost: share(0), explanation: `${t.text} without quorum` };
    case "share":
      if (t.base === "members") return { cost: share(t.value, t.strict), explanation: t.text };
      return qt
        ? { cost: share(q * t.value, t.strict), explanation: `${qt} × ${t.text}` }
        : { cost: share(0, t.strict), explanation: `${t.text} without quorum` };
  }
}

/** A quorum above 100%: no meeting can ever reach it, so the decision can carry nothing. */
export function impossibleQuorum(d: Decision): boolean {
  return d.quorum !== null && d.quorum.value > 1 + EPS;
}

/**
 * Seat holders that carry a decision of a seated body on their own: with a
 * quorum q the body needs ceil(q × seats) present; seat holders who are
 * present but outside the group vote against. Closed form per threshold kind
 * (constant time for any seat count): the smallest h ≥ 1 with
 * h ≥ or > share × base, where base is all seats (`of members`) or the
 * turnout max(h, present) (`of votes cast`); `seats` when nothing smaller carries.
 */
export function seatsNeeded(d: Decision, t: Threshold, seats: number): number {
  const q = quorumOf(d);
  const present = Math.ceil(q * seats - EPS);
  const clamp = (h: number) => (h >= 1 && h <= seats ? h : seats);
  switch (t.kind) {
    case "unanimity":
      return seats;
    case "consensus":
      return clamp(Math.max(1, present)); // anyone else present objects
    case "share": {
      // The smallest integer meeting h > x (strict) or h ≥ x, allowing EPS slack.
      const least = (x: number) => Math.max(1, t.strict ? Math.floor(x + EPS) + 1 : Math.ceil(x - EPS));
      if (t.base === "members") return clamp(least(t.value * seats));
      // Fewer than `present` supporters: the turnout is `present`.
      const below = least(t.value * present);
      if (below < present && below <= seats) return below;
      // At least `present`: the turnout is h itself, so h carries when
      // h·(1 − v) > EPS (strict) or h·(1 − v) ≥ −EPS; both sides are monotone in h.
      const from = Math.max(1, present);
      const slack = 1 - t.value;
      let h: number;
      if (t.strict) h = slack > 0 ? Math.max(from, Math.floor(EPS / slack) + 1) : Infinity;
      else h = slack >= 0 || from * -slack <= EPS ? from : Infinity;
      return clamp(h);
    }
  }
}

/** One elected body on a coalition's path: `body` is filled by an election `elector`. */
export interface ElectionStep {
  readonly body: string;
  readonly elector: string;
}

/** Paths through more elected bodies than this are summarised in explanations. */
const FULL_PATH = 8;
const HEAD = 3;
const TAIL = 3;

interface Terminal {
  readonly cost: Cost;
  readonly explanation: string;
  readonly unknown: boolean;
}

interface Chain {
  readonly terminal: Terminal;
  /** Elected bodies on the path, this one included. */
  readonly depth: number;
  /** The last min(TAIL, depth) bodies of the path. */
  readonly last: readonly Body[];
}

/**
 * coalition(P) for every decision, in one pass over the election graph.
 *
 * A decision of a body filled by `election by E` costs what E costs, and so
 * on along the electing decisions: each elected body has one successor (the
 * body of its elector), so the bodies form a functional graph. Each body's
 * path is computed once (a body off any cycle shares its successor's path);
 * on a cycle of mutually electing bodies — a body elected, directly or
 * through other elected bodies, by a decision of itself — the path from a
 * body goes once round the cycle and is cut where it returns to that body:
 * the decision that closes the cycle is counted in that body's seats.
 * Explanations name at most FULL_PATH elected bodies; longer paths show the
 * first and last few with "… N more …" (the whole path: `electionPath`).
 */
export function computeCoalitions(charter: Charter): Map<string, Coalition> {
  const decisionOk = (d: Decision): Body | null => {
    const body = live(d.by, charter.bodies);
    return body && d.threshold && body.members ? body : null;
  };

  /** The electing decision through which a body's decisions are costed, or null. */
  const electorOf = (b: Body): Decision | null => {
    if (b.members?.kind !== "seats" || b.selection?.kind !== "election") return null;
    const e = live(b.selection.by, charter.decisions);
    return e && !impossibleQuorum(e) ? e : null;
  };

  const terminalOf = (d: Decision): Terminal => {
    if (impossibleQuorum(d)) return { cost: NEVER, explanation: `${d.quorum!.percent}% quorum can never be met`, unknown: false };
    const body = live(d.by, charter.bodies);
    const t = d.threshold;
    if (!body || !t || !body.members) {
      const why = !body ? "names no known body" : !t ? "states no threshold" : `has a body \`${body.name}\` of unknown composition`;
      return { cost: share(0), explanation: `\`${d.name}\` ${why}, so anyone may carry it`, unknown: true };
    }
    if (body.members.kind === "all" || body.members.kind === "per-member") {
      const r = memberShare(d, t);
      return { cost: r.cost, explanation: r.explanation, unknown: false };
    }
    const sel = body.selection;
    const seats = Math.max(1, Math.floor(body.members.seats));
    const h = seatsNeeded(d, t, seats);
    const elector = sel?.kind === "election" ? live(sel.by, charter.decisions) : null;
    const how =
      sel?.kind === "sortition"
        ? "chosen by sortition"
        : sel?.kind === "appointment"
          ? `appointed by ${sel.by.name}`
          : sel?.kind === "election"
            ? elector && impossibleQuorum(elector)
              ? `elected by ${sel.by.name}, whose quorum can never be met`
              : `elected by ${sel.by.name}, which ${body.name} itself controls`
            : "filled in no stated way";
    const qt = quorumText(d);
    const cost: Cost = { kind: "seats", seats: h, of: seats, body: body.name };
    return { cost, explanation: `${qt ? `${qt} × ` : ""}${t.text} of ${body.name} (${seats} seats ${how})`, unknown: false };
  };

  /** The next elected body on the path from `b`, when its elector is decided by one. */
  const succ = (b: Body): Body | null => {
    const nb = decisionOk(electorOf(b)!);
    return nb && electorOf(nb) ? nb : null;
  };

  // Paths of every elected body: iterative walks along `succ`, each body done once.
  const chains = new Map<string, Chain>();
  const onWalk = new Map<string, number>();
  for (const start of charter.bodies.values()) {
    if (chains.has(start.name) || !electorOf(start)) continue;
    const walk: Body[] = [];
    let cur: Body | null = start;
    while (cur && !chains.has(cur.name) && !onWalk.has(cur.name)) {
      onWalk.set(cur.name, walk.length);
      walk.push(cur);
      cur = succ(cur);
    }
    let end = walk.length;
    if (cur && onWalk.has(cur.name)) {
      // A cycle walk[k..end): each body's path goes once round and is cut where it returns.
      const k = onWalk.get(cur.name)!;
      const cycle = walk.slice(k);
      const len = cycle.length;
      for (let i = 0; i < len; i++) {
        const closer = electorOf(cycle[(i + len - 1) % len]!)!; // decided by cycle[i]
        const last: Body[] = [];
        for (let j = Math.max(0, len - TAIL); j < len; j++) last.push(cycle[(i + j) % len]!);
        chains.set(cycle[i]!.name, { terminal: terminalOf(closer), depth: len, last });
      }
      end = k;
    }
    for (let i = end - 1; i >= 0; i--) {
      const b = walk[i]!;
      const s = succ(b);
      const next = s ? chains.get(s.name)! : null;
      if (!next) chains.set(b.name, { terminal: terminalOf(electorOf(b)!), depth: 1, last: [b] });
      else chains.set(b.name, { terminal: next.terminal, depth: next.depth + 1, last: next.depth >= TAIL ? next.last : [b, ...next.last] });
    }
    for (const b of walk) onWalk.delete(b.name);
  }

  const hop = (b: Body) => `${b.name} elected by ${electorOf(b)!.name}`;
  const memo = new Map<string, Coalition>();
  for (const d of charter.decisions.values()) {
    const body = impossibleQuorum(d) ? null : decisionOk(d);
    const chain = body ? chains.get(body.name) : undefined;
    if (!chain) {
      const t = terminalOf(d);
      memo.set(d.name, { decision: d.name, clauseId: d.id, cost: t.cost, explanation: t.explanation, unknown: t.unknown, electedThrough: 0 });
      continue;
    }
    const parts: string[] = [];
    let b: Body | null = body;
    const shown = chain.depth <= FULL_PATH ? chain.depth : HEAD;
    for (let i = 0; i < shown && b; i++) {
      parts.push(hop(b));
      b = i + 1 < chain.depth ? (succ(b) ?? null) : null;
    }
    if (chain.depth > FULL_PATH) {
      parts.push(`… ${chain.depth - HEAD - chain.last.length} more …`);
      for (const x of chain.last) parts.push(hop(x));
    }
    parts.push(chain.terminal.explanation);
    memo.set(d.name, { decision: d.name, clauseId: d.id, cost: chain.terminal.cost, explanation: parts.join(": "), unknown: chain.terminal.unknown, electedThrough: chain.depth });
  }
  return memo;
}

/** Every elected body on a coalition's path, in order (linear in the path; for JSON and tools). */
export function electionPath(charter: Charter, c: Coalition): ElectionStep[] {
  const out: ElectionStep[] = [];
  let d = charter.decisions.get(c.decision) ?? null;
  for (let i = 0; i < c.electedThrough && d; i++) {
    const b = live(d.by, charter.bodies);
    const e = b && b.selection?.kind === "election" ? live(b.selection.by, charter.decisions) : null;
    if (!b || !e) break;
    out.push({ body: b.name, elector: e.name });
    d = e;
  }
  return out;
}

/** "20% quorum × majority of votes cast = more than 10% of members". */
export function describeCoalition(c: Coalition, unit: MemberUnit): string {
  return `${c.explanation} = ${formatCost(c.cost, unit)}`;
}

export { formatPercent };

/** Is this body a seated body (not all members)? */
export function isSeated(b: Body): boolean {
  return b.members?.kind === "seats";
}
