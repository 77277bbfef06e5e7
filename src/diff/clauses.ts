// Field-by-field comparison of paired clauses, each change classified for
// members (weakens / strengthens / neutral) along one dimension. The rules
// are listed in docs/diff.md; in short: anything that makes leaving harder,
// takes away a member's say, removes a safeguard against expulsion, moves
// authority from consent to residence, binds a community tighter to its
// federation, or makes a guarantee cheaper to amend weakens.
import type { CharterAnalysis } from "../analysis/index.js";
import { compareCost } from "../analysis/index.js";
import type { Span } from "../ast/ast.js";
import type { Body, Charter, Clause, Decision, Duration, Exit, Membership, Threshold, Tie } from "../semantics/model.js";
import type { ClausePair, Namespace, Renames } from "./match.js";
import type { Change, ChangeKind, Dimension, DiffSide, Effect } from "./types.js";
import * as w from "./words.js";

export interface Ctx {
  readonly old: DiffSide;
  readonly new: DiffSide;
  readonly oldA: CharterAnalysis;
  readonly newA: CharterAnalysis;
  readonly renames: Renames;
  readonly out: Change[];
}

interface Loc {
  readonly old?: Span | null;
  readonly new?: Span | null;
}

function line(side: DiffSide, span: Span | null | undefined): number | null {
  return span && side.lines ? side.lines.position(span.start).line : null;
}

function push(
  ctx: Ctx,
  kind: ChangeKind,
  clause: string,
  oldClause: string | null,
  field: string | null,
  oldV: string | null,
  newV: string | null,
  dimension: Dimension,
  effect: Effect,
  description: string,
  loc: Loc,
): void {
  ctx.out.push({
    kind,
    clause,
    oldClause: oldClause !== null && oldClause !== clause ? oldClause : null,
    field,
    old: oldV,
    new: newV,
    dimension,
    effect,
    description,
    oldLine: line(ctx.old, loc.old),
    newLine: line(ctx.new, loc.new),
  });
}

/** Direction of a number moving from `a` to `b` when "higher is better for members" (`up`) or worse. */
function byNumber(a: number, b: number, higherIs: Effect): Effect {
  if (a === b) return "neutral";
  const up = b > a;
  if (higherIs === "neutral") return "neutral";
  return up === (higherIs === "strengthens") ? "strengthens" : "weakens";
}

const days = (d: Duration | null | undefined) => d?.days ?? 0;

/** The items of `a` not in `b`, in `a`'s order (a set lookup: long lists stay linear). */
function without(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
}
const sameRef = (ctx: Ctx, ns: Namespace, a: string | null | undefined, b: string | null | undefined) => (a ? (ctx.renames[ns].get(a) ?? null) : null) === (b ?? null);

/** The role of a decision in a charter, which decides how changes to it read. */
type Role = "exit approval" | "expulsion" | "amendment" | "ordinary";

function roleOf(charter: Charter, analysis: CharterAnalysis, name: string): Role {
  if (charter.exit?.approval?.kind === "by" && charter.exit.approval.decision.name === name) return "exit approval";
  if (charter.membership?.expulsion.kind === "by" && charter.membership.expulsion.decision.name === name) return "expulsion";
  if (analysis.amendingProcedures.has(name)) return "amendment";
  return "ordinary";
}

/** How a harder-to-carry procedure reads for members, by its role. */
function harder(role: Role): { dimension: Dimension; effect: Effect; why: string } {
  switch (role) {
    case "exit approval":
      return { dimension: "exit", effect: "weakens", why: "permission to leave becomes harder to obtain" };
    case "expulsion":
      return { dimension: "due process", effect: "strengthens", why: "expelling a member takes more support" };
    case "amendment":
      return { dimension: "amendment", effect: "strengthens", why: "amending the charter takes more support" };
    case "ordinary":
      return { dimension: "voice", effect: "strengthens", why: "decisions need more members behind them" };
  }
}

const invert = (e: Effect): Effect => (e === "weakens" ? "strengthens" : e === "strengthens" ? "weakens" : "neutral");

/** Threshold strength: unanimity > consensus > share of members > share of votes cast (same share); null when not comparable. */
function thresholdOrder(a: Threshold, b: Threshold): number | null {
  const rank = (t: Threshold) => (t.kind === "unanimity" ? 3 : t.kind === "consensus" ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (a.kind !== "share" || b.kind !== "share") return 0;
  const va = a.value + (a.strict ? 1e-9 : 0);
  const vb = b.value + (b.strict ? 1e-9 : 0);
  if (a.base === b.base) return Math.sign(vb - va);
  // A share of the whole body is at least the same share of those voting.
  if (b.base === "members" && vb >= va) return 1;
  if (b.base === "votes cast" && vb <= va) return -1;
  return null;
}

/** How many members a body gives a voice: all > seats chosen by election > seats by sortition or appointment. */
function bodyBreadth(b: Body | undefined): number {
  if (!b?.members) return 0;
  if (b.members.kind !== "seats") return 3;
  return b.selection?.kind === "election" ? 2 : 1;
}

export function diffPair(ctx: Ctx, pair: ClausePair): void {
  const o = pair.old;
  const n = pair.new;
  if (o && n) {
    if (o.id !== n.id) {
      push(ctx, "renamed", n.id, o.id, null, o.id, n.id, "general", "neutral", `${o.id} is now called ${n.id}; every reference follows it`, { old: o.headSpan, new: n.headSpan });
    }
    diffAmendable(ctx, o, n);
    switch (n.kind) {
      case "membership":
        return diffMembership(ctx, o as Membership, n);
      case "exit":
        return diffExit(ctx, o as Exit, n);
      case "secession": {
        const ob = w.noneOrBy((o as typeof n).by);
        const nb = w.noneOrBy(n.by);
        if (!sameNoneOrBy(ctx, (o as typeof n).by, n.by)) {
          const eff: Effect = nb === "none" ? "weakens" : ob === "none" ? "strengthens" : "neutral";
          push(ctx, "changed", n.id, o.id, "by", ob, nb, "secession", eff, eff === "weakens" ? "groups of members can no longer secede together" : eff === "strengthens" ? "groups of members may now secede together" : "a different procedure decides a group's secession", { old: (o as typeof n).by?.span, new: n.by?.span });
        }
        textField(ctx, o, n, "unit", (o as typeof n).unit?.text ?? null, n.unit?.text ?? null, "secession", { old: (o as typeof n).unit?.span, new: n.unit?.span });
        return;
      }
      case "body":
        return diffBody(ctx, o as Body, n);
      case "decision":
        return diffDecision(ctx, o as Decision, n);
      case "amendments":
        return diffAmendments(ctx, o as typeof n, n);
      case "rights":
        return diffRights(ctx, o as typeof n, n);
      case "disputes": {
        const od = o as typeof n;
        const text = (v: typeof n.by) => (v ? (v.kind === "body" ? v.body.name : `"${v.text}"`) : null);
        const same = od.by?.kind === "body" && n.by?.kind === "body" ? sameRef(ctx, "body", od.by.body.name, n.by.body.name) : text(od.by) === text(n.by);
        if (!same) push(ctx, "changed", n.id, o.id, "by", text(od.by), text(n.by), "due process", "neutral", "disputes go to someone else", { old: od.by?.span, new: n.by?.span });
        diffAppeal(ctx, o, n, od.appeal, n.appeal, "due process", null);
        return;
      }
      case "dissolution": {
        const od = o as typeof n;
        if (!sameRef(ctx, "decision", od.by?.name, n.by?.name)) push(ctx, "changed", n.id, o.id, "by", od.by?.name ?? null, n.by?.name ?? null, "general", "neutral", "a different procedure can dissolve the community", { old: od.by?.span, new: n.by?.span });
        if ((od.assets?.text ?? null) !== (n.assets?.text ?? null)) {
          const eff: Effect = od.assetsToMembers && !n.assetsToMembers ? "weakens" : !od.assetsToMembers && n.assetsToMembers ? "strengthens" : "neutral";
          push(ctx, "changed", n.id, o.id, "assets", od.assets?.text ?? null, n.assets?.text ?? null, "exit", eff, eff === "weakens" ? "members no longer receive the assets on dissolution" : eff === "strengthens" ? "members now receive the assets on dissolution" : "the assets go elsewhere on dissolution", { old: od.assets?.span, new: n.assets?.span });
        }
        return;
      }
      case "member of":
        return diffTie(ctx, o as Tie, n);
    }
  }
  if (n) return addedOrRemoved(ctx, "added", n);
  if (o) return addedOrRemoved(ctx, "removed", o);
}

function addedOrRemoved(ctx: Ctx, kind: "added" | "removed", c: Clause): void {
  const added = kind === "added";
  let dimension: Dimension = "general";
  let effect: Effect = "neutral";
  let description = added ? `the charter gains ${c.id}` : `the charter drops ${c.id}`;
  switch (c.kind) {
    case "exit":
      dimension = "exit";
      effect = added ? "strengthens" : "weakens";
      description = added ? "the charter now states how a member leaves" : "the charter no longer states how a member leaves";
      break;
    case "secession":
      dimension = "secession";
      effect = added ? (c.by?.kind === "by" ? "strengthens" : "neutral") : "weakens";
      description = added ? "groups of members gain a way to secede together" : "groups of members lose their way to secede together";
      break;
    case "rights":
      dimension = "rights";
      effect = added ? "strengthens" : "weakens";
      description = added ? `members gain stated rights: ${w.and(c.rights.map((r) => r.name))}` : `members lose their stated rights: ${w.and(c.rights.map((r) => r.name))}`;
      break;
    case "disputes":
      dimension = "due process";
      effect = added ? "strengthens" : "weakens";
      description = added ? "disputes gain a stated way to be resolved" : "disputes lose their stated way to be resolved";
      break;
    case "member of":
      dimension = "federation";
      description = added ? `the community joins the federation ${c.alias.name}` : `the community leaves the federation ${c.alias.name}`;
      break;
    case "body":
    case "decision":
      dimension = "voice";
      break;
    case "membership":
      dimension = "jurisdiction and consent";
      break;
    default:
      break;
  }
  const side = added ? { new: c.headSpan } : { old: c.headSpan };
  push(ctx, kind, c.id, null, null, null, null, dimension, effect, description, side);
}

function sameNoneOrBy(ctx: Ctx, a: { kind: string; decision?: { name: string } } | null, b: { kind: string; decision?: { name: string } } | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  return a.kind !== "by" || sameRef(ctx, "decision", a.decision?.name, b.decision?.name);
}

function textField(ctx: Ctx, o: Clause, n: Clause, field: string, a: string | null, b: string | null, dimension: Dimension, loc: Loc): void {
  if (a === b) return;
  push(ctx, "changed", n.id, o.id, field, a, b, dimension, "neutral", `${field} is reworded`, loc);
}

/** A clause's own `amendable`: read through the cost of changing the clause. */
function diffAmendable(ctx: Ctx, o: Clause, n: Clause): void {
  const a = o.amendable ? (o.amendable.kind === "never" ? "never" : `by ${o.amendable.decision.name}`) : null;
  const b = n.amendable ? (n.amendable.kind === "never" ? "never" : `by ${n.amendable.decision.name}`) : null;
  const same = o.amendable?.kind === "by" && n.amendable?.kind === "by" ? sameRef(ctx, "decision", o.amendable.decision.name, n.amendable.decision.name) : a === b;
  if (same) return;
  const oc = ctx.oldA.clauses.get(o.id)?.cost;
  const nc = ctx.newA.clauses.get(n.id)?.cost;
  const order = oc && nc ? compareCost(oc, nc) : 0;
  const effect: Effect = order < 0 ? "strengthens" : order > 0 ? "weakens" : "neutral";
  const dimension: Dimension = n.kind === "exit" ? "exit" : n.kind === "rights" ? "rights" : "amendment";
  const description = effect === "weakens" ? `${n.id} becomes easier to amend` : effect === "strengthens" ? `${n.id} becomes harder to amend` : `${n.id} is amended by another procedure of the same cost`;
  push(ctx, "changed", n.id, o.id, "amendable", a ?? "the default (amendments)", b ?? "the default (amendments)", dimension, effect, description, { old: o.amendable?.span, new: n.amendable?.span });
}

function diffMembership(ctx: Ctx, o: Membership, n: Membership): void {
  const J: Dimension = "jurisdiction and consent";
  textField(ctx, o, n, "eligibility", o.eligibility?.text ?? null, n.eligibility?.text ?? null, J, { old: o.eligibility?.span, new: n.eligibility?.span });
  const adm = (v: Membership["admission"]) => (v ? (v.kind === "open" ? "open" : `by ${v.decision.name}`) : null);
  const sameAdm = o.admission?.kind === "by" && n.admission?.kind === "by" ? sameRef(ctx, "decision", o.admission.decision.name, n.admission.decision.name) : adm(o.admission) === adm(n.admission);
  if (!sameAdm) {
    push(ctx, "changed", n.id, o.id, "admission", adm(o.admission), adm(n.admission), J, "neutral", n.admission?.kind === "open" ? "anyone eligible may now join" : "joining now needs a decision", { old: o.admission?.span, new: n.admission?.span });
  }
  if (o.consent.value !== n.consent.value) {
    const eff: Effect = o.consent.value === "explicit" ? "weakens" : n.consent.value === "explicit" ? "strengthens" : "neutral";
    push(ctx, "changed", n.id, o.id, "consent", o.consent.value, n.consent.value, J, eff, eff === "weakens" ? `people become members ${n.consent.value}, without saying yes` : eff === "strengthens" ? "membership now rests on each member's explicit consent" : "membership is still acquired without explicit consent", { old: o.consent.span, new: n.consent.span });
  }
  if (o.concurrent.value !== n.concurrent.value) {
    const eff: Effect = n.concurrent.value === "forbidden" ? "weakens" : "strengthens";
    push(ctx, "changed", n.id, o.id, "concurrent", o.concurrent.value, n.concurrent.value, J, eff, eff === "weakens" ? "members may no longer belong to other communities" : "members may now belong to other communities too", { old: o.concurrent.span, new: n.concurrent.span });
  }
  if (!sameNoneOrBy(ctx, o.expulsion, n.expulsion)) {
    const a = w.noneOrBy(o.expulsion);
    const b = w.noneOrBy(n.expulsion);
    const eff: Effect = a === "none" ? "weakens" : b === "none" ? "strengthens" : "neutral";
    push(ctx, "changed", n.id, o.id, "expulsion", a, b, "due process", eff, eff === "weakens" ? "members can now be expelled" : eff === "strengthens" ? "members can no longer be expelled" : "a different procedure expels members", { old: o.expulsion.span, new: n.expulsion.span });
  }
}

function diffExit(ctx: Ctx, o: Exit, n: Exit): void {
  const E: Dimension = "exit";
  if (!sameNoneOrBy(ctx, o.approval, n.approval)) {
    const a = w.noneOrBy(o.approval);
    const b = w.noneOrBy(n.approval);
    let eff: Effect = "neutral";
    let why = "a different procedure approves leaving";
    if (o.approval?.kind !== "by" && n.approval?.kind === "by") {
      eff = "weakens";
      why = `members now need the approval of ${n.approval.decision.name} to leave`;
    } else if (o.approval?.kind === "by" && n.approval?.kind !== "by") {
      eff = "strengthens";
      why = "members no longer need anyone's approval to leave";
    } else if (o.approval?.kind === "by" && n.approval?.kind === "by") {
      const oc = ctx.oldA.coalitions.get(o.approval.decision.name)?.cost;
      const nc = ctx.newA.coalitions.get(n.approval.decision.name)?.cost;
      const order = oc && nc ? compareCost(oc, nc) : 0;
      if (order < 0) [eff, why] = ["weakens", "permission to leave now needs more support"];
      if (order > 0) [eff, why] = ["strengthens", "permission to leave now needs less support"];
    }
    push(ctx, "changed", n.id, o.id, "approval", a, b, E, eff, why, { old: o.approval?.span, new: n.approval?.span });
  }
  if (o.notice.days !== n.notice.days) {
    const eff = byNumber(o.notice.days, n.notice.days, "weakens");
    push(ctx, "changed", n.id, o.id, "notice", o.notice.text, n.notice.text, E, eff, eff === "weakens" ? `a member must now wait ${n.notice.text} before leaving` : `a member now waits ${n.notice.days === 0 ? "no time" : n.notice.text} before leaving`, { old: o.notice.span, new: n.notice.span });
  }
  const pen = (p: Exit["penalty"]) => (p.kind === "none" ? "none" : p.text);
  if (pen(o.penalty) !== pen(n.penalty)) {
    const eff: Effect = o.penalty.kind === "none" ? "weakens" : n.penalty.kind === "none" ? "strengthens" : "neutral";
    push(ctx, "changed", n.id, o.id, "penalty", pen(o.penalty), pen(n.penalty), E, eff, eff === "weakens" ? "leaving now carries a penalty" : eff === "strengthens" ? "leaving no longer carries a penalty" : "the penalty for leaving is reworded", { old: o.penalty.span, new: n.penalty.span });
  }
  const lost = without(o.retains.items, n.retains.items);
  const gained = without(n.retains.items, o.retains.items);
  if (lost.length > 0 || gained.length > 0) {
    const eff: Effect = lost.length > 0 ? "weakens" : "strengthens";
    const parts = [...(lost.length > 0 ? [`members leaving no longer keep their ${w.and(lost)}`] : []), ...(gained.length > 0 ? [`members leaving now keep their ${w.and(gained)}`] : [])];
    push(ctx, "changed", n.id, o.id, "retains", w.list(o.retains.items), w.list(n.retains.items), E, eff, parts.join("; "), { old: o.retains.span, new: n.retains.span });
  }
  if (o.obligations.days !== n.obligations.days) {
    const eff = byNumber(o.obligations.days, n.obligations.days, "weakens");
    push(ctx, "changed", n.id, o.id, "obligations", o.obligations.text, n.obligations.text, E, eff, `duties now survive leaving for ${n.obligations.text}`, { old: o.obligations.span, new: n.obligations.span });
  }
}

function diffBody(ctx: Ctx, o: Body, n: Body): void {
  const V: Dimension = "voice";
  const om = w.members(o.members);
  const nm = w.members(n.members);
  if (om !== nm) {
    const eff = byNumber(bodyBreadth(o), bodyBreadth(n), "strengthens");
    push(ctx, "changed", n.id, o.id, "members", om, nm, V, eff, eff === "weakens" ? `fewer members sit in ${n.name}` : eff === "strengthens" ? `every member now sits in ${n.name}` : `${n.name} changes size`, { old: o.members?.span, new: n.members?.span });
  }
  const os = o.selection;
  const ns = n.selection;
  const sameSel =
    os?.kind === ns?.kind &&
    (os?.kind === "election" ? sameRef(ctx, "decision", os.by.name, (ns as typeof os).by.name) : os?.kind === "appointment" ? sameRef(ctx, "body", os.by.name, (ns as typeof os).by.name) : true);
  if (!sameSel) {
    const eff: Effect = os?.kind === "election" && ns?.kind !== "election" ? "weakens" : os?.kind !== "election" && ns?.kind === "election" ? "strengthens" : "neutral";
    push(ctx, "changed", n.id, o.id, "selection", w.selection(os), w.selection(ns), V, eff, eff === "weakens" ? `members no longer elect the seats of ${n.name}` : eff === "strengthens" ? `members now elect the seats of ${n.name}` : `the seats of ${n.name} are filled another way`, { old: os?.span, new: ns?.span });
  }
  if ((o.term?.days ?? null) !== (n.term?.days ?? null)) {
    const eff = o.term && n.term ? byNumber(o.term.days, n.term.days, "weakens") : "neutral";
    push(ctx, "changed", n.id, o.id, "term", w.duration(o.term), w.duration(n.term), V, eff, eff === "weakens" ? "seat holders answer to members less often" : eff === "strengthens" ? "seat holders answer to members more often" : "the seat term changes", { old: o.term?.span, new: n.term?.span });
  }
  if (!sameNoneOrBy(ctx, o.recall, n.recall)) {
    const has = (r: Body["recall"]) => r?.kind === "by";
    const eff: Effect = has(o.recall) && !has(n.recall) ? "weakens" : !has(o.recall) && has(n.recall) ? "strengthens" : "neutral";
    push(ctx, "changed", n.id, o.id, "recall", w.noneOrBy(o.recall), w.noneOrBy(n.recall), V, eff, eff === "weakens" ? `seat holders of ${n.name} can no longer be recalled` : eff === "strengthens" ? `seat holders of ${n.name} can now be recalled` : "a different procedure recalls seat holders", { old: o.recall?.span, new: n.recall?.span });
  }
}

function diffDecision(ctx: Ctx, o: Decision, n: Decision): void {
  const role = roleOf(ctx.new.charter, ctx.newA, n.name);
  const h = harder(role);
  if (!sameRef(ctx, "body", o.by?.name, n.by?.name)) {
    const ob = o.by ? ctx.old.charter.bodies.get(o.by.name) : undefined;
    const nb = n.by ? ctx.new.charter.bodies.get(n.by.name) : undefined;
    const broader = byNumber(bodyBreadth(ob), bodyBreadth(nb), "strengthens");
    const eff = role === "exit approval" ? invert(broader) : broader;
    const dim: Dimension = role === "ordinary" ? "voice" : h.dimension;
    push(ctx, "changed", n.id, o.id, "by", o.by?.name ?? null, n.by?.name ?? null, dim, eff, broader === "weakens" ? `${n.name} is now decided by fewer people` : broader === "strengthens" ? `${n.name} is now decided by all members` : `${n.name} is decided by another body`, { old: o.by?.span, new: n.by?.span });
  }
  const oq = o.quorum?.value ?? 0;
  const nq = n.quorum?.value ?? 0;
  if (oq !== nq) {
    const raised = nq > oq;
    const eff = raised ? h.effect : invert(h.effect);
    push(ctx, "changed", n.id, o.id, "quorum", w.quorum(o.quorum) ?? "no quorum", w.quorum(n.quorum) ?? "no quorum", h.dimension, eff, `quorum ${raised ? "raised" : "lowered"}: ${raised ? h.why : h.why.replace("more", "less").replace("harder", "easier")}`, { old: o.quorum?.span, new: n.quorum?.span });
  }
  if (w.threshold(o.threshold) !== w.threshold(n.threshold)) {
    const order = o.threshold && n.threshold ? thresholdOrder(o.threshold, n.threshold) : null;
    const eff: Effect = order === null || order === 0 ? "neutral" : order > 0 ? h.effect : invert(h.effect);
    const why = order === null || order === 0 ? "the threshold is stated differently" : `threshold ${order > 0 ? "raised" : "lowered"}: ${order > 0 ? h.why : h.why.replace("more", "less").replace("harder", "easier")}`;
    push(ctx, "changed", n.id, o.id, "threshold", w.threshold(o.threshold), w.threshold(n.threshold), h.dimension, eff, why, { old: o.threshold?.span, new: n.threshold?.span });
  }
  if ((o.notice?.days ?? null) !== (n.notice?.days ?? null)) {
    const longer = byNumber(days(o.notice), days(n.notice), "strengthens");
    const eff = role === "exit approval" ? invert(longer) : longer;
    const dim: Dimension = role === "expulsion" ? "due process" : role === "exit approval" ? "exit" : role === "amendment" ? "amendment" : "voice";
    push(ctx, "changed", n.id, o.id, "notice", w.duration(o.notice) ?? "none", w.duration(n.notice) ?? "none", dim, eff, role === "expulsion" ? `a member facing expulsion now gets ${w.duration(n.notice) ?? "no"} notice` : `members now get ${w.duration(n.notice) ?? "no"} notice before ${n.name} is decided`, { old: o.notice?.span, new: n.notice?.span });
  }
  diffAppeal(ctx, o, n, o.appeal, n.appeal, role === "expulsion" ? "due process" : "voice", n.by?.name ?? null);
}

function diffAppeal(ctx: Ctx, o: Clause, n: Clause, a: Decision["appeal"], b: Decision["appeal"], dimension: Dimension, decider: string | null): void {
  const same = a?.kind === "body" && b?.kind === "body" ? sameRef(ctx, "body", a.body.name, b.body.name) : w.appeal(a) === w.appeal(b);
  if (same) return;
  const real = (x: Decision["appeal"]) => !!x && x.kind !== "none" && !(x.kind === "body" && x.body.name === decider);
  const eff: Effect = real(a) && !real(b) ? "weakens" : !real(a) && real(b) ? "strengthens" : "neutral";
  push(ctx, "changed", n.id, o.id, "appeal", w.appeal(a) ?? "none", w.appeal(b) ?? "none", dimension, eff, eff === "weakens" ? "a person affected can no longer appeal to anyone independent" : eff === "strengthens" ? "a person affected can now appeal" : "appeals go elsewhere", { old: a?.span, new: b?.span });
}

function diffAmendments(ctx: Ctx, o: Extract<Clause, { kind: "amendments" }>, n: Extract<Clause, { kind: "amendments" }>): void {
  if (!sameRef(ctx, "decision", o.by?.name, n.by?.name)) {
    const oc = o.by ? ctx.oldA.coalitions.get(o.by.name)?.cost : undefined;
    const nc = n.by ? ctx.newA.coalitions.get(n.by.name)?.cost : undefined;
    const order = oc && nc ? compareCost(oc, nc) : 0;
    const eff: Effect = order < 0 ? "strengthens" : order > 0 ? "weakens" : "neutral";
    push(ctx, "changed", n.id, o.id, "by", o.by?.name ?? null, n.by?.name ?? null, "amendment", eff, eff === "weakens" ? "the charter becomes easier to amend" : eff === "strengthens" ? "the charter becomes harder to amend" : "another procedure of the same cost amends the charter", { old: o.by?.span, new: n.by?.span });
  }
  if (o.delay.days !== n.delay.days) {
    const eff = byNumber(o.delay.days, n.delay.days, "strengthens");
    push(ctx, "changed", n.id, o.id, "delay", o.delay.text, n.delay.text, "amendment", eff, eff === "strengthens" ? "members get more time to leave before an amendment binds them" : "members get less time to leave before an amendment binds them", { old: o.delay.span, new: n.delay.span });
  }
}

function diffRights(ctx: Ctx, o: Extract<Clause, { kind: "rights" }>, n: Extract<Clause, { kind: "rights" }>): void {
  const R: Dimension = "rights";
  const oldByName = new Map(o.rights.map((r) => [r.name, r]));
  const newByName = new Map(n.rights.map((r) => [r.name, r]));
  const removed = o.rights.filter((r) => !newByName.has(r.name));
  const added = n.rights.filter((r) => !oldByName.has(r.name));
  // A right renamed with its text unchanged is the same right (removed rights bucketed by text: linear).
  const removedByText = new Map<string, (typeof removed)[number][]>();
  for (const r of removed) {
    const list = removedByText.get(r.text);
    if (list) list.push(r);
    else removedByText.set(r.text, [r]);
  }
  const renamedOld = new Set<(typeof removed)[number]>();
  const renamedNew = new Set<(typeof added)[number]>();
  for (const a of added) {
    const r = removedByText.get(a.text)?.shift();
    if (!r) continue;
    renamedOld.add(r);
    renamedNew.add(a);
    push(ctx, "renamed", n.id, o.id, `right ${a.name}`, r.name, a.name, R, "neutral", `the right ${r.name} is now called ${a.name}`, { old: r.nameSpan, new: a.nameSpan });
  }
  for (const r of n.rights) {
    const old = oldByName.get(r.name);
    if (old && old.text !== r.text) push(ctx, "changed", n.id, o.id, `right ${r.name}`, old.text, r.text, R, "neutral", `the right ${r.name} is reworded`, { old: old.span, new: r.span });
  }
  for (const r of added) if (!renamedNew.has(r)) push(ctx, "added", n.id, o.id, `right ${r.name}`, null, r.text, R, "strengthens", `members gain the right ${r.name}`, { new: r.span });
  for (const r of removed) if (!renamedOld.has(r)) push(ctx, "removed", n.id, o.id, `right ${r.name}`, r.text, null, R, "weakens", `members lose the right ${r.name}`, { old: r.span });
}

/** Powers a federation holds that a tie does not delegate. */
function undelegated(side: DiffSide, tie: Tie): string[] {
  const fed = tie.federationFile ? side.charters?.get(tie.federationFile) : undefined;
  if (!fed || fed.kind !== "federation") return [];
  const delegated = new Set(tie.delegates.map((d) => d.name));
  return fed.powers.map((p) => p.name).filter((p) => !delegated.has(p));
}

function diffTie(ctx: Ctx, o: Tie, n: Tie): void {
  const F: Dimension = "federation";
  const od = o.delegates.map((d) => d.name);
  const nd = n.delegates.map((d) => d.name);
  const gained = without(nd, od);
  const lost = without(od, nd);
  if (gained.length > 0 || lost.length > 0) {
    const parts = [...(gained.length > 0 ? [`the community now hands ${w.and(gained)} to ${n.alias.name}`] : []), ...(lost.length > 0 ? [`the community takes back ${w.and(lost)} from ${n.alias.name}`] : [])];
    push(ctx, "changed", n.id, o.id, "delegates", w.list(od), w.list(nd), F, "neutral", parts.join("; "), { old: o.delegates[0]?.span, new: n.delegates[0]?.span });
  }
  const ow = o.withdrawal;
  const nw = n.withdrawal;
  const sameHow = ow?.kind === nw?.kind && (ow?.kind !== "by" || sameRef(ctx, "decision", ow.decision.name, (nw as typeof ow).decision.name));
  if (!sameHow || (ow?.notice?.days ?? null) !== (nw?.notice?.days ?? null)) {
    let eff: Effect = "neutral";
    let why = "withdrawal from the federation changes";
    if (ow?.kind === "unilateral" && nw?.kind === "by") [eff, why] = ["weakens", `withdrawing from ${n.alias.name} now needs the decision ${nw.decision.name}`];
    else if (ow?.kind === "by" && nw?.kind === "unilateral") [eff, why] = ["strengthens", `the community may now withdraw from ${n.alias.name} on its own`];
    else if (sameHow) {
      const a = ow?.notice?.days ?? 0;
      const b = nw?.notice?.days ?? 0;
      eff = byNumber(a, b, "weakens");
      why = eff === "weakens" ? `withdrawing from ${n.alias.name} now takes ${nw?.notice?.text} notice` : `withdrawing from ${n.alias.name} now takes ${nw?.notice?.text ?? "no"} notice`;
    }
    push(ctx, "changed", n.id, o.id, "withdrawal", w.withdrawal(ow), w.withdrawal(nw), F, eff, why, { old: ow?.span, new: nw?.span });
  }
  // What the federation claims beyond this tie's delegation, before and after
  // (both lists shown, so a power it already claimed is not read as new).
  const beforeList = undelegated(ctx.old, o);
  const afterList = undelegated(ctx.new, n);
  const before = new Set(beforeList);
  const after = new Set(afterList);
  const oldDelegated = new Set(od);
  const newDelegated = new Set(nd);
  const claimed = afterList.filter((p) => !before.has(p));
  // A power no longer claimed because the community now delegates it is the `delegates` change above, not a federation change.
  const released = beforeList.filter((p) => !after.has(p) && !newDelegated.has(p));
  if (claimed.length > 0 || released.length > 0) {
    const takenBack = claimed.filter((p) => oldDelegated.has(p));
    const fresh = claimed.filter((p) => !oldDelegated.has(p));
    const parts = [
      ...(fresh.length > 0 ? [`the federation ${n.alias.name} now claims ${w.and(fresh)}, which this community does not delegate`] : []),
      ...(takenBack.length > 0 ? [`the federation ${n.alias.name} still claims ${w.and(takenBack)}, which this community no longer delegates`] : []),
      ...(released.length > 0 ? [`the federation ${n.alias.name} no longer claims ${w.and(released)}, which this community does not delegate`] : []),
    ];
    const show = (xs: readonly string[]) => (xs.length === 0 ? "none" : xs.join(", "));
    push(ctx, "changed", n.id, o.id, "undelegated federation powers", show(beforeList), show(afterList), F, claimed.length > 0 ? "weakens" : "strengthens", parts.join("; "), { old: o.headSpan, new: n.headSpan });
  }
}

/** Top-level fields of the charter itself. */
export function diffHeader(ctx: Ctx): void {
  const o = ctx.old.charter;
  const n = ctx.new.charter;
  const C = n.kind;
  const at = (c: Charter, s: Span | null | undefined) => s ?? c.headerSpan;
  if (o.kind !== n.kind) push(ctx, "changed", C, null, "kind", o.kind, n.kind, "general", "neutral", `the document is now a ${n.kind}`, { old: o.headerSpan, new: n.headerSpan });
  if (o.name !== n.name) push(ctx, "changed", C, null, "name", o.name, n.name, "general", "neutral", "the community is renamed", { old: o.nameSpan, new: n.nameSpan });
  if ((o.preamble?.text ?? null) !== (n.preamble?.text ?? null)) push(ctx, "changed", C, null, "preamble", o.preamble ? "(previous text)" : null, n.preamble ? "(new text)" : null, "general", "neutral", "the preamble is reworded", { old: at(o, o.preamble?.span), new: at(n, n.preamble?.span) });
  const jur = (c: Charter) => (c.jurisdiction ? (c.jurisdiction.kind === "personal" ? "personal" : `territorial "${c.jurisdiction.territory}"`) : null);
  if (jur(o) !== jur(n)) {
    const ok = o.jurisdiction?.kind;
    const nk = n.jurisdiction?.kind;
    const eff: Effect = ok === "personal" && nk === "territorial" ? "weakens" : ok === "territorial" && nk === "personal" ? "strengthens" : "neutral";
    push(ctx, "changed", C, null, "jurisdiction", jur(o), jur(n), "jurisdiction and consent", eff, eff === "weakens" ? "authority now rests on residence in a territory, not on each member's consent" : eff === "strengthens" ? "authority now rests on each member's consent, not on residence" : "the territory changes", { old: at(o, o.jurisdiction?.span), new: at(n, n.jurisdiction?.span) });
  }
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name);
  const gained = without(names(n.powers), names(o.powers));
  const lost = without(names(o.powers), names(n.powers));
  if (gained.length > 0 || lost.length > 0) {
    const eff: Effect = gained.length > 0 ? "weakens" : "strengthens";
    const parts = [
      ...(gained.length > 0 ? [`the federation may now decide ${w.and(gained)}, a power its members have not delegated: a member community that does not delegate it can be overruled on it`] : []),
      ...(lost.length > 0 ? [`the federation may no longer decide ${w.and(lost)}`] : []),
    ];
    push(ctx, "changed", C, null, "powers", w.list(names(o.powers)), w.list(names(n.powers)), "federation", eff, parts.join("; "), { old: at(o, o.powers[0]?.span), new: at(n, n.powers[0]?.span) });
  }
  const rg = without(names(n.requires), names(o.requires));
  const rl = without(names(o.requires), names(n.requires));
  if (rg.length > 0 || rl.length > 0) {
    const eff: Effect = rl.length > 0 ? "weakens" : "strengthens";
    const parts = [...(rg.length > 0 ? [`every member community must now satisfy ${w.and(rg)}`] : []), ...(rl.length > 0 ? [`member communities no longer need to satisfy ${w.and(rl)}`] : [])];
    push(ctx, "changed", C, null, "requires", w.list(names(o.requires)), w.list(names(n.requires)), "federation", eff, parts.join("; "), { old: at(o, o.requires[0]?.span), new: at(n, n.requires[0]?.span) });
  }
}
