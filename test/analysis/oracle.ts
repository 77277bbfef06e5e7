// A reference oracle for cost(exit) and exit-entrenched, independent of the
// amendment-graph algorithm in src/analysis.
//
// Charters are generated as small abstract specs with 4 or 5 members held as
// explicit sets. The oracle enumerates every attacking group — every subset of
// the members, and every subset of the seat holders of each body whose seats
// are not filled by a members' election — and, for each, searches amendment
// sequences breadth-first: a step rewrites one clause the group can currently
// change (it carries, alone, the procedure that amends it), and a rewritten
// clause is then the group's to use (a rewritten decision is carried by the
// group, a rewritten body is the group's, a rewritten `amendments` re-routes
// every default-protected clause). Exit falls when a sequence of at most
// `maxSteps` rewrites ends by rewriting `exit`.
//
// Carrying is decided from first principles on counts: the group votes yes,
// anyone else needed for the quorum turns up and votes no (or objects, for
// consensus). Arithmetic is on integers (quorums are multiples of 1/n).
//
// Also exported: the generator (fast-check) and `buildCharter` (spec → the
// resolved model `analyzeCharter` takes), so a fuzz script can run the
// comparison 100,000 times: `ORACLE_RUNS=100000 npx vitest run test/analysis/oracle.test.ts`.
import fc from "fast-check";
import { analyzeCharter, atLeastUnanimity, type Cost, membersNeeded } from "../../src/analysis/index.js";
import type { Span } from "../../src/ast/ast.js";
import type { Body, Charter, Clause, Decision, Ref, Threshold } from "../../src/semantics/model.js";

// ── specs ───────────────────────────────────────────────────────────────

/** Own protection of a clause: null = the default, "never", or a decision name. */
export type AmendSpec = null | "never" | string;

export type ThresholdSpec =
  | { readonly kind: "share"; readonly num: number; readonly den: number; readonly strict: boolean; readonly base: "votes cast" | "members" }
  | { readonly kind: "unanimity" }
  | { readonly kind: "consensus" };

export interface DecisionSpec {
  readonly name: string;
  readonly by: string;
  /** Quorum as a count out of n members (the share quorum/n); null = no quorum. */
  readonly quorum: number | null;
  readonly threshold: ThresholdSpec;
  readonly amendable: AmendSpec;
}

export type SelectionSpec = { readonly kind: "election"; readonly by: string } | { readonly kind: "sortition" } | { readonly kind: "appointment"; readonly by: string };

export interface BodySpec {
  readonly name: string;
  /** "all" or a number of seats. */
  readonly members: "all" | number;
  readonly selection: SelectionSpec | null;
  readonly amendable: AmendSpec;
}

export interface CharterSpec {
  /** Number of members, 4 or 5. */
  readonly n: number;
  readonly bodies: readonly BodySpec[];
  readonly decisions: readonly DecisionSpec[];
  readonly exit: { readonly amendable: AmendSpec } | null;
  readonly membership: { readonly amendable: AmendSpec } | null;
  readonly rights: { readonly amendable: AmendSpec } | null;
  readonly amendments: { readonly by: string; readonly amendable: AmendSpec } | null;
}

// ── generator ───────────────────────────────────────────────────────────

/**
 * Thresholds whose share X stays ≤ (n−1)/n below 1 (n ≥ 4), so that a cost
 * under 1 always means fewer than all n members: the oracle's verdict on
 * exit-entrenched is then exact.
 */
const thresholdArb: fc.Arbitrary<ThresholdSpec> = fc.constantFrom<ThresholdSpec>(
  { kind: "share", num: 1, den: 2, strict: true, base: "votes cast" },
  { kind: "share", num: 2, den: 3, strict: false, base: "votes cast" },
  { kind: "share", num: 3, den: 4, strict: false, base: "votes cast" },
  { kind: "share", num: 1, den: 1, strict: false, base: "votes cast" },
  { kind: "share", num: 1, den: 3, strict: false, base: "votes cast" },
  { kind: "share", num: 1, den: 2, strict: true, base: "members" },
  { kind: "share", num: 2, den: 3, strict: false, base: "members" },
  { kind: "share", num: 1, den: 2, strict: false, base: "members" },
  { kind: "unanimity" },
  { kind: "consensus" },
);

function amendArb(decisions: readonly string[]): fc.Arbitrary<AmendSpec> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("never" as const) },
    { weight: 3, arbitrary: fc.constantFrom(...decisions) },
  );
}

export const charterSpecArb: fc.Arbitrary<CharterSpec> = fc
  .record({
    n: fc.constantFrom(4, 5),
    seated: fc.integer({ min: 0, max: 2 }),
    decisionCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ n, seated, decisionCount }) => {
    const bodyNames = ["assembly", ...Array.from({ length: seated }, (_, i) => `council${i + 1}`)];
    const decisionNames = Array.from({ length: decisionCount }, (_, i) => `d${i + 1}`);
    const amend = amendArb(decisionNames);
    const selection: fc.Arbitrary<SelectionSpec> = fc.oneof(
      fc.record({ kind: fc.constant("election" as const), by: fc.constantFrom(...decisionNames) }),
      fc.constant({ kind: "sortition" as const }),
      fc.record({ kind: fc.constant("appointment" as const), by: fc.constantFrom(...bodyNames) }),
    );
    const bodies = fc.tuple(
      fc.record({ name: fc.constant("assembly"), members: fc.constant("all" as const), selection: fc.constant(null), amendable: amend }),
      ...bodyNames.slice(1).map((name) => fc.record({ name: fc.constant(name), members: fc.integer({ min: 1, max: 5 }), selection, amendable: amend })),
    );
    const decisions = fc.tuple(
      ...decisionNames.map((name) =>
        fc.record({
          name: fc.constant(name),
          by: fc.oneof({ weight: 2, arbitrary: fc.constant("assembly") }, { weight: 1, arbitrary: fc.constantFrom(...bodyNames) }),
          quorum: fc.option(fc.integer({ min: 1, max: n }), { nil: null }),
          threshold: thresholdArb,
          amendable: amend,
        }),
      ),
    );
    const section = fc.option(fc.record({ amendable: amend }), { nil: null, freq: 5 });
    return fc.record({
      n: fc.constant(n),
      bodies,
      decisions,
      exit: fc.oneof({ weight: 9, arbitrary: fc.record({ amendable: amend }) }, { weight: 1, arbitrary: fc.constant(null) }),
      membership: section,
      rights: section,
      amendments: fc.option(fc.record({ by: fc.constantFrom(...decisionNames), amendable: amend }), { nil: null, freq: 4 }),
    }) as fc.Arbitrary<CharterSpec>;
  });

// ── spec → resolved model ────────────────────────────────────────────────

let cursor = 0;
function span(): Span {
  const start = cursor;
  cursor += 10;
  return { start, end: start + 5 };
}

export function thresholdText(t: ThresholdSpec): string {
  if (t.kind !== "share") return t.kind;
  if (t.strict && t.num * 2 === t.den) return `majority of ${t.base}`;
  if (t.num === t.den) return `100% of ${t.base}`;
  return `${t.num}/${t.den} of ${t.base}`;
}

/** The resolved model `analyzeCharter` takes, as the resolver would build it. */
export function buildCharter(spec: CharterSpec, file = "gen.charter"): Charter {
  cursor = 0;
  const decisionNames = new Set(spec.decisions.map((d) => d.name));
  const bodyNames = new Set(spec.bodies.map((b) => b.name));
  const dref = (name: string): Ref => ({ name, span: span(), resolved: decisionNames.has(name) });
  const bref = (name: string): Ref => ({ name, span: span(), resolved: bodyNames.has(name) });
  const amendable = (a: AmendSpec) => (a === null ? null : a === "never" ? { kind: "never" as const, span: span() } : { kind: "by" as const, decision: dref(a), span: span() });
  const base = (id: string, a: AmendSpec) => {
    const s = span();
    return { id, span: s, headSpan: s, amendable: amendable(a) };
  };
  const clauses: Clause[] = [];
  const bodies = new Map<string, Body>();
  const decisions = new Map<string, Decision>();
  const membership = spec.membership
    ? ({
        ...base("membership", spec.membership.amendable),
        kind: "membership",
        eligibility: { text: "anyone", span: span() },
        admission: { kind: "open", span: span() },
        consent: { value: "explicit", span: null },
        concurrent: { value: "allowed", span: null },
        expulsion: { kind: "none", span: null },
      } as const)
    : null;
  if (membership) clauses.push(membership);
  const exit = spec.exit
    ? ({
        ...base("exit", spec.exit.amendable),
        kind: "exit",
        approval: { kind: "none", span: span() },
        notice: { days: 0, text: "0 days", span: null },
        penalty: { kind: "none", span: null },
        retains: { items: ["property"], span: span() },
        obligations: { days: 0, text: "0 days", span: null },
      } as const)
    : null;
  if (exit) clauses.push(exit);
  for (const b of spec.bodies) {
    const sel = b.selection;
    const body: Body = {
      ...base(`body ${b.name}`, b.amendable),
      kind: "body",
      name: b.name,
      nameSpan: span(),
      members: b.members === "all" ? { kind: "all", span: span() } : { kind: "seats", seats: b.members, span: span() },
      selection: !sel ? null : sel.kind === "sortition" ? { kind: "sortition", span: span() } : sel.kind === "election" ? { kind: "election", by: dref(sel.by), span: span() } : { kind: "appointment", by: bref(sel.by), span: span() },
      term: null,
      recall: b.members === "all" ? null : { kind: "none", span: span() },
    };
    bodies.set(b.name, body);
    clauses.push(body);
  }
  for (const d of spec.decisions) {
    const t = d.threshold;
    const text = thresholdText(t);
    const threshold: Threshold =
      t.kind === "share" ? { kind: "share", value: t.num / t.den, strict: t.strict, base: t.base, text, span: span() } : { kind: t.kind, text, span: span() };
    const decision: Decision = {
      ...base(`decision ${d.name}`, d.amendable),
      kind: "decision",
      name: d.name,
      nameSpan: span(),
      by: bref(d.by),
      quorum: d.quorum === null ? null : { value: d.quorum / spec.n, percent: Math.round((d.quorum / spec.n) * 10000) / 100, span: span() },
      threshold,
      notice: null,
      appeal: null,
    };
    decisions.set(d.name, decision);
    clauses.push(decision);
  }
  const amendments = spec.amendments
    ? ({ ...base("amendments", spec.amendments.amendable), kind: "amendments", by: dref(spec.amendments.by), delay: { days: 0, text: "0 days", span: null } } as const)
    : null;
  if (amendments) clauses.push(amendments);
  const rights = spec.rights ? ({ ...base("rights", spec.rights.amendable), kind: "rights", rights: [] } as const) : null;
  if (rights) clauses.push(rights);
  return {
    file,
    kind: "charter",
    name: "Generated",
    nameSpan: span(),
    headerSpan: span(),
    version: null,
    jurisdiction: { kind: "personal", span: span() },
    preamble: null,
    powers: [],
    requires: [],
    imports: [],
    membership,
    exit,
    secession: null,
    bodies,
    decisions,
    amendments,
    rights,
    disputes: null,
    dissolution: null,
    ties: [],
    clauses,
  };
}

// ── the oracle ───────────────────────────────────────────────────────────

export type OracleCost = { readonly kind: "members"; readonly k: number } | { readonly kind: "seats"; readonly h: number; readonly of: number; readonly body: string } | { readonly kind: "never" };

type Attacker = { readonly kind: "members"; readonly set: readonly number[] } | { readonly kind: "seats"; readonly body: string; readonly set: readonly number[] };

function subsets(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const s: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s.push(i);
    out.push(s);
  }
  return out.sort((a, b) => a.length - b.length);
}

/** Do `yes` supporters out of a body of `size` carry the threshold, with `present` needed for quorum? */
export function carries(t: ThresholdSpec, yes: number, size: number, quorumPresent: number): boolean {
  if (yes < 1) return false;
  const turnout = Math.max(yes, quorumPresent);
  switch (t.kind) {
    case "unanimity":
      return yes >= size;
    case "consensus":
      return yes >= quorumPresent; // anyone else present objects
    case "share": {
      const base = t.base === "members" ? size : turnout;
      return t.strict ? yes * t.den > t.num * base : yes * t.den >= t.num * base;
    }
  }
}

class World {
  readonly decisions: Map<string, DecisionSpec>;
  readonly bodies: Map<string, BodySpec>;
  constructor(readonly spec: CharterSpec) {
    this.decisions = new Map(spec.decisions.map((d) => [d.name, d]));
    this.bodies = new Map(spec.bodies.map((b) => [b.name, b]));
  }

  /** Clause id → its own protection spec. */
  clauseIds(): Map<string, AmendSpec> {
    const m = new Map<string, AmendSpec>();
    if (this.spec.membership) m.set("membership", this.spec.membership.amendable);
    if (this.spec.exit) m.set("exit", this.spec.exit.amendable);
    for (const b of this.spec.bodies) m.set(`body ${b.name}`, b.amendable);
    for (const d of this.spec.decisions) m.set(`decision ${d.name}`, d.amendable);
    if (this.spec.amendments) m.set("amendments", this.spec.amendments.amendable);
    if (this.spec.rights) m.set("rights", this.spec.rights.amendable);
    return m;
  }

  /** Does the group control body `name` as a whole (it was rewritten, or the group fills its seats)? */
  controls(name: string, a: Attacker, captured: ReadonlySet<string>, visiting: ReadonlySet<string>): boolean {
    const b = this.bodies.get(name);
    if (!b) return false;
    if (captured.has(`body ${name}`)) return true;
    if (b.members === "all" || visiting.has(name)) return false;
    const inner = new Set([...visiting, name]);
    const sel = b.selection;
    if (sel?.kind === "election") return this.carry(sel.by, a, captured, inner);
    // §6.1 counts an appointed body's seat holders, not its appointer: control
    // passes through an appointment only when the appointer was rewritten.
    if (sel?.kind === "appointment") return this.controlsByRewrite(sel.by, captured, inner);
    return false;
  }

  /** Is body `name` the group's because it rewrote the body, or what fills its seats? */
  controlsByRewrite(name: string, captured: ReadonlySet<string>, visiting: ReadonlySet<string>): boolean {
    const b = this.bodies.get(name);
    if (!b) return false;
    if (captured.has(`body ${name}`)) return true;
    if (b.members === "all" || visiting.has(name)) return false;
    const inner = new Set([...visiting, name]);
    const sel = b.selection;
    if (sel?.kind === "election") {
      const e = this.decisions.get(sel.by);
      return !!e && (captured.has(`decision ${e.name}`) || this.controlsByRewrite(e.by, captured, inner));
    }
    if (sel?.kind === "appointment") return this.controlsByRewrite(sel.by, captured, inner);
    return false;
  }

  carry(name: string, a: Attacker, captured: ReadonlySet<string>, visiting: ReadonlySet<string> = new Set()): boolean {
    const d = this.decisions.get(name);
    if (!d) return false;
    if (captured.has(`decision ${name}`)) return true;
    const b = this.bodies.get(d.by)!;
    if (this.controls(b.name, a, captured, visiting)) return true;
    const n = this.spec.n;
    if (b.members === "all") {
      if (a.kind !== "members") return false;
      const present = d.quorum ?? 0;
      return carries(d.threshold, a.set.length, n, present);
    }
    // A seated body: an election by a decision reduces to that decision (unless it loops back).
    if (b.selection?.kind === "election" && !visiting.has(b.name)) return this.carry(b.selection.by, a, captured, new Set([...visiting, b.name]));
    if (a.kind !== "seats" || a.body !== b.name) return false;
    const seats = b.members;
    // ceil(quorum/n × seats) on integers
    const present = d.quorum === null ? 0 : Math.floor((d.quorum * seats + n - 1) / n);
    return carries(d.threshold, a.set.length, seats, present);
  }

  canRewrite(id: string, own: AmendSpec, a: Attacker, captured: ReadonlySet<string>): boolean {
    if (own === "never") return false;
    if (own !== null && this.decisions.has(own)) return this.carry(own, a, captured);
    if (this.spec.amendments) {
      if (captured.has("amendments") && id !== "amendments") return true;
      return this.carry(this.spec.amendments.by, a, captured);
    }
    return a.kind === "members" && a.set.length === this.spec.n; // a contract: every member consents
  }

  /** Can the group rewrite `exit` within `maxSteps` rewrites? */
  exitFalls(a: Attacker, maxSteps: number): boolean {
    const ids = this.clauseIds();
    if (!ids.has("exit")) return false;
    let frontier: Set<string>[] = [new Set()];
    const seen = new Set<string>([""]);
    for (let step = 0; step < maxSteps; step++) {
      const next: Set<string>[] = [];
      for (const captured of frontier) {
        for (const [id, own] of ids) {
          if (captured.has(id) || !this.canRewrite(id, own, a, captured)) continue;
          if (id === "exit") return true;
          const c = new Set(captured).add(id);
          const key = [...c].sort().join("|");
          if (seen.has(key)) continue;
          seen.add(key);
          next.push(c);
        }
      }
      if (next.length === 0) return false;
      frontier = next;
    }
    return false;
  }
}

export interface OracleOptions {
  /** Longest amendment sequence explored; default: as many as there are clauses (complete). */
  readonly maxSteps?: number;
}

/** The cheapest group that can weaken `exit`, by brute force. */
export function oracleExitCost(spec: CharterSpec, opts: OracleOptions = {}): OracleCost {
  const w = new World(spec);
  const maxSteps = opts.maxSteps ?? w.clauseIds().size;
  if (!spec.exit) return { kind: "never" };
  let best: OracleCost | null = null;
  for (const b of spec.bodies) {
    if (b.members === "all") continue;
    for (const set of subsets(b.members)) {
      if (best?.kind === "seats" && best.body === b.name && set.length >= best.h) break;
      if (w.exitFalls({ kind: "seats", body: b.name, set }, maxSteps)) {
        const cand: OracleCost = { kind: "seats", h: set.length, of: b.members, body: b.name };
        if (!best || seatsLess(cand, best)) best = cand;
        break;
      }
    }
  }
  if (best) return best;
  for (const set of subsets(spec.n)) {
    if (w.exitFalls({ kind: "members", set }, maxSteps)) return { kind: "members", k: set.length };
  }
  return { kind: "never" };
}

function seatsLess(a: OracleCost & { kind: "seats" }, b: OracleCost): boolean {
  if (b.kind !== "seats") return true;
  const ra = a.h * b.of;
  const rb = b.h * a.of;
  if (ra !== rb) return ra < rb;
  if (a.h !== b.h) return a.h < b.h;
  return a.body < b.body;
}

/** exit-entrenched by the oracle: no group short of every member (and no seat holders) can weaken exit. */
export function oracleEntrenched(spec: CharterSpec, cost: OracleCost): boolean {
  return spec.exit !== null && (cost.kind === "never" || (cost.kind === "members" && cost.k === spec.n));
}

// ── comparison ───────────────────────────────────────────────────────────


/** The analysis's cost(exit) in the oracle's terms (a share becomes a head count out of n). */
export function analysisExitCost(spec: CharterSpec): { cost: OracleCost; entrenched: boolean; raw: Cost | null } {
  const a = analyzeCharter(buildCharter(spec));
  const cc = a.exit;
  if (!cc) return { cost: { kind: "never" }, entrenched: false, raw: null };
  const c = cc.cost;
  const cost: OracleCost =
    c.kind === "share" ? { kind: "members", k: membersNeeded(c, spec.n) } : c.kind === "seats" ? { kind: "seats", h: c.seats, of: c.of, body: c.body } : { kind: "never" };
  return { cost, entrenched: atLeastUnanimity(c), raw: c };
}

export interface Disagreement {
  readonly spec: CharterSpec;
  readonly analysis: OracleCost;
  readonly oracle: OracleCost;
  readonly analysisEntrenched: boolean;
  readonly oracleEntrenched: boolean;
}

/** Compare analysis and oracle on one spec; null when they agree. */
export function compareWithOracle(spec: CharterSpec, opts: OracleOptions = {}): Disagreement | null {
  const an = analysisExitCost(spec);
  const or = oracleExitCost(spec, opts);
  const oe = oracleEntrenched(spec, or);
  if (JSON.stringify(an.cost) === JSON.stringify(or) && an.entrenched === oe) return null;
  return { spec, analysis: an.cost, oracle: or, analysisEntrenched: an.entrenched, oracleEntrenched: oe };
}

/** For a fuzz script: run `runs` generated charters; returns the first disagreement, if any. */
export function fuzzOracle(runs: number, seed?: number): Disagreement | null {
  let found: Disagreement | null = null;
  fc.assert(
    fc.property(charterSpecArb, (spec) => {
      found = compareWithOracle(spec);
      return found === null;
    }),
    { numRuns: runs, seed },
  );
  return found;
}
