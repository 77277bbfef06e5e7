// coalition(P) for every decision procedure P (§6.1 table): the smallest
// share of the community's members (or group of seat holders) that can carry
// P on its own.
import type { Body, Charter, Decision, Ref, Threshold } from "../semantics/model.js";
import { type Cost, formatCost, formatPercent, type MemberUnit, NEVER, share } from "./cost.js";
import { FILL_ELECTION, LISTED_DECISION, tablesOf } from "./tables.js";

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

/** A quorum that counts (above 0). */
function hasQuorum(d: Decision): boolean {
  return d.quorum !== null && quorumOf(d) > EPS;
}

function quorumText(d: Decision): string | null {
  if (!d.quorum || !hasQuorum(d)) return null;
  return `${d.quorum.percent}% quorum`;
}

/** Threshold over a body of all members (a member share). */
function memberShareCost(d: Decision, t: Threshold): Cost {
  const q = quorumOf(d);
  switch (t.kind) {
    case "unanimity":
      return share(1);
    case "consensus":
      return share(hasQuorum(d) ? q : 0);
    case "share":
      if (t.base === "members") return share(t.value, t.strict);
      return share(hasQuorum(d) ? q * t.value : 0, t.strict);
  }
}

/** How a member share arises, in words (written only when shown). */
function memberShareText(d: Decision, t: Threshold): string {
  const qt = quorumText(d);
  switch (t.kind) {
    case "unanimity":
      return t.text;
    case "consensus":
      return qt ? `${t.text} with ${qt}` : `${t.text} without quorum`;
    case "share":
      if (t.base === "members") return t.text;
      return qt ? `${qt} × ${t.text}` : `${t.text} without quorum`;
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
 * They are written when read (hover, messages, JSON), from the path's
 * length and where its last few bodies start, both kept per body.
 */
export function computeCoalitions(charter: Charter): Map<string, Coalition> {
  const t = tablesOf(charter);
  const clauses = charter.clauses;
  const C = t.size;
  const { decisionBody, fillKind, filler } = t;

  // elector[b]: the electing decision through which body b's decisions are costed, or -1.
  // ok[d]: decision d has a live body of known composition and a threshold.
  // succ[b]: the next elected body on the path from b, when its elector is decided by one, or -1.
  const elector = new Int32Array(C).fill(-1);
  const ok = new Uint8Array(C);
  for (let i = 0; i < C; i++) {
    const c = clauses[i]!;
    if (c.kind === "decision") {
      const b = decisionBody[i]!;
      if (b >= 0 && c.threshold && (clauses[b] as Body).members) ok[i] = 1;
    } else if (fillKind[i] === FILL_ELECTION) {
      const e = filler[i]!;
      if (e >= 0 && !impossibleQuorum(clauses[e] as Decision)) elector[i] = e;
    }
  }
  const succ = new Int32Array(C).fill(-1);
  for (let b = 0; b < C; b++) {
    const e = elector[b]!;
    if (e < 0 || !ok[e]) continue;
    const nb = decisionBody[e]!;
    if (elector[nb]! >= 0) succ[b] = nb;
  }

  // Paths of every elected body: iterative walks along `succ`, each body
  // done once. depth[b]: elected bodies on the path, b included (0: not
  // elected); term[b]: the decision whose terminal cost the path ends at;
  // tail[b]: the first of the path's last min(TAIL, depth) bodies.
  const depth = new Int32Array(C);
  const term = new Int32Array(C).fill(-1);
  const tail = new Int32Array(C).fill(-1);
  const onWalk = new Int32Array(C).fill(-1);
  const walk: number[] = [];
  for (let start = 0; start < C; start++) {
    if (depth[start]! > 0 || elector[start]! < 0) continue;
    walk.length = 0;
    let cur = start;
    while (cur >= 0 && depth[cur] === 0 && onWalk[cur]! < 0) {
      onWalk[cur] = walk.length;
      walk.push(cur);
      cur = succ[cur]!;
    }
    let end = walk.length;
    if (cur >= 0 && onWalk[cur]! >= 0) {
      // A cycle walk[k..end): each body's path goes once round and is cut where it returns.
      const k = onWalk[cur]!;
      const len = end - k;
      for (let i = 0; i < len; i++) {
        const b = walk[k + i]!;
        depth[b] = len;
        term[b] = elector[walk[k + ((i + len - 1) % len)]!]!; // the decision of b that closes the cycle
        tail[b] = walk[k + ((i + Math.max(0, len - TAIL)) % len)]!;
      }
      end = k;
    }
    for (let i = end - 1; i >= 0; i--) {
      const b = walk[i]!;
      const s = succ[b]!;
      if (s < 0) {
        depth[b] = 1;
        term[b] = elector[b]!;
        tail[b] = b;
      } else {
        depth[b] = depth[s]! + 1;
        term[b] = term[s]!;
        tail[b] = depth[s]! >= TAIL ? tail[s]! : b;
      }
    }
    for (const b of walk) onWalk[b] = -1;
  }

  const paths: ElectionPaths = { charter, succ, tail, elector };
  const terminals: (Terminal | undefined)[] = [];
  const terminalAt = (d: number): Terminal => (terminals[d] ??= terminalOf(charter, clauses[d] as Decision, decisionBody[d]! >= 0 ? (clauses[decisionBody[d]!] as Body) : null));
  const memo = new Map<string, Coalition>();
  // In table order (the clause order `resolve` fills the table in); a
  // decision the table holds under another clause (a model built by hand)
  // is costed on its own.
  for (let i = 0; i < C; i++) {
    if (t.listed[i] !== LISTED_DECISION) continue;
    const dec = clauses[i] as Decision;
    const body = !impossibleQuorum(dec) && ok[i] ? decisionBody[i]! : -1;
    if (body < 0 || depth[body] === 0) memo.set(dec.name, new CoalitionOf(dec.name, dec.id, terminalAt(i), paths, -1, 0, i));
    else memo.set(dec.name, new CoalitionOf(dec.name, dec.id, terminalAt(term[body]!), paths, body, depth[body]!, i));
  }
  if (memo.size !== charter.decisions.size) {
    for (const dec of charter.decisions.values()) {
      if (!memo.has(dec.name)) memo.set(dec.name, new CoalitionOf(dec.name, dec.id, terminalOf(charter, dec), paths, -1, 0, -1));
    }
  }
  return memo;
}

interface ElectionPaths {
  readonly charter: Charter;
  readonly succ: Int32Array;
  readonly tail: Int32Array;
  readonly elector: Int32Array;
}

/** What a path ends at: the cost of one decision on its own, its explanation written when read. */
interface Terminal {
  readonly cost: Cost;
  readonly unknown: boolean;
  readonly decision: Decision;
}

function terminalOf(charter: Charter, d: Decision, known?: Body | null): Terminal {
  if (impossibleQuorum(d)) return { cost: NEVER, unknown: false, decision: d };
  const body = known !== undefined ? known : live(d.by, charter.bodies);
  const t = d.threshold;
  if (!body || !t || !body.members) return { cost: share(0), unknown: true, decision: d };
  if (body.members.kind === "all" || body.members.kind === "per-member") return { cost: memberShareCost(d, t), unknown: false, decision: d };
  const seats = Math.max(1, Math.floor(body.members.seats));
  return { cost: { kind: "seats", seats: seatsNeeded(d, t, seats), of: seats, body: body.name }, unknown: false, decision: d };
}

function terminalText(charter: Charter, d: Decision): string {
  if (impossibleQuorum(d)) return `${d.quorum!.percent}% quorum can never be met`;
  const body = live(d.by, charter.bodies);
  const t = d.threshold;
  if (!body || !t || !body.members) {
    const why = !body ? "names no known body" : !t ? "states no threshold" : `has a body \`${body.name}\` of unknown composition`;
    return `\`${d.name}\` ${why}, so anyone may carry it`;
  }
  if (body.members.kind === "all" || body.members.kind === "per-member") return memberShareText(d, t);
  const sel = body.selection;
  const seats = Math.max(1, Math.floor(body.members.seats));
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
  return `${qt ? `${qt} × ` : ""}${t.text} of ${body.name} (${seats} seats ${how})`;
}

/** A coalition whose explanation is written on first read (most are never shown). */
class CoalitionOf implements Coalition {
  readonly cost: Cost;
  readonly unknown: boolean;
  #explanation: string | null = null;
  readonly #end: Terminal;
  readonly #paths: ElectionPaths;
  /** The decision's elected body (clause index), or -1. */
  readonly #body: number;
  /** The decision's clause index, or -1. */
  readonly #at: number;

  /** The clause index of a coalition's decision in `charter`, when it was computed for that charter; else undefined. */
  static indexIn(co: Coalition, charter: Charter): number | undefined {
    return co instanceof CoalitionOf && co.#paths.charter === charter && co.#at >= 0 ? co.#at : undefined;
  }
  constructor(
    readonly decision: string,
    readonly clauseId: string,
    end: Terminal,
    paths: ElectionPaths,
    body: number,
    readonly electedThrough: number,
    at: number,
  ) {
    this.#at = at;
    this.cost = end.cost;
    this.unknown = end.unknown;
    this.#end = end;
    this.#paths = paths;
    this.#body = body;
  }

  get explanation(): string {
    return (this.#explanation ??= this.explain());
  }

  private explain(): string {
    const { charter, succ, tail, elector } = this.#paths;
    const last = terminalText(charter, this.#end.decision);
    if (this.#body < 0) return last;
    const clauses = charter.clauses;
    const hop = (b: number) => `${(clauses[b] as Body).name} elected by ${(clauses[elector[b]!] as Decision).name}`;
    const depth = this.electedThrough;
    const parts: string[] = [];
    let b = this.#body;
    const shown = depth <= FULL_PATH ? depth : HEAD;
    for (let i = 0; i < shown && b >= 0; i++) {
      parts.push(hop(b));
      b = i + 1 < depth ? succ[b]! : -1;
    }
    if (depth > FULL_PATH) {
      const kept = Math.min(TAIL, depth);
      parts.push(`… ${depth - HEAD - kept} more …`);
      let x = tail[this.#body]!;
      for (let i = 0; i < kept && x >= 0; i++, x = succ[x]!) parts.push(hop(x));
    }
    parts.push(last);
    return parts.join(": ");
  }

  toJSON(): object {
    return { decision: this.decision, clauseId: this.clauseId, cost: this.cost, explanation: this.explanation, unknown: this.unknown, electedThrough: this.electedThrough };
  }
}

/** The clause index of a coalition's decision, when `computeCoalitions(charter)` made it (saves a name lookup). */
export function coalitionIndex(co: Coalition, charter: Charter): number | undefined {
  return CoalitionOf.indexIn(co, charter);
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
