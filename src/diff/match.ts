// Pairing the clauses of two versions of a charter. Sections that appear at
// most once pair by kind; bodies, decisions and federation ties pair by name,
// and what is left over pairs by content and by references: a decision
// renamed with every reference updated is one clause under a new name, not a
// removal and an addition.
//
// Renames are found by rounds: a pair is accepted when, with the renames
// found so far applied, the two clauses say the same thing (content) or are
// referred to from the same places (usage). Each round can unlock the next
// (a body renamed together with the decision that elects it).
import type { Appeal, Body, Charter, Clause, Decision, NoneOrBy, Tie } from "../semantics/model.js";

export type Namespace = "body" | "decision";

/** old name → new name, per namespace (identical names included). */
export interface Renames {
  readonly body: ReadonlyMap<string, string>;
  readonly decision: ReadonlyMap<string, string>;
}

export interface ClausePair {
  readonly old: Clause | null;
  readonly new: Clause | null;
}

export interface Matching {
  readonly renames: Renames;
  /** Pairs in the new version's source order, then removed clauses in the old order. */
  readonly pairs: readonly ClausePair[];
}

interface Reference {
  readonly from: string;
  readonly field: string;
  readonly ns: Namespace;
  readonly name: string;
}

const noneOrByRef = (v: NoneOrBy | null | undefined) => (v?.kind === "by" ? v.decision.name : null);
const appealBody = (a: Appeal | null) => (a?.kind === "body" ? a.body.name : null);

/** Every reference to a body or decision, with the clause and field it sits in. */
export function referencesOf(charter: Charter): Reference[] {
  const out: Reference[] = [];
  const add = (from: string, field: string, ns: Namespace, name: string | null | undefined) => {
    if (name) out.push({ from, field, ns, name });
  };
  for (const c of charter.clauses) {
    if (c.amendable?.kind === "by") add(c.id, "amendable", "decision", c.amendable.decision.name);
    switch (c.kind) {
      case "membership":
        add(c.id, "admission", "decision", c.admission?.kind === "by" ? c.admission.decision.name : null);
        add(c.id, "expulsion", "decision", noneOrByRef(c.expulsion));
        break;
      case "exit":
        add(c.id, "approval", "decision", noneOrByRef(c.approval));
        break;
      case "secession":
        add(c.id, "by", "decision", noneOrByRef(c.by));
        break;
      case "body":
        if (c.selection?.kind === "election") add(c.id, "selection", "decision", c.selection.by.name);
        if (c.selection?.kind === "appointment") add(c.id, "selection", "body", c.selection.by.name);
        add(c.id, "recall", "decision", noneOrByRef(c.recall));
        break;
      case "decision":
        add(c.id, "by", "body", c.by?.name);
        add(c.id, "appeal", "body", appealBody(c.appeal));
        break;
      case "amendments":
        add(c.id, "by", "decision", c.by?.name);
        break;
      case "disputes":
        add(c.id, "by", "body", c.by?.kind === "body" ? c.by.body.name : null);
        add(c.id, "appeal", "body", appealBody(c.appeal));
        break;
      case "dissolution":
        add(c.id, "by", "decision", c.by?.name);
        break;
      case "member of":
        add(c.id, "withdrawal", "decision", c.withdrawal?.kind === "by" ? c.withdrawal.decision.name : null);
        break;
      case "rights":
        break;
    }
  }
  return out;
}

/** A name seen through the renames so far; an old name with no partner yet never equals a new one. */
function mapName(renames: Renames, ns: Namespace, name: string | null | undefined): string | null {
  if (!name) return null;
  return renames[ns].get(name) ?? `\u0000old:${name}`;
}

function mapClauseId(renames: Renames, id: string): string {
  if (id.startsWith("body ")) return `body ${mapName(renames, "body", id.slice(5))}`;
  if (id.startsWith("decision ")) return `decision ${mapName(renames, "decision", id.slice(9))}`;
  return id;
}

const identity: Renames = { body: new Map(), decision: new Map() };
const same = (_ns: Namespace, n: string | null | undefined) => n ?? null;

type NameMap = (ns: Namespace, name: string | null | undefined) => string | null;

function bodySignature(b: Body, m: NameMap): string {
  const sel = b.selection;
  return JSON.stringify([
    b.members?.kind === "seats" ? `seats:${b.members.seats}` : (b.members?.kind ?? null),
    sel?.kind === "election" ? `election:${m("decision", sel.by.name)}` : sel?.kind === "appointment" ? `appointment:${m("body", sel.by.name)}` : (sel?.kind ?? null),
    b.term?.days ?? null,
    b.recall ? (b.recall.kind === "by" ? `by:${m("decision", b.recall.decision.name)}` : "none") : null,
    b.amendable ? (b.amendable.kind === "by" ? `by:${m("decision", b.amendable.decision.name)}` : "never") : null,
  ]);
}

function decisionSignature(d: Decision, m: NameMap): string {
  const t = d.threshold;
  return JSON.stringify([
    m("body", d.by?.name),
    d.quorum?.value ?? null,
    t ? (t.kind === "share" ? [t.value, t.strict, t.base] : t.kind) : null,
    d.notice?.days ?? null,
    d.appeal ? (d.appeal.kind === "body" ? `body:${m("body", d.appeal.body.name)}` : d.appeal.kind === "text" ? `text:${d.appeal.text}` : "none") : null,
    d.amendable ? (d.amendable.kind === "by" ? `by:${m("decision", d.amendable.decision.name)}` : "never") : null,
  ]);
}

/** For every name of `ns`, the sorted places that refer to it (`clause.field`), as one string; "[]" when none. One pass over the references. */
function usageSignatures(refs: readonly Reference[], ns: Namespace, fromId: (id: string) => string): Map<string, string> {
  const lists = new Map<string, string[]>();
  for (const r of refs) {
    if (r.ns !== ns) continue;
    const use = `${fromId(r.from)}.${r.field}`;
    const list = lists.get(r.name);
    if (list) list.push(use);
    else lists.set(r.name, [use]);
  }
  const out = new Map<string, string>();
  for (const [name, uses] of lists) out.set(name, JSON.stringify(uses.sort()));
  return out;
}

interface Candidate {
  readonly name: string;
  readonly content: string;
  readonly usage: string;
}

function bucket<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The first candidate of a group other than `key` (there are at most two groups to look at). */
function firstOutside(groups: Map<string, Candidate[]>, key: string): Candidate | undefined {
  for (const [g, list] of groups) if (g !== key) return list[0];
  return undefined;
}

/**
 * The pairs of one round, in three levels of evidence: same content and
 * same (non-empty) usage, then same content only, then same usage only. At
 * each level a pair is taken when each side has exactly one candidate
 * partner at that level among those not yet paired (two equally good
 * partners are ambiguous). Candidates are found by bucketing signatures, so
 * a round is linear in the clauses, not quadratic.
 */
function pairRound(olds: readonly Candidate[], news: readonly Candidate[]): [string, string][] {
  const pairs: [string, string][] = [];
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  const take = (r: Candidate, a: Candidate) => {
    pairs.push([r.name, a.name]);
    usedOld.add(r.name);
    usedNew.add(a.name);
  };

  // Content and usage.
  const both = (c: Candidate) => `${c.content}\u0001${c.usage}`;
  const newBoth = bucket(news.filter((c) => c.usage !== "[]"), both);
  for (const [k, rs] of bucket(olds.filter((c) => c.usage !== "[]"), both)) {
    const as = newBoth.get(k);
    if (rs.length === 1 && as?.length === 1) take(rs[0]!, as[0]!);
  }

  // One signature equal (`same`), the other (`other`) not matching. `canMatch`
  // says whether a candidate's `other` can match at all (an empty usage
  // matches nothing); a candidate's partners at this level are the opposite
  // candidates in its bucket minus those whose `other` matches its own.
  type Key = (c: Candidate) => string;
  const level = (same: Key, other: Key, canMatch: (c: Candidate) => boolean, eligible: (c: Candidate) => boolean) => {
    const newBy = bucket(news.filter((c) => !usedNew.has(c.name) && eligible(c)), same);
    const accepted: [Candidate, Candidate][] = [];
    for (const [k, rs] of bucket(olds.filter((c) => !usedOld.has(c.name) && eligible(c)), same)) {
      const as = newBy.get(k);
      if (!as) continue;
      const asByOther = bucket(as, other);
      const rsByOther = bucket(rs, other);
      const partners = (c: Candidate, opposite: readonly Candidate[], byOther: Map<string, Candidate[]>) => opposite.length - (canMatch(c) ? (byOther.get(other(c))?.length ?? 0) : 0);
      for (const r of rs) {
        if (partners(r, as, asByOther) !== 1) continue;
        const partner = canMatch(r) ? firstOutside(asByOther, other(r)) : as[0];
        if (partner && partners(partner, rs, rsByOther) === 1) accepted.push([r, partner]);
      }
    }
    for (const [r, a] of accepted) take(r, a);
  };
  level((c) => c.content, (c) => c.usage, (c) => c.usage !== "[]", () => true); // content only
  level((c) => c.usage, (c) => c.content, () => true, (c) => c.usage !== "[]"); // usage only
  return pairs;
}

/** Pair the clauses of `oldC` and `newC` (see the file comment). */
export function matchClauses(oldC: Charter, newC: Charter): Matching {
  const body = new Map<string, string>();
  const decision = new Map<string, string>();
  for (const n of oldC.bodies.keys()) if (newC.bodies.has(n)) body.set(n, n);
  for (const n of oldC.decisions.keys()) if (newC.decisions.has(n)) decision.set(n, n);
  const renames = { body, decision };
  const oldRefs = referencesOf(oldC);
  const newRefs = referencesOf(newC);

  for (let round = 0; round < 64; round++) {
    let found = false;
    for (const ns of ["decision", "body"] as const) {
      const map: Map<string, string> = renames[ns];
      const oldTable = ns === "body" ? oldC.bodies : oldC.decisions;
      const newTable = ns === "body" ? newC.bodies : newC.decisions;
      const taken = new Set(map.values());
      const removed = [...oldTable.keys()].filter((n) => !map.has(n));
      const added = [...newTable.keys()].filter((n) => !taken.has(n));
      if (removed.length === 0 || added.length === 0) continue;
      const om: NameMap = (s, n) => mapName(renames, s, n);
      const sig = (c: Body | Decision, m: NameMap) => (c.kind === "body" ? bodySignature(c, m) : decisionSignature(c, m));
      const oldUses = usageSignatures(oldRefs, ns, (id) => mapClauseId(renames, id));
      const newUses = usageSignatures(newRefs, ns, (id) => id);
      const olds = removed.map((r) => ({ name: r, content: sig(oldTable.get(r)!, om), usage: oldUses.get(r) ?? "[]" }));
      const news = added.map((a) => ({ name: a, content: sig(newTable.get(a)!, same), usage: newUses.get(a) ?? "[]" }));
      for (const [r, a] of pairRound(olds, news)) {
        map.set(r, a);
        found = true;
      }
    }
    if (!found) break;
  }

  // Federation ties: by alias, then by the federation they name (first come, first paired).
  const tieMap = new Map<Tie, Tie>();
  const byAlias = bucket(newC.ties, (t) => t.alias.name);
  const byFederation = bucket(
    newC.ties.filter((t) => t.federationFile),
    (t) => t.federationFile!,
  );
  const pairedNew = new Set<Tie>();
  const cursor = new Map<Tie[], number>(); // paired ties are skipped once, not rescanned
  const firstFree = (list: Tie[] | undefined): Tie | undefined => {
    if (!list) return undefined;
    let i = cursor.get(list) ?? 0;
    while (i < list.length && pairedNew.has(list[i]!)) i++;
    cursor.set(list, i);
    return list[i];
  };
  const pairTie = (t: Tie, partner: Tie | undefined) => {
    if (!partner) return;
    tieMap.set(t, partner);
    pairedNew.add(partner);
  };
  for (const t of oldC.ties) pairTie(t, firstFree(byAlias.get(t.alias.name)));
  for (const t of oldC.ties) if (!tieMap.has(t) && t.federationFile) pairTie(t, firstFree(byFederation.get(t.federationFile)));

  const firstOfKind = new Map<string, Clause>();
  for (const n of newC.clauses) if (!firstOfKind.has(n.kind)) firstOfKind.set(n.kind, n);
  const partnerOf = (c: Clause): Clause | null => {
    switch (c.kind) {
      case "body": {
        const n = renames.body.get(c.name);
        return n ? (newC.bodies.get(n) ?? null) : null;
      }
      case "decision": {
        const n = renames.decision.get(c.name);
        return n ? (newC.decisions.get(n) ?? null) : null;
      }
      case "member of":
        return tieMap.get(c) ?? null;
      default:
        return firstOfKind.get(c.kind) ?? null;
    }
  };
  const pairs: ClausePair[] = [];
  const matchedNew = new Map<Clause, Clause>();
  const removed: ClausePair[] = [];
  for (const c of oldC.clauses) {
    const p = partnerOf(c);
    if (p && !matchedNew.has(p)) matchedNew.set(p, c);
    else removed.push({ old: c, new: null });
  }
  for (const n of newC.clauses) pairs.push({ old: matchedNew.get(n) ?? null, new: n });
  return { renames, pairs: [...pairs, ...removed] };
}

export { identity as NO_RENAMES };
