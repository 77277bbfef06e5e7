// accountable-bodies (§6.2): every seated body has a `recall` other than
// `none`, and no body is selected or recalled only through itself.
//
// "Through itself": the bodies that control a decision are its body and, for
// a seated body, whoever fills its seats (the electing decision's controllers,
// or the appointing body and whoever fills that), transitively. A seated body
// that appears among the controllers of its own election, appointment or
// recall answers to no one but itself.
import { live } from "../analysis/coalition.js";
import type { Body, Charter, Decision } from "../semantics/model.js";
import { type Finding, type Rule, verdict } from "./rule.js";

function bodyControllers(b: Body | null, charter: Charter, out: Set<string>): Set<string> {
  if (!b || out.has(b.name)) return out;
  out.add(b.name);
  if (b.members?.kind !== "seats") return out;
  const sel = b.selection;
  if (sel?.kind === "election") decisionControllers(live(sel.by, charter.decisions), charter, out);
  else if (sel?.kind === "appointment") bodyControllers(live(sel.by, charter.bodies), charter, out);
  return out;
}

function decisionControllers(d: Decision | null, charter: Charter, out: Set<string>): Set<string> {
  if (!d) return out;
  return bodyControllers(live(d.by, charter.bodies), charter, out);
}

export const accountableBodies: Rule = {
  id: "accountable-bodies",
  code: "CH0209",
  evaluate({ charter }) {
    const findings: Finding[] = [];
    for (const b of charter.bodies.values()) {
      if (b.members?.kind !== "seats") continue;
      const recall = b.recall;
      const recallDecision = recall?.kind === "by" ? live(recall.decision, charter.decisions) : null;
      if (recall === null) {
        findings.push({
          span: b.headSpan,
          message: `seated body \`${b.name}\` states no \`recall\`, so its seat holders cannot be removed before their term ends`,
          help: "add `recall: by DECISION` naming a decision of the members",
        });
      } else if (recall.kind === "none") {
        findings.push({ span: recall.span ?? b.headSpan, message: `seated body \`${b.name}\` has \`recall: none\`, so its seat holders cannot be removed before their term ends` });
      } else if (!recallDecision) {
        findings.push({ span: recall.span, message: `seated body \`${b.name}\` names an unknown recall decision \`${recall.decision.name}\`` });
      } else if (decisionControllers(recallDecision, charter, new Set()).has(b.name)) {
        findings.push({
          span: recall.span,
          message: `seated body \`${b.name}\` can be recalled only by \`${recallDecision.name}\`, which \`${b.name}\` itself controls`,
          related: [{ file: charter.file, span: recallDecision.headSpan, message: `\`${recallDecision.name}\` is decided by \`${recallDecision.by?.name ?? "?"}\`` }],
        });
      }
      const sel = b.selection;
      if (sel?.kind === "election") {
        const e = live(sel.by, charter.decisions);
        if (e && decisionControllers(e, charter, new Set()).has(b.name)) {
          findings.push({
            span: sel.span,
            message: `seated body \`${b.name}\` is elected by \`${e.name}\`, which \`${b.name}\` itself controls`,
            related: [{ file: charter.file, span: e.headSpan, message: `\`${e.name}\` is decided by \`${e.by?.name ?? "?"}\`` }],
          });
        }
      } else if (sel?.kind === "appointment") {
        const a = live(sel.by, charter.bodies);
        if (a && bodyControllers(a, charter, new Set()).has(b.name)) {
          findings.push({ span: sel.span, message: `seated body \`${b.name}\` is appointed by \`${a.name}\`, which \`${b.name}\` itself controls` });
        }
      }
    }
    return verdict(findings);
  },
};
