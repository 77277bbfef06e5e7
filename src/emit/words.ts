// Clauses in plain sentences. The constitution (Markdown and HTML) and the
// Guarantees table speak to members who never read the DSL: "Any member may
// leave at any time. No one's approval is needed, …" rather than
// `approval: none`.
//
// Every function returns rich text (src/emit/rich.ts): charter text stays a
// plain string that each renderer escapes; identifiers (already restricted to
// `[A-Za-z0-9_-]` by the lexer) are code; references link to articles.
import type { ClauseCost, MemberUnit, WitnessStep } from "../analysis/index.js";
import { ends, formatCost } from "../analysis/index.js";
import type { Amendable, Appeal, Body, Charter, Clause, Decision, Duration, Exit, Membership, NoneOrBy, Threshold, Tie } from "../semantics/model.js";
import { slug } from "./escape.js";
import { cat, code, g, link, list, r, sentence, type Rich } from "./rich.js";

export interface Words {
  /** "member" or "member community". */
  readonly one: string;
  /** "members" or "member communities". */
  readonly many: MemberUnit;
  /** The name of a federation by its project-relative file, when it is known (for tie titles). */
  readonly federationName?: (file: string) => string | null;
}

export function wordsFor(charter: Charter, federationName?: (file: string) => string | null): Words {
  const base = charter.kind === "federation" ? { one: "member community", many: "member communities" as const } : { one: "member", many: "members" as const };
  return federationName ? { ...base, federationName } : base;
}

/** The anchor of a clause's article: its id with spaces as hyphens (`decision-expel`). */
export function clauseAnchor(clauseId: string): string {
  return slug(clauseId);
}

function procedureRef(name: string, charter: Charter): Rich {
  return charter.decisions.has(name) ? [link(`#${clauseAnchor(`decision ${name}`)}`, r`the ${code(name)} procedure`)] : r`the ${code(name)} procedure`;
}

function bodyRef(name: string, charter: Charter): Rich {
  return charter.bodies.has(name) ? [link(`#${clauseAnchor(`body ${name}`)}`, r`the ${code(name)}`)] : r`the ${code(name)}`;
}

/** "30 days", "2 weeks"; `immediately` and zero read as no notice. */
export function durationText(d: Duration): Rich {
  if (d.days === 0) return [g("no time at all")];
  return [d.text];
}

function notice(d: Duration): Rich {
  return d.days === 0 ? [g("without notice")] : r`with ${d.text} of notice`;
}

export function thresholdWords(t: Threshold, unitOfBody: string): string {
  switch (t.kind) {
    case "unanimity":
      return `every one of its ${unitOfBody} must agree (unanimity)`;
    case "consensus":
      return "it carries when no one present objects (consensus)";
    case "share": {
      const pct = Math.round(t.value * 10000) / 100;
      const amount = t.value === 0.5 && t.strict ? "more than half" : `${t.strict ? "more than " : "at least "}${fraction(t.text, pct)}`;
      return t.base === "members" ? `a proposal carries with the support of ${amount} of all its ${unitOfBody}` : `a proposal carries with ${amount} of the votes cast`;
    }
  }
}

/** `2/3` as "two thirds" where common, else the percentage. */
function fraction(text: string, pct: number): string {
  const m = /^(\d+)\s*\/\s*(\d+)/.exec(text);
  const named: Record<string, string> = { "1/2": "one half", "2/3": "two thirds", "3/4": "three quarters", "1/3": "one third", "3/5": "three fifths", "4/5": "four fifths" };
  if (m && named[`${m[1]}/${m[2]}`]) return named[`${m[1]}/${m[2]}`]!;
  return `${pct}%`;
}

function appealWords(a: Appeal | null, charter: Charter, who = "whoever is affected"): Rich | null {
  if (!a) return null;
  switch (a.kind) {
    case "none":
      return [g("there is no appeal")];
    case "body":
      return r`${g(who)} may appeal to ${bodyRef(a.body.name, charter)}`;
    case "text":
      return r`${g(who)} may appeal to ${a.text}`;
  }
}

function amendableWords(a: Amendable | null, charter: Charter, what: string): Rich | null {
  if (!a) return null;
  if (a.kind === "never") return r`${g(what)} can never be amended.`;
  return r`${g(what)} can be amended only through ${procedureRef(a.decision.name, charter)}.`;
}

function noneOrBy(v: NoneOrBy | null, charter: Charter): Rich | null {
  if (!v) return null;
  return v.kind === "none" ? null : procedureRef(v.decision.name, charter);
}

const sentences = (parts: readonly Rich[]): Rich => cat(...parts.flatMap((p, i) => (i === 0 ? [p] : [g(" "), p])));

function membershipWords(m: Membership, charter: Charter, w: Words): Rich[] {
  const out: Rich[] = [];
  if (m.eligibility) out.push(r`Membership is open to ${m.eligibility.text}.`);
  if (m.admission) {
    out.push(m.admission.kind === "open" ? r`Anyone eligible may join; no one decides on admission.` : r`Admission is decided through ${procedureRef(m.admission.decision.name, charter)}.`);
  }
  const consent = m.consent.value;
  out.push([
    g(
      consent === "explicit"
        ? `No one becomes a ${w.one} without saying so: membership requires explicit consent.`
        : consent === "by residence"
          ? `Living in the territory makes a person a ${w.one}; no explicit consent is asked.`
          : `Being born into the community makes a person a ${w.one}; no explicit consent is asked.`,
    ),
  ]);
  const many = w.many[0]!.toUpperCase() + w.many.slice(1);
  out.push([g(m.concurrent.value === "allowed" ? `${many} may belong to other communities at the same time.` : `${many} may not belong to any other community at the same time.`)]);
  const ex = noneOrBy(m.expulsion, charter);
  out.push(ex ? r`A ${g(w.one)} can be expelled only through ${ex}.` : [g(`No ${w.one} can be expelled.`)]);
  return out;
}

const RETAINED: Record<string, string> = { property: "their property", data: "their data", share: "their share", standing: "their standing" };

export function exitWords(e: Exit, charter: Charter, w: Words): Rich[] {
  const out: Rich[] = [];
  const self = charter.kind === "federation" ? "the federation" : "the community";
  const who = w.one === "member" ? "who" : "that";
  const approver = noneOrBy(e.approval, charter);
  const noticeText: Rich | null = e.notice.days === 0 ? null : r`${e.notice.text} of notice`;
  if (approver) out.push(r`A ${g(w.one)} may leave only with approval through ${approver}${noticeText ? r`, after giving ${noticeText}` : null}.`);
  else out.push(noticeText ? r`Any ${g(w.one)} may leave by giving ${noticeText}.` : [g(`Any ${w.one} may leave at any time.`)]);
  const kept = e.retains.items.map((x): Rich => (RETAINED[x] ? [g(RETAINED[x]!)] : [x]));
  const keeps: Rich = kept.length > 0 ? r`${g(w.many)} keep ${list(kept)}` : [g(`nothing is guaranteed to stay with a ${w.one} ${who} leaves`)];
  if (e.penalty.kind === "none") {
    const parts: Rich[] = approver
      ? [[g("no penalty applies")], keeps]
      : [[g(e.approval === null ? "the charter does not say whose approval is needed" : "no one's approval is needed")], [g("no penalty applies")], keeps];
    out.push(sentence(list(parts)));
  } else {
    if (!approver) out.push([g(e.approval === null ? "The charter does not say whose approval is needed." : "No one's approval is needed.")]);
    out.push(r`A ${g(w.one)} ${g(who)} leaves faces a penalty: ${e.penalty.text}.`);
    out.push(sentence(keeps));
  }
  if (e.obligations.days > 0) out.push(r`Duties owed to ${g(self)} survive leaving for ${e.obligations.text}.`);
  return out;
}

function bodyWords(b: Body, charter: Charter, w: Words): Rich[] {
  const out: Rich[] = [];
  const m = b.members;
  if (!m) out.push([g("Its composition is not stated.")]);
  else if (m.kind === "all") out.push([g(`Every ${w.one} sits in it.`)]);
  else if (m.kind === "per-member") out.push([g(`Each ${w.one} holds one seat in it.`)]);
  else out.push([g(`It has ${m.seats} ${m.seats === 1 ? "seat" : "seats"}.`)]);
  const sel = b.selection;
  const term: Rich | null = b.term ? r` for terms of ${b.term.text}` : null;
  if (sel) {
    const how: Rich =
      sel.kind === "sortition" ? [g("drawn by lot (sortition)")] : sel.kind === "election" ? r`elected through ${procedureRef(sel.by.name, charter)}` : r`appointed by ${bodyRef(sel.by.name, charter)}`;
    out.push(r`Seat holders are ${how}${term}.`);
  } else if (b.term) {
    out.push(r`Seats are held for terms of ${b.term.text}.`);
  }
  if (b.recall) {
    const rc = noneOrBy(b.recall, charter);
    out.push(rc ? r`Seat holders can be recalled through ${rc}.` : [g("Seat holders cannot be recalled.")]);
  } else if (m?.kind === "seats") {
    out.push([g("The charter provides no way to recall seat holders.")]);
  }
  return out;
}

export function decisionWords(d: Decision, charter: Charter, w: Words): Rich[] {
  const out: Rich[] = [];
  const body = d.by ? charter.bodies.get(d.by.name) : undefined;
  const bodyUnit = body?.members?.kind === "seats" ? "seat holders" : w.many;
  out.push(d.by ? r`Decided by ${bodyRef(d.by.name, charter)}.` : [g("The charter does not say who decides.")]);
  if (d.quorum) out.push([g(`At least ${d.quorum.percent}% of its ${bodyUnit} must take part.`)]);
  else out.push([g("There is no quorum.")]);
  if (d.threshold) out.push(sentence([g(thresholdWords(d.threshold, bodyUnit))]));
  if (d.notice && d.notice.days > 0) out.push(r`${d.notice.text} of notice must be given.`);
  const ap = appealWords(d.appeal, charter);
  if (ap) out.push(sentence(ap));
  return out;
}

/** The federation a tie names: its charter's name when known, else the import alias. */
export function tieName(t: Tie, w: Words): string {
  return (t.federationFile && w.federationName?.(t.federationFile)) || t.alias.name;
}

function tieWords(t: Tie, charter: Charter, w: Words): Rich[] {
  const out: Rich[] = [];
  const imp = charter.imports.find((i) => i.alias === t.alias.name);
  const self = charter.kind === "federation" ? "federation" : "community";
  const named = tieName(t, w);
  out.push(
    named !== t.alias.name
      ? r`This ${g(self)} is a member of ${named} (imported as ${code(t.alias.name)}${imp ? r` from ${imp.path}` : null}).`
      : r`This ${g(self)} is a member of the federation imported as ${code(t.alias.name)}${imp ? r` (${imp.path})` : null}.`,
  );
  out.push(t.delegates.length > 0 ? r`It hands the federation these powers: ${list(t.delegates.map((x) => [code(x.name)]))}.` : [g("It hands the federation no powers.")]);
  const wd = t.withdrawal;
  if (wd) {
    const n: Rich | null = wd.notice ? cat(g(" "), notice(wd.notice)) : null;
    out.push(wd.kind === "unilateral" ? r`It may withdraw on its own decision${n}.` : r`It may withdraw only through ${procedureRef(wd.decision.name, charter)}${n}.`);
  }
  return out;
}

/** The title of a clause's article: "Decision: expel", "Member of Cascadia Confederacy". */
export function clauseTitle(c: Clause, w: Words): string {
  switch (c.kind) {
    case "membership":
      return "Membership";
    case "exit":
      return "Exit";
    case "secession":
      return "Secession";
    case "body":
      return `Body: ${c.name}`;
    case "decision":
      return `Decision: ${c.name}`;
    case "amendments":
      return "Amendments";
    case "rights":
      return "Rights";
    case "disputes":
      return "Disputes";
    case "dissolution":
      return "Dissolution";
    case "member of":
      return `Member of ${tieName(c, w)}`;
  }
}

/** A block of an article: a paragraph, or the list of rights. */
export type ArticleBlock = { readonly kind: "paragraph"; readonly text: Rich } | { readonly kind: "rights"; readonly items: readonly { readonly name: string; readonly text: string }[] };

/** The article body: paragraphs of plain sentences, and a list for rights. */
export function clauseWords(c: Clause, charter: Charter, w: Words): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const para = (parts: readonly Rich[]) => blocks.push({ kind: "paragraph", text: sentences(parts) });
  let what = "This article";
  switch (c.kind) {
    case "membership":
      para(membershipWords(c, charter, w));
      break;
    case "exit":
      para(exitWords(c, charter, w));
      break;
    case "secession": {
      const unit: Rich = c.unit ? [c.unit.text] : [g("group of members")];
      const by = noneOrBy(c.by, charter);
      para([by ? r`A ${unit} may leave together, by a decision of its own ${g(w.many)} taken through ${by}.` : r`A ${unit} may not secede: the charter permits no group to leave together.`]);
      break;
    }
    case "body":
      para(bodyWords(c, charter, w));
      break;
    case "decision":
      para(decisionWords(c, charter, w));
      break;
    case "amendments": {
      what = "This article itself";
      const by = c.by ? procedureRef(c.by.name, charter) : null;
      para([
        by ? r`Unless an article says otherwise, the charter is amended, and new articles are added, through ${by}.` : [g("The charter names no procedure for amendments.")],
        c.delay.days === 0 ? [g("An amendment takes effect as soon as it is adopted.")] : r`An amendment takes effect ${c.delay.text} after it is adopted.`,
      ]);
      break;
    }
    case "rights":
      what = "These rights";
      blocks.push({ kind: "rights", items: c.rights.map((x) => ({ name: x.name, text: x.text })) });
      break;
    case "disputes": {
      const by: Rich | null = c.by ? (c.by.kind === "body" ? bodyRef(c.by.body.name, charter) : [c.by.text]) : null;
      const ap = appealWords(c.appeal, charter, "either party");
      para([by ? r`Disputes are settled by ${by}.` : [g("The charter does not say who settles disputes.")], ...(ap ? [sentence(ap)] : [])]);
      break;
    }
    case "dissolution": {
      const parts: Rich[] = [c.by ? r`${g(charter.kind === "federation" ? "The federation" : "The community")} can be dissolved through ${procedureRef(c.by.name, charter)}.` : [g("The charter does not say how the community is dissolved.")]];
      if (c.assetsToMembers) parts.push([g(`Its assets go to the ${w.many}.`)]);
      else if (c.assets) parts.push(r`What becomes of its assets: ${c.assets.text}.`);
      para(parts);
      break;
    }
    case "member of":
      para(tieWords(c, charter, w));
      break;
  }
  const protection = amendableWords(c.amendable, charter, what);
  if (protection) blocks.push({ kind: "paragraph", text: protection });
  return blocks;
}

/**
 * A witness in words: "a coalition of more than 10% of members can weaken the
 * exit clause by first amending `amendments`, through the `ordinary`
 * procedure (20% quorum × majority of votes cast)". A long path is shortened
 * (first steps, "N more", last steps); the page lists the steps it shows.
 */
export function witnessWords(cc: ClauseCost, unit: MemberUnit, verb = "change"): Rich {
  if (cc.cost.kind === "never") return r`no one can ${g(verb)} ${code(cc.clauseId)}: it can never be amended`;
  const who = `a coalition of ${formatCost(cc.cost, unit)}`;
  // A `default` step only says the clause follows `amendments.by`; nothing is amended first.
  // Read in one pass keeping only the steps shown, so a long chain costs its length once, not its length in memory.
  const inner = shownSteps(innerSteps(cc));
  const path: Rich[] = [...inner.head.map((s) => [code(s.id)]), ...(inner.omitted > 0 ? [[g(`${inner.omitted} more`)]] : []), ...inner.tail.map((s) => [code(s.id)])];
  const first: Rich | null = path.length > 0 ? r` by first amending ${list(path)}` : null;
  const how: Rich = cc.procedure ? r`, through the ${code(cc.procedure.decision)} procedure (${cc.procedure.explanation})` : [g(", by unanimous consent")];
  return r`${g(who)} can ${g(verb)} ${code(cc.clauseId)}${first}${how}`;
}

/** How many steps of a long witness are named before and after the elided middle. */
export const WITNESS_HEAD = 6;
export const WITNESS_TAIL = 3;

/** The steps between the clause and its procedure, less `default` steps (the steps `cc.steps.slice(1, -1)` would give, filtered). */
function* innerSteps(cc: ClauseCost): IterableIterator<WitnessStep> {
  let prev: WitnessStep | null = null;
  let i = 0;
  for (const s of cc.walk()) {
    if (i >= 2 && prev!.edge !== "default") yield prev!;
    prev = s;
    i++;
  }
}

/**
 * A witness as shown: whole up to WITNESS_HEAD + WITNESS_TAIL + 1 steps, else
 * its first WITNESS_HEAD and last WITNESS_TAIL around `omitted` more; read in
 * one pass that holds only those.
 */
export function shownSteps<T>(steps: Iterable<T>): { head: T[]; tail: T[]; omitted: number; total: number } {
  const { head, tail, total } = ends(steps, WITNESS_HEAD, WITNESS_TAIL + 1);
  if (total <= WITNESS_HEAD + WITNESS_TAIL + 1) return { head: [...head, ...tail], tail: [], omitted: 0, total };
  return { head, tail: tail.slice(1), omitted: total - WITNESS_HEAD - WITNESS_TAIL, total };
}

