// coalition(P) for every decision procedure P (§6.1 table): the smallest
// share of the community's members (or group of seat holders) that can carry
// P on its own.
import type { Body, Charter, Decision, Ref, Threshold } from "../semantics/model.js";
import { type Cost, formatCost, formatPercent, type MemberUnit, share } from "./cost.js";

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
}

const EPS = 1e-9;

/** A reference that resolved to something that exists in the charter. */
export function live<T>(ref: Ref | null | undefined, table: ReadonlyMap<string, T>): T | null {
  if (!ref || !ref.resolved) return null;
  return table.get(ref.name) ?? null;
}

/** Quorum as a share in [0, 1]; 0 when absent. */
function quorumOf(d: Decision): number {
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

/**
 * Seat holders that carry a decision of a seated body on their own: with a
 * quorum q the body needs ceil(q × seats) present; seat holders who are
 * present but outside the group vote against.
 */
export function seatsNeeded(d: Decision, t: Threshold, seats: number): number {
  const q = quorumOf(d);
  const present = Math.ceil(q * seats - EPS);
  for (let h = 1; h <= seats; h++) {
    const turnout = Math.max(h, present);
    let ok: boolean;
    switch (t.kind) {
      case "unanimity":
        ok = h >= seats;
        break;
      case "consensus":
        ok = h >= turnout; // anyone else present objects
        break;
      case "share": {
        const base = t.base === "members" ? seats : turnout;
        ok = t.strict ? h > t.value * base + EPS : h >= t.value * base - EPS;
        break;
      }
    }
    if (ok) return h;
  }
  return seats;
}

export function computeCoalitions(charter: Charter): Map<string, Coalition> {
  const memo = new Map<string, Coalition>();

  const compute = (d: Decision, visitingBodies: ReadonlySet<string>): Coalition => {
    const body = live(d.by, charter.bodies);
    const t = d.threshold;
    if (!body || !t || !body.members) {
      const why = !body ? "names no known body" : !t ? "states no threshold" : `has a body \`${body.name}\` of unknown composition`;
      return { decision: d.name, clauseId: d.id, cost: share(0), explanation: `\`${d.name}\` ${why}, so anyone may carry it`, unknown: true };
    }
    if (body.members.kind === "all" || body.members.kind === "per-member") {
      const r = memberShare(d, t);
      return { decision: d.name, clauseId: d.id, cost: r.cost, explanation: r.explanation, unknown: false };
    }
    // A seated body.
    const sel = body.selection;
    if (sel?.kind === "election" && !visitingBodies.has(body.name)) {
      const elector = live(sel.by, charter.decisions);
      if (elector) {
        const inner = compute(elector, new Set([...visitingBodies, body.name]));
        return {
          decision: d.name,
          clauseId: d.id,
          cost: inner.cost,
          explanation: `${body.name} elected by ${elector.name}: ${inner.explanation}`,
          unknown: inner.unknown,
        };
      }
    }
    const seats = Math.max(1, Math.floor(body.members.seats));
    const h = seatsNeeded(d, t, seats);
    const how =
      sel?.kind === "sortition"
        ? "chosen by sortition"
        : sel?.kind === "appointment"
          ? `appointed by ${sel.by.name}`
          : sel?.kind === "election"
            ? `elected by ${sel.by.name}, which ${body.name} itself controls`
            : "filled in no stated way";
    const qt = quorumText(d);
    const cost: Cost = { kind: "seats", seats: h, of: seats, body: body.name };
    return {
      decision: d.name,
      clauseId: d.id,
      cost,
      explanation: `${qt ? `${qt} × ` : ""}${t.text} of ${body.name} (${seats} seats ${how})`,
      unknown: false,
    };
  };

  for (const d of charter.decisions.values()) memo.set(d.name, compute(d, new Set()));
  return memo;
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
