// Clauses in plain sentences. The Markdown constitution and the Guarantees
// table speak to members who never read the DSL: "Any member may leave at any
// time. No one's approval is needed, …" rather than `approval: none`.
//
// Every function returns Markdown: user text is escaped here, identifiers
// (already restricted to `[A-Za-z0-9_-]` by the lexer) are shown as code.
import type { ClauseCost, MemberUnit } from "../analysis/index.js";
import { formatCost } from "../analysis/index.js";
import type { Amendable, Appeal, Body, Charter, Clause, Decision, Duration, Exit, Membership, NoneOrBy, Threshold, Tie } from "../semantics/model.js";
import { code, escapeMarkdown, escapeMarkdownInline, slug } from "./escape.js";

export interface Words {
  /** "member" or "member community". */
  readonly one: string;
  /** "members" or "member communities". */
  readonly many: MemberUnit;
}

export function wordsFor(charter: Charter): Words {
  return charter.kind === "federation" ? { one: "member community", many: "member communities" } : { one: "member", many: "members" };
}

/** The anchor of a clause's article: its id with spaces as hyphens (`decision-expel`). */
export function clauseAnchor(clauseId: string): string {
  return slug(clauseId);
}

function procedureRef(name: string, charter: Charter): string {
  return charter.decisions.has(name) ? `[the ${code(name)} procedure](#${clauseAnchor(`decision ${name}`)})` : `the ${code(name)} procedure`;
}

function bodyRef(name: string, charter: Charter): string {
  return charter.bodies.has(name) ? `[the ${code(name)}](#${clauseAnchor(`body ${name}`)})` : `the ${code(name)}`;
}

/** "30 days", "2 weeks"; `immediately` and zero read as no notice. */
export function durationText(d: Duration): string {
  if (d.days === 0) return "no time at all";
  return escapeMarkdownInline(d.text);
}

function notice(d: Duration): string {
  return d.days === 0 ? "without notice" : `with ${escapeMarkdownInline(d.text)} of notice`;
}

function capitalize(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function sentence(s: string): string {
  const t = s.trim();
  if (t.length === 0) return t;
  return t[0]!.toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}${items.length > 2 ? "," : ""} and ${items[items.length - 1]}`;
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

function appealWords(a: Appeal | null, charter: Charter): string | null {
  if (!a) return null;
  switch (a.kind) {
    case "none":
      return "there is no appeal";
    case "body":
      return `whoever is affected may appeal to ${bodyRef(a.body.name, charter)}`;
    case "text":
      return `whoever is affected may appeal to ${escapeMarkdownInline(a.text)}`;
  }
}

function amendableWords(a: Amendable | null, charter: Charter, what: string): string | null {
  if (!a) return null;
  if (a.kind === "never") return `${what} can never be amended.`;
  return `${what} can be amended only through ${procedureRef(a.decision.name, charter)}.`;
}

function noneOrBy(v: NoneOrBy | null, charter: Charter): string | null {
  if (!v) return null;
  return v.kind === "none" ? null : procedureRef(v.decision.name, charter);
}

function membershipWords(m: Membership, charter: Charter, w: Words): string[] {
  const out: string[] = [];
  if (m.eligibility) out.push(`Membership is open to ${escapeMarkdownInline(m.eligibility.text)}.`);
  if (m.admission) {
    out.push(m.admission.kind === "open" ? "Anyone eligible may join; no one decides on admission." : `Admission is decided through ${procedureRef(m.admission.decision.name, charter)}.`);
  }
  const consent = m.consent.value;
  out.push(
    consent === "explicit"
      ? `No one becomes a ${w.one} without saying so: membership requires explicit consent.`
      : consent === "by residence"
        ? `Living in the territory makes a person a ${w.one}; no explicit consent is asked.`
        : `Being born into the community makes a person a ${w.one}; no explicit consent is asked.`,
  );
  out.push(m.concurrent.value === "allowed" ? `${capitalize(w.many)} may belong to other communities at the same time.` : `${capitalize(w.many)} may not belong to any other community at the same time.`);
  const ex = noneOrBy(m.expulsion, charter);
  out.push(ex ? `A ${w.one} can be expelled only through ${ex}.` : `No ${w.one} can be expelled.`);
  return out;
}

const RETAINED: Record<string, string> = { property: "their property", data: "their data", share: "their share", standing: "their standing" };

export function exitWords(e: Exit, charter: Charter, w: Words): string[] {
  const out: string[] = [];
  const self = charter.kind === "federation" ? "the federation" : "the community";
  const who = w.one === "member" ? "who" : "that";
  const approver = noneOrBy(e.approval, charter);
  const noticeText = e.notice.days === 0 ? "" : `${escapeMarkdownInline(e.notice.text)} of notice`;
  if (approver) out.push(`A ${w.one} may leave only with approval through ${approver}${noticeText ? `, after giving ${noticeText}` : ""}.`);
  else out.push(`Any ${w.one} may leave ${noticeText ? `by giving ${noticeText}` : "at any time"}.`);
  const kept = e.retains.items.map((r) => RETAINED[r] ?? r);
  const keeps = kept.length > 0 ? `${w.many} keep ${list(kept)}` : `nothing is guaranteed to stay with a ${w.one} ${who} leaves`;
  if (e.penalty.kind === "none") {
    const parts = approver ? ["no penalty applies", keeps] : [e.approval === null ? "the charter does not say whose approval is needed" : "no one's approval is needed", "no penalty applies", keeps];
    out.push(sentence(list(parts)));
  } else {
    if (!approver) out.push(e.approval === null ? "The charter does not say whose approval is needed." : "No one's approval is needed.");
    out.push(`A ${w.one} ${who} leaves faces a penalty: ${escapeMarkdownInline(e.penalty.text)}.`);
    out.push(sentence(keeps));
  }
  if (e.obligations.days > 0) out.push(`Duties owed to ${self} survive leaving for ${escapeMarkdownInline(e.obligations.text)}.`);
  return out;
}

function bodyWords(b: Body, charter: Charter, w: Words): string[] {
  const out: string[] = [];
  const m = b.members;
  if (!m) out.push("Its composition is not stated.");
  else if (m.kind === "all") out.push(`Every ${w.one} sits in it.`);
  else if (m.kind === "per-member") out.push(`Each ${w.one} holds one seat in it.`);
  else out.push(`It has ${m.seats} ${m.seats === 1 ? "seat" : "seats"}.`);
  const sel = b.selection;
  if (sel) {
    const how =
      sel.kind === "sortition"
        ? "drawn by lot (sortition)"
        : sel.kind === "election"
          ? `elected through ${procedureRef(sel.by.name, charter)}`
          : `appointed by ${bodyRef(sel.by.name, charter)}`;
    out.push(`Seat holders are ${how}${b.term ? ` for terms of ${escapeMarkdownInline(b.term.text)}` : ""}.`);
  } else if (b.term) {
    out.push(`Seats are held for terms of ${escapeMarkdownInline(b.term.text)}.`);
  }
  if (b.recall) {
    const r = noneOrBy(b.recall, charter);
    out.push(r ? `Seat holders can be recalled through ${r}.` : "Seat holders cannot be recalled.");
  } else if (m?.kind === "seats") {
    out.push("The charter provides no way to recall seat holders.");
  }
  return out;
}

export function decisionWords(d: Decision, charter: Charter, w: Words): string[] {
  const out: string[] = [];
  const body = d.by ? charter.bodies.get(d.by.name) : undefined;
  const bodyUnit = body?.members?.kind === "seats" ? "seat holders" : w.many;
  out.push(d.by ? `Decided by ${bodyRef(d.by.name, charter)}.` : "The charter does not say who decides.");
  if (d.quorum) out.push(`At least ${d.quorum.percent}% of its ${bodyUnit} must take part.`);
  else out.push("There is no quorum.");
  if (d.threshold) out.push(sentence(thresholdWords(d.threshold, bodyUnit)));
  if (d.notice && d.notice.days > 0) out.push(`${capitalize(escapeMarkdownInline(d.notice.text))} of notice must be given.`);
  const ap = appealWords(d.appeal, charter);
  if (ap) out.push(sentence(ap));
  return out;
}

function tieWords(t: Tie, charter: Charter, w: Words): string[] {
  const out: string[] = [];
  const imp = charter.imports.find((i) => i.alias === t.alias.name);
  out.push(`This ${charter.kind === "federation" ? "federation" : "community"} is a member of the federation imported as ${code(t.alias.name)}${imp ? ` (${escapeMarkdownInline(imp.path)})` : ""}.`);
  out.push(t.delegates.length > 0 ? `It hands the federation these powers: ${list(t.delegates.map((x) => code(x.name)))}.` : "It hands the federation no powers.");
  const wd = t.withdrawal;
  if (wd) {
    const n = wd.notice ? ` ${notice(wd.notice)}` : "";
    out.push(wd.kind === "unilateral" ? `It may withdraw on its own decision${n}.` : `It may withdraw only through ${procedureRef(wd.decision.name, charter)}${n}.`);
  }
  void w;
  return out;
}

/** The title of a clause's article, which is also its anchor source: "Decision: expel". */
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
      return `Member of ${c.alias.name}`;
  }
}

/** The article body: paragraphs of plain sentences (Markdown), and a list for rights. */
export function clauseWords(c: Clause, charter: Charter, w: Words): string[] {
  const paragraphs: string[] = [];
  let what = "This article";
  switch (c.kind) {
    case "membership":
      paragraphs.push(membershipWords(c, charter, w).join(" "));
      break;
    case "exit":
      paragraphs.push(exitWords(c, charter, w).join(" "));
      break;
    case "secession": {
      const unit = c.unit ? escapeMarkdownInline(c.unit.text) : "group of members";
      const by = noneOrBy(c.by, charter);
      paragraphs.push(
        by
          ? `A ${unit} may leave together, by a decision of its own ${w.many} taken through ${by}.`
          : `A ${unit} may not secede: the charter permits no group to leave together.`,
      );
      break;
    }
    case "body":
      paragraphs.push(bodyWords(c, charter, w).join(" "));
      break;
    case "decision":
      paragraphs.push(decisionWords(c, charter, w).join(" "));
      break;
    case "amendments": {
      what = "This article itself";
      const by = c.by ? procedureRef(c.by.name, charter) : null;
      const parts = [by ? `Unless an article says otherwise, the charter is amended, and new articles are added, through ${by}.` : "The charter names no procedure for amendments."];
      parts.push(c.delay.days === 0 ? "An amendment takes effect as soon as it is adopted." : `An amendment takes effect ${escapeMarkdownInline(c.delay.text)} after it is adopted.`);
      paragraphs.push(parts.join(" "));
      break;
    }
    case "rights":
      what = "These rights";
      paragraphs.push(c.rights.map((r) => `- **${escapeMarkdownInline(r.name)}**: ${escapeMarkdownInline(r.text)}`).join("\n"));
      break;
    case "disputes": {
      const by = c.by ? (c.by.kind === "body" ? bodyRef(c.by.body.name, charter) : escapeMarkdownInline(c.by.text)) : null;
      const parts = [by ? `Disputes are settled by ${by}.` : "The charter does not say who settles disputes."];
      const ap = appealWords(c.appeal, charter);
      if (ap) parts.push(sentence(ap.replace("whoever is affected", "either party")));
      paragraphs.push(parts.join(" "));
      break;
    }
    case "dissolution": {
      const parts = [c.by ? `${capitalize(charter.kind === "federation" ? "the federation" : "the community")} can be dissolved through ${procedureRef(c.by.name, charter)}.` : "The charter does not say how the community is dissolved."];
      if (c.assetsToMembers) parts.push(`Its assets go to the ${w.many}.`);
      else if (c.assets) parts.push(`What becomes of its assets: ${escapeMarkdownInline(c.assets.text)}.`);
      paragraphs.push(parts.join(" "));
      break;
    }
    case "member of":
      paragraphs.push(tieWords(c, charter, w).join(" "));
      break;
  }
  const protection = amendableWords(c.amendable, charter, what);
  if (protection) paragraphs.push(protection);
  return paragraphs;
}

/**
 * A witness in words: "a coalition of more than 10% of members can weaken the
 * exit clause by first amending `amendments`, through the `ordinary`
 * procedure (20% quorum × majority of votes cast)".
 */
export function witnessWords(cc: ClauseCost, unit: MemberUnit, verb = "change"): string {
  if (cc.cost.kind === "never") return `no one can ${verb} ${code(cc.clauseId)}: it can never be amended`;
  const who = `a coalition of ${formatCost(cc.cost, unit)}`;
  // A `default` step only says the clause follows `amendments.by`; nothing is amended first.
  const path = cc.steps.slice(1, -1).filter((s) => s.edge !== "default").map((s) => code(s.id));
  const first = path.length > 0 ? ` by first amending ${list(path)}` : "";
  const how = cc.procedure ? `, through the ${code(cc.procedure.decision)} procedure (${escapeMarkdownInline(cc.procedure.explanation)})` : ", by unanimous consent";
  return `${who} can ${verb} ${code(cc.clauseId)}${first}${how}`;
}

/** Free text (preamble) as escaped Markdown paragraphs. */
export function prose(text: string): string {
  return escapeMarkdown(text.trim());
}
