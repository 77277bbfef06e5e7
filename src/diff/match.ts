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

function usageSignature(refs: readonly Reference[], ns: Namespace, name: string, fromId: (id: string) => string): string {
  const uses = refs.filter((r) => r.ns === ns && r.name === name).map((r) => `${fromId(r.from)}.${r.field}`);
  return JSON.stringify(uses.sort());
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
      const candidates: { from: string; to: string; score: number }[] = [];
      for (const r of removed) {
        const oldSig = sig(oldTable.get(r)!, om);
        const oldUse = usageSignature(oldRefs, ns, r, (id) => mapClauseId(renames, id));
        for (const a of added) {
          const content = oldSig === sig(newTable.get(a)!, same);
          const newUse = usageSignature(newRefs, ns, a, (id) => id);
          const usage = oldUse !== "[]" && oldUse === newUse;
          const score = (content ? 2 : 0) + (usage ? 1 : 0);
          if (score > 0) candidates.push({ from: r, to: a, score });
        }
      }
      candidates.sort((x, y) => y.score - x.score);
      const usedFrom = new Set<string>();
      const usedTo = new Set<string>();
      for (const c of candidates) {
        if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
        // A unique best partner only: two equally good candidates are ambiguous.
        const rivals = candidates.filter((o) => o.score === c.score && (o.from === c.from || o.to === c.to) && !usedFrom.has(o.from) && !usedTo.has(o.to));
        if (rivals.length > 1) continue;
        map.set(c.from, c.to);
        usedFrom.add(c.from);
        usedTo.add(c.to);
        found = true;
      }
    }
    if (!found) break;
  }

  // Federation ties: by alias, then by the federation they name.
  const tieMap = new Map<Tie, Tie>();
  const newTies = new Set(newC.ties);
  for (const t of oldC.ties) {
    const partner = newC.ties.find((n) => newTies.has(n) && n.alias.name === t.alias.name);
    if (partner) {
      tieMap.set(t, partner);
      newTies.delete(partner);
    }
  }
  for (const t of oldC.ties) {
    if (tieMap.has(t) || !t.federationFile) continue;
    const partner = [...newTies].find((n) => n.federationFile === t.federationFile);
    if (partner) {
      tieMap.set(t, partner);
      newTies.delete(partner);
    }
  }

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
        return newC.clauses.find((n) => n.kind === c.kind) ?? null;
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
