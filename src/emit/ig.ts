// Institutional Grammar 2.0 export: one row per regulative statement the
// charter makes, in the columns institutional analysts code (IG-Parser):
// Attribute, Deontic, Aim, Object, Activation condition, Execution
// constraint, Or else. docs/publishing.md documents the mapping.
import type { Appeal, Charter, Decision, Duration, NoneOrBy, Threshold } from "../semantics/model.js";
import { csv } from "./escape.js";

export const IG_COLUMNS = ["Attribute", "Deontic", "Aim", "Object", "Activation condition", "Execution constraint", "Or else"] as const;

export interface IgStatement {
  readonly clause: string;
  readonly attribute: string;
  readonly deontic: "may" | "must" | "must not";
  readonly aim: string;
  readonly object: string;
  readonly activation: string;
  readonly constraint: string;
  readonly orElse: string;
}

const days = (d: Duration | null | undefined): string => (!d || d.days === 0 ? "0 days" : d.text);

function thresholdText(t: Threshold | null): string {
  return t ? t.text : "no stated threshold";
}

function appealText(a: Appeal | null): string {
  if (!a || a.kind === "none") return "";
  return a.kind === "body" ? `appeal to ${a.body.name}` : `appeal to ${a.text}`;
}

/** "by decision expel (assembly, 30% quorum, 2/3 of votes cast)". */
function procedureText(charter: Charter, name: string): string {
  const d: Decision | undefined = charter.decisions.get(name);
  if (!d) return `by decision ${name}`;
  const parts = [d.by?.name ?? "no body", d.quorum ? `${d.quorum.percent}% quorum` : "no quorum", thresholdText(d.threshold)];
  return `by decision ${name} (${parts.join(", ")})`;
}

function deciderOf(charter: Charter, v: NoneOrBy | null): string {
  if (!v || v.kind === "none") return "";
  return charter.decisions.get(v.decision.name)?.by?.name ?? v.decision.name;
}

export function igStatements(charter: Charter): IgStatement[] {
  const out: IgStatement[] = [];
  const member = charter.kind === "federation" ? "member community" : "member";
  const community = charter.kind === "federation" ? "the federation" : "the community";
  const push = (s: IgStatement) => out.push(s);

  const m = charter.membership;
  if (m) {
    if (m.admission) {
      push({
        clause: m.id,
        attribute: m.admission.kind === "open" ? "eligible person" : (charter.decisions.get(m.admission.decision.name)?.by?.name ?? "community"),
        deontic: "may",
        aim: m.admission.kind === "open" ? "join" : "admit",
        object: m.admission.kind === "open" ? community : "an eligible person",
        activation: m.eligibility ? `if eligible: ${m.eligibility.text}` : "",
        constraint: [m.admission.kind === "by" ? procedureText(charter, m.admission.decision.name) : "", `consent ${m.consent.value}`].filter(Boolean).join("; "),
        orElse: "",
      });
    }
    push({
      clause: m.id,
      attribute: member,
      deontic: m.concurrent.value === "allowed" ? "may" : "must not",
      aim: "belong",
      object: "other communities",
      activation: "while a member",
      constraint: "",
      orElse: "",
    });
    if (m.expulsion.kind === "by") {
      const d = charter.decisions.get(m.expulsion.decision.name);
      const extra = [d?.notice && d.notice.days > 0 ? `with ${d.notice.text} notice` : "", appealText(d?.appeal ?? null)].filter(Boolean).join(" and ");
      push({
        clause: m.id,
        attribute: deciderOf(charter, m.expulsion),
        deontic: "may",
        aim: "expel",
        object: `a ${member}`,
        activation: `by decision ${m.expulsion.decision.name}`,
        constraint: [procedureText(charter, m.expulsion.decision.name), extra].filter(Boolean).join("; "),
        orElse: "",
      });
    } else {
      push({ clause: m.id, attribute: community, deontic: "must not", aim: "expel", object: `a ${member}`, activation: "", constraint: "expulsion: none", orElse: "" });
    }
  }

  const e = charter.exit;
  if (e) {
    const free = !e.approval || e.approval.kind === "none";
    push({
      clause: e.id,
      attribute: member,
      deontic: "may",
      aim: "leave",
      object: community,
      activation: free ? "at any time" : `if approved ${procedureText(charter, (e.approval as Extract<NoneOrBy, { kind: "by" }>).decision.name)}`,
      constraint: [`with notice ${days(e.notice)}`, e.retains.items.length > 0 ? `retaining ${e.retains.items.join(", ")}` : ""].filter(Boolean).join("; "),
      orElse: e.penalty.kind === "some" ? e.penalty.text : "",
    });
    if (e.obligations.days > 0) {
      push({ clause: e.id, attribute: `former ${member}`, deontic: "must", aim: "honour", object: "obligations", activation: "after leaving", constraint: `for ${e.obligations.text}`, orElse: "" });
    }
  }

  const s = charter.secession;
  if (s) {
    push({
      clause: s.id,
      attribute: s.unit?.text ?? "group of members",
      deontic: s.by?.kind === "by" ? "may" : "must not",
      aim: "secede",
      object: `from ${community}`,
      activation: s.by?.kind === "by" ? `by decision ${s.by.decision.name} of its own ${member}s` : "",
      constraint: s.by?.kind === "by" ? procedureText(charter, s.by.decision.name) : "",
      orElse: "",
    });
  }

  for (const b of charter.bodies.values()) {
    const sel = b.selection;
    if (sel?.kind === "election") {
      push({ clause: b.id, attribute: deciderOf(charter, { kind: "by", decision: sel.by, span: sel.span }), deontic: "may", aim: "elect", object: `seat holders of ${b.name}`, activation: b.term ? `every ${b.term.text}` : "", constraint: procedureText(charter, sel.by.name), orElse: "" });
    } else if (sel?.kind === "appointment") {
      push({ clause: b.id, attribute: sel.by.name, deontic: "may", aim: "appoint", object: `seat holders of ${b.name}`, activation: b.term ? `every ${b.term.text}` : "", constraint: "", orElse: "" });
    } else if (sel?.kind === "sortition") {
      push({ clause: b.id, attribute: community, deontic: "must", aim: "draw by lot", object: `seat holders of ${b.name}`, activation: b.term ? `every ${b.term.text}` : "", constraint: "sortition", orElse: "" });
    }
    if (b.recall?.kind === "by") {
      push({ clause: b.id, attribute: deciderOf(charter, b.recall), deontic: "may", aim: "recall", object: `seat holders of ${b.name}`, activation: `by decision ${b.recall.decision.name}`, constraint: procedureText(charter, b.recall.decision.name), orElse: "" });
    }
  }

  for (const d of charter.decisions.values()) {
    const constraint = [d.quorum ? `quorum ${d.quorum.percent}%` : "no quorum", `threshold ${thresholdText(d.threshold)}`, d.notice && d.notice.days > 0 ? `notice ${d.notice.text}` : "", appealText(d.appeal)].filter(Boolean).join("; ");
    push({ clause: d.id, attribute: d.by?.name ?? "", deontic: "may", aim: "decide", object: `matters under procedure ${d.name}`, activation: "", constraint, orElse: "" });
  }

  const a = charter.amendments;
  if (a?.by) {
    push({
      clause: a.id,
      attribute: charter.decisions.get(a.by.name)?.by?.name ?? a.by.name,
      deontic: "may",
      aim: "amend",
      object: "the charter",
      activation: "unless a clause says otherwise",
      constraint: [procedureText(charter, a.by.name), `takes effect after ${days(a.delay)}`].join("; "),
      orElse: "",
    });
  }
  for (const c of charter.clauses) {
    if (c.amendable?.kind === "never") push({ clause: c.id, attribute: community, deontic: "must not", aim: "amend", object: c.id, activation: "", constraint: "amendable: never", orElse: "" });
    else if (c.amendable?.kind === "by") push({ clause: c.id, attribute: charter.decisions.get(c.amendable.decision.name)?.by?.name ?? c.amendable.decision.name, deontic: "may", aim: "amend", object: c.id, activation: "", constraint: procedureText(charter, c.amendable.decision.name), orElse: "" });
  }

  for (const r of charter.rights?.rights ?? []) {
    push({ clause: "rights", attribute: member, deontic: "may", aim: `exercise right ${r.name}`, object: r.text, activation: "", constraint: "", orElse: "" });
  }

  const dis = charter.disputes;
  if (dis?.by) {
    push({ clause: dis.id, attribute: dis.by.kind === "body" ? dis.by.body.name : dis.by.text, deontic: "must", aim: "resolve", object: "disputes", activation: "when a dispute arises", constraint: appealText(dis.appeal), orElse: "" });
  }
  const dsl = charter.dissolution;
  if (dsl?.by) {
    push({ clause: dsl.id, attribute: charter.decisions.get(dsl.by.name)?.by?.name ?? dsl.by.name, deontic: "may", aim: "dissolve", object: community, activation: "", constraint: [procedureText(charter, dsl.by.name), dsl.assets ? `assets ${dsl.assets.text}` : ""].filter(Boolean).join("; "), orElse: "" });
  }

  for (const t of charter.ties) {
    const w = t.withdrawal;
    push({ clause: t.id, attribute: community, deontic: "may", aim: "delegate", object: t.delegates.map((x) => x.name).join(", ") || "nothing", activation: `as member of ${t.alias.name}`, constraint: t.federationFile ?? "", orElse: "" });
    if (w) {
      push({
        clause: t.id,
        attribute: community,
        deontic: "may",
        aim: "withdraw",
        object: `from ${t.alias.name}`,
        activation: w.kind === "unilateral" ? "at any time" : `by decision ${w.decision.name}`,
        constraint: [w.kind === "unilateral" ? "unilateral" : procedureText(charter, w.decision.name), w.notice ? `with notice ${days(w.notice)}` : ""].filter(Boolean).join("; "),
        orElse: "",
      });
    }
  }
  if (charter.kind === "federation") {
    for (const p of charter.powers) push({ clause: "powers", attribute: "the federation", deontic: "may", aim: "decide", object: p.name, activation: "", constraint: "only delegated powers", orElse: "" });
  }
  return out;
}

/** The IG CSV: a header row and one row per statement, RFC 4180 (CRLF, quoted where needed). */
export function toIgCsv(charter: Charter): string {
  const rows = igStatements(charter).map((s) => [s.attribute, s.deontic, s.aim, s.object, s.activation, s.constraint, s.orElse]);
  return csv([[...IG_COLUMNS], ...rows]);
}
