// Coalition costs (§6.1) as a totally ordered value.
//
//   seats  <  share(0) ≤ … ≤ share(1)  <  never
//
// A `share` is a fraction of the community's members (member communities in
// a federation); `strict` marks a bound that must be exceeded ("more than 10%
// of members", from a `majority` threshold). `seats` is a group of seat
// holders of a body filled by sortition or appointment: not a member share at
// all, ordered below every share because no member needs to agree. `never`
// means no procedure can change the clause.

export type Cost =
  | { readonly kind: "share"; readonly value: number; readonly strict: boolean }
  | { readonly kind: "seats"; readonly seats: number; readonly of: number; readonly body: string }
  | { readonly kind: "never" };

const EPS = 1e-9;

export const NEVER: Cost = { kind: "never" };
export const UNANIMOUS: Cost = { kind: "share", value: 1, strict: false };

export function share(value: number, strict = false): Cost {
  const v = Math.min(1, Math.max(0, value));
  return { kind: "share", value: v, strict: strict && v < 1 };
}

function rank(c: Cost): number {
  return c.kind === "seats" ? 0 : c.kind === "share" ? 1 : 2;
}

/** Total order: negative when `a` is cheaper than `b`. */
export function compareCost(a: Cost, b: Cost): number {
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  if (a.kind === "share" && b.kind === "share") {
    if (Math.abs(a.value - b.value) > EPS) return a.value < b.value ? -1 : 1;
    if (a.strict !== b.strict) return a.strict ? 1 : -1; // "more than x" is dearer than "x"
    return 0;
  }
  if (a.kind === "seats" && b.kind === "seats") {
    const ra = a.seats / a.of;
    const rb = b.seats / b.of;
    if (Math.abs(ra - rb) > EPS) return ra < rb ? -1 : 1;
    if (a.seats !== b.seats) return a.seats - b.seats;
    return a.body < b.body ? -1 : a.body > b.body ? 1 : 0;
  }
  return 0;
}

export function costEquals(a: Cost, b: Cost): boolean {
  return compareCost(a, b) === 0;
}

export function minCost(a: Cost, b: Cost): Cost {
  return compareCost(a, b) <= 0 ? a : b;
}

/** True when the cost is at least every member (unanimity) or the clause cannot change at all. */
export function atLeastUnanimity(c: Cost): boolean {
  return compareCost(c, UNANIMOUS) >= 0;
}

/** The §7 JSON form: a share as a number (rounded to 6 places), `null` for never, seat holders as a string. */
export function costToJson(c: Cost): number | null | string {
  switch (c.kind) {
    case "share":
      return Math.round(c.value * 1e6) / 1e6;
    case "never":
      return null;
    case "seats":
      return formatCost(c);
  }
}

/** `10`, `66.67`, `12.5` — a share as a percentage without trailing zeros. */
export function formatPercent(value: number): string {
  const s = (value * 100).toFixed(2);
  return s.replace(/\.?0+$/, "");
}

export type MemberUnit = "members" | "member communities";

/**
 * People-facing text: "more than 10% of members", "all members",
 * "a single member", "3 of 5 seats of stewards", "no one (it cannot be changed)".
 */
export function formatCost(c: Cost, unit: MemberUnit = "members"): string {
  const single = unit === "members" ? "a single member" : "a single member community";
  switch (c.kind) {
    case "never":
      return "no one (it cannot be changed)";
    case "seats":
      return `${c.seats} of ${c.of} ${c.of === 1 ? "seat" : "seats"} of ${c.body}`;
    case "share":
      if (c.value <= EPS) return single;
      if (c.value >= 1 - EPS) return `all ${unit}`;
      return `${c.strict ? "more than " : ""}${formatPercent(c.value)}% of ${unit}`;
  }
}

/**
 * The smallest number of members out of `n` that meets a share cost: at
 * least one (a procedure is carried by someone), and `> value·n` when strict.
 */
export function membersNeeded(c: Extract<Cost, { kind: "share" }>, n: number): number {
  const x = c.value * n;
  const k = c.strict ? Math.floor(x + EPS) + 1 : Math.ceil(x - EPS);
  return Math.max(1, Math.min(n, k));
}
