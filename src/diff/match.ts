// Pairing the clauses of two versions of a charter. Sections that appear at
// most once pair by kind; bodies, decisions and federation ties pair by name,
// and what is left over pairs by content and by references: a decision
// renamed with every reference updated is one clause under a new name, not a
// removal and an addition.
//
// Renames are found by rounds: a pair is accepted when, with the renames
// found so far applied, the two clauses say the same thing (content) or are
// referred to from the same places (usage). Each round can unlock the next
// (a body renamed together with the decision that elects it), and rounds go
// on until one finds nothing: a round looks again only at the buckets whose
// members changed, so a chain of n renames is paired in n cheap rounds.
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
  content: string;
  usage: string;
}

/** The candidates of one bucket, grouped by a second key (the signature a level does not require to be equal). */
interface Bucket {
  size: number;
  readonly groups: Map<string, Set<Candidate>>;
}

/** Buckets of candidates by a key, each grouped by a second key; sets keep insertion order and forget a member in O(1). */
class Index {
  readonly buckets = new Map<string, Bucket>();
  add(k: string, sub: string, c: Candidate): void {
    let b = this.buckets.get(k);
    if (!b) this.buckets.set(k, (b = { size: 0, groups: new Map() }));
    const g = b.groups.get(sub);
    if (g) g.add(c);
    else b.groups.set(sub, new Set([c]));
    b.size++;
  }
  delete(k: string, sub: string, c: Candidate): void {
    const b = this.buckets.get(k);
    const g = b?.groups.get(sub);
    if (!b || !g?.delete(c)) return;
    b.size--;
    if (g.size === 0) b.groups.delete(sub);
    if (b.size === 0) this.buckets.delete(k);
  }
}

const EMPTY_USAGE = "[]";
const bothKey = (c: Candidate) => `${c.content}\u0001${c.usage}`;

/**
 * One side of one namespace: its unpaired candidates, indexed by the key of
 * each level of evidence (content and usage; content, grouped by usage;
 * usage, grouped by content). An empty usage matches nothing, so it is left
 * out of the indexes that key on usage.
 */
class Side {
  readonly both = new Index();
  readonly content = new Index();
  readonly usage = new Index();
  readonly free = new Map<string, Candidate>();
  add(c: Candidate, touched: Touched): void {
    this.free.set(c.name, c);
    this.index(c, touched, true);
  }
  remove(c: Candidate, touched: Touched): void {
    this.free.delete(c.name);
    this.index(c, touched, false);
  }
  /** Give `c` new signatures (old side only: they change as renames are found). */
  update(c: Candidate, content: string, usage: string, touched: Touched): void {
    if (c.content === content && c.usage === usage) return;
    this.index(c, touched, false);
    c.content = content;
    c.usage = usage;
    this.index(c, touched, true);
  }
  private index(c: Candidate, touched: Touched, add: boolean): void {
    const op = add ? "add" : "delete";
    if (c.usage !== EMPTY_USAGE) {
      this.both[op](bothKey(c), "", c);
      this.usage[op](c.usage, c.content, c);
      touched.both.add(bothKey(c));
      touched.usage.add(c.usage);
    }
    this.content[op](c.content, c.usage, c);
    touched.content.add(c.content);
  }
}

/** The keys whose buckets changed since each level last looked at them. */
interface Touched {
  both: Set<string>;
  content: Set<string>;
  usage: Set<string>;
}

const freshTouched = (): Touched => ({ both: new Set(), content: new Set(), usage: new Set() });

const only = (s: Set<Candidate>): Candidate => s.values().next().value as Candidate;

/**
 * The pair a bucket gives at a level where one signature is equal and the
 * other (the groups) must not match, or null. A candidate's partners are the
 * opposite candidates minus those in its own group (all of them when its
 * group key matches nothing); a pair is taken when each side has exactly one.
 * Only a candidate alone in its group can have one (two in a group would
 * share the partner, who would then have two), and a side of three groups or
 * more leaves everyone two partners or more — so a bucket is judged from its
 * counts and at most two groups a side, whatever its size.
 */
function levelPairs(rs: Bucket, as: Bucket, canMatch: (group: string) => boolean, out: [Candidate, Candidate][]): void {
  if (rs.groups.size > 2 || as.groups.size > 2) return;
  const partners = (group: string, opposite: Bucket) => opposite.size - (canMatch(group) ? (opposite.groups.get(group)?.size ?? 0) : 0);
  for (const [group, members] of rs.groups) {
    if (members.size !== 1 || partners(group, as) !== 1) continue;
    let partner: Candidate | undefined;
    let partnerGroup = "";
    for (const [g, list] of as.groups) {
      if (canMatch(group) && g === group) continue;
      partner = only(list);
      partnerGroup = g;
      break;
    }
    if (partner && as.groups.get(partnerGroup)!.size === 1 && partners(partnerGroup, rs) === 1) out.push([only(members), partner]);
  }
}

/**
 * The pairs of one namespace in one round, in three levels of evidence: same
 * content and same (non-empty) usage, then same content only, then same
 * usage only. At each level a pair is taken when each side has exactly one
 * candidate partner at that level among those not yet paired (two equally
 * good partners are ambiguous). Only the buckets that changed since the level
 * last looked are looked at again — an unchanged bucket gives the answer it
 * gave, which was "no pair" (a pair would have changed it) — and each costs
 * constant time (levelPairs), so all rounds together cost the candidates'
 * signature changes, not rounds × clauses.
 */
function pairStep(olds: Side, news: Side, touched: Touched): [Candidate, Candidate][] {
  const pairs: [Candidate, Candidate][] = [];
  const takeAll = (found: readonly [Candidate, Candidate][]) => {
    for (const [r, a] of found) {
      pairs.push([r, a]);
      olds.remove(r, touched);
      news.remove(a, touched);
    }
  };
  const drain = (s: Set<string>): string[] => {
    const keys = [...s];
    s.clear();
    return keys;
  };

  // Content and usage.
  const found: [Candidate, Candidate][] = [];
  for (const k of drain(touched.both)) {
    const rs = olds.both.buckets.get(k);
    const as = news.both.buckets.get(k);
    if (rs?.size === 1 && as?.size === 1) found.push([only(rs.groups.get("")!), only(as.groups.get("")!)]);
  }
  takeAll(found);

  // One signature equal, the other not matching: content only (grouped by
  // usage; an empty usage matches nothing), then usage only (grouped by content).
  for (const [keys, oldIx, newIx, canMatch] of [
    [() => drain(touched.content), olds.content, news.content, (usage: string) => usage !== EMPTY_USAGE],
    [() => drain(touched.usage), olds.usage, news.usage, () => true],
  ] as const) {
    const level: [Candidate, Candidate][] = [];
    for (const k of keys()) {
      const rs = oldIx.buckets.get(k);
      const as = newIx.buckets.get(k);
      if (rs && as) levelPairs(rs, as, canMatch, level);
    }
    takeAll(level);
  }
  return pairs;
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

/** Pair the clauses of `oldC` and `newC` (see the file comment). */
export function matchClauses(oldC: Charter, newC: Charter): Matching {
  const body = new Map<string, string>();
  const decision = new Map<string, string>();
  for (const n of oldC.bodies.keys()) if (newC.bodies.has(n)) body.set(n, n);
  for (const n of oldC.decisions.keys()) if (newC.decisions.has(n)) decision.set(n, n);
  const renames = { body, decision };
  const oldRefs = referencesOf(oldC);
  const newRefs = referencesOf(newC);

  // The old side's references by target and by the clause they sit in: when a
  // name is paired, the clauses referring to it change content, and the names
  // its clause refers to change usage; nothing else does.
  const refsTo = { body: new Map<string, Reference[]>(), decision: new Map<string, Reference[]>() };
  const refsFrom = new Map<string, Reference[]>();
  const push = <K>(m: Map<K, Reference[]>, k: K, r: Reference) => {
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  };
  for (const r of oldRefs) {
    push(refsTo[r.ns], r.name, r);
    push(refsFrom, r.from, r);
  }
  const om: NameMap = (s, n) => mapName(renames, s, n);
  const oldUsage = (ns: Namespace, name: string) => {
    const uses = (refsTo[ns].get(name) ?? []).map((r) => `${mapClauseId(renames, r.from)}.${r.field}`);
    return uses.length ? JSON.stringify(uses.sort()) : EMPTY_USAGE;
  };
  const sig = (c: Body | Decision, m: NameMap) => (c.kind === "body" ? bodySignature(c, m) : decisionSignature(c, m));

  const namespaces = ["decision", "body"] as const;
  const state = {} as Record<Namespace, { olds: Side; news: Side; touched: Touched; dirty: Set<string>; table: ReadonlyMap<string, Body | Decision> }>;
  for (const ns of namespaces) {
    const map: Map<string, string> = renames[ns];
    const oldTable: ReadonlyMap<string, Body | Decision> = ns === "body" ? oldC.bodies : oldC.decisions;
    const newTable: ReadonlyMap<string, Body | Decision> = ns === "body" ? newC.bodies : newC.decisions;
    const taken = new Set(map.values());
    const newUses = usageSignatures(newRefs, ns, (id) => id);
    const touched = freshTouched();
    const olds = new Side();
    const news = new Side();
    for (const [r, c] of oldTable) if (!map.has(r)) olds.add({ name: r, content: sig(c, om), usage: oldUsage(ns, r) }, touched);
    for (const [a, c] of newTable) if (!taken.has(a)) news.add({ name: a, content: sig(c, same), usage: newUses.get(a) ?? EMPTY_USAGE }, touched);
    state[ns] = { olds, news, touched, dirty: new Set(), table: oldTable };
  }

  // Rounds, as long as one finds a pair; each round can unlock the next (a
  // body renamed together with the decision that elects it), and a chain of
  // renames takes one round per link: there is no cap on rounds, as a round
  // looks only at what the last one changed.
  for (let found = true; found; ) {
    found = false;
    for (const ns of namespaces) {
      const st = state[ns];
      if (st.olds.free.size === 0 || st.news.free.size === 0) continue;
      for (const name of st.dirty) {
        const c = st.olds.free.get(name);
        if (c) st.olds.update(c, sig(st.table.get(name)!, om), oldUsage(ns, name), st.touched);
      }
      st.dirty.clear();
      for (const [r, a] of pairStep(st.olds, st.news, st.touched)) {
        renames[ns].set(r.name, a.name);
        found = true;
        for (const ref of refsFrom.get(`${ns} ${r.name}`) ?? []) state[ref.ns].dirty.add(ref.name);
        for (const ref of refsTo[ns].get(r.name) ?? []) {
          if (ref.from.startsWith("body ")) state.body.dirty.add(ref.from.slice(5));
          else if (ref.from.startsWith("decision ")) state.decision.dirty.add(ref.from.slice(9));
        }
      }
    }
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
