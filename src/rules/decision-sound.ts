// decision-sound (§6.2): every quorum is in (0%, 100%]; every `votes cast`
// threshold is more than one half (so a motion and its negation cannot both
// pass); every reference resolves. Unresolved references already carry their
// own error (CH0110/CH0109/CH0111), so they fail the property without a
// second diagnostic.
import type { Charter, Ref } from "../semantics/model.js";
import { type Finding, type Rule, verdict } from "./rule.js";

const EPS = 1e-9;

/** Every reference in the charter, with where it was written. */
export function references(charter: Charter): Ref[] {
  const refs: Ref[] = [];
  const add = (r: Ref | null | undefined) => {
    if (r) refs.push(r);
  };
  for (const c of charter.clauses) {
    if (c.amendable?.kind === "by") add(c.amendable.decision);
    switch (c.kind) {
      case "membership":
        if (c.admission?.kind === "by") add(c.admission.decision);
        if (c.expulsion.kind === "by") add(c.expulsion.decision);
        break;
      case "exit":
        if (c.approval?.kind === "by") add(c.approval.decision);
        break;
      case "secession":
        if (c.by?.kind === "by") add(c.by.decision);
        break;
      case "body":
        if (c.selection?.kind === "election" || c.selection?.kind === "appointment") add(c.selection.by);
        if (c.recall?.kind === "by") add(c.recall.decision);
        break;
      case "decision":
        add(c.by);
        if (c.appeal?.kind === "body") add(c.appeal.body);
        break;
      case "amendments":
        add(c.by);
        break;
      case "disputes":
        if (c.by?.kind === "body") add(c.by.body);
        if (c.appeal?.kind === "body") add(c.appeal.body);
        break;
      case "dissolution":
        add(c.by);
        break;
      case "member of":
        add(c.alias);
        if (c.withdrawal?.kind === "by") add(c.withdrawal.decision);
        break;
      case "rights":
        break;
    }
  }
  return refs;
}

export const decisionSound: Rule = {
  id: "decision-sound",
  code: "CH0210",
  evaluate({ charter }) {
    const findings: Finding[] = [];
    for (const d of charter.decisions.values()) {
      if (d.quorum && (d.quorum.value <= EPS || d.quorum.value > 1 + EPS)) {
        findings.push({ span: d.quorum.span, message: `quorum \`${d.quorum.percent}%\` of \`${d.name}\` must be more than 0% and at most 100%` });
      }
      const t = d.threshold;
      if (t?.kind === "share" && t.base === "votes cast") {
        const sound = t.value > 0.5 + EPS || (Math.abs(t.value - 0.5) <= EPS && t.strict);
        if (!sound) {
          findings.push({
            span: t.span,
            message: `threshold \`${t.text}\` of \`${d.name}\` lets a motion and its negation both pass`,
            help: "use more than half of votes cast, such as `majority of votes cast` or `2/3 of votes cast`",
          });
        }
      }
    }
    const unresolved = references(charter).filter((r) => !r.resolved);
    const reasons = unresolved.map((r) => `\`${r.name}\` does not resolve`);
    return verdict(findings, {}, reasons);
  },
};
