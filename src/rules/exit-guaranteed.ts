// exit-guaranteed (§6.2): an `exit` section exists; `approval: none`;
// `penalty: none`; `notice` ≤ max-notice; `retains` includes `property`; and
// exit-entrenched holds. A missing or non-entrenched exit fails exit-entrenched
// too, at the same place: that fact is one diagnostic, made by whichever of
// the two rules has the stricter level (see `reportedBy` and docs/language.md).
import { atLeastUnanimity, clauseCostJson, formatCost, renderWitness } from "../analysis/index.js";
import { ENTRENCH_HELP } from "./exit-entrenched.js";
import { days, fails, type Finding, reportedBy, type Rule, verdict, witnessRelated } from "./rule.js";

export const exitGuaranteed: Rule = {
  id: "exit-guaranteed",
  code: "CH0202",
  evaluate(ctx) {
    const { charter, analysis, maxNotice, options } = ctx;
    const exit = charter.exit;
    const who = charter.kind === "federation" ? "a member community" : "a member";
    if (!exit || !analysis.exit) {
      // exit-entrenched fails for the same reason at the same place: one diagnostic (`reportedBy`).
      const message = `\`${charter.name}\` has no \`exit\` section, so ${who} has no guaranteed way to leave`;
      if (reportedBy(options, "exit-guaranteed", "exit-entrenched") === "exit-guaranteed") {
        return fails([{ span: charter.nameSpan, message, help: "add an `exit` section with `approval: none`, `penalty: none` and `amendable: never`" }], { witness: [] });
      }
      return fails([], { witness: [] }, [message]);
    }
    const findings: Finding[] = [];
    const reasons: string[] = [];
    if (exit.approval === null) {
      findings.push({ span: exit.headSpan, message: "`exit` does not say whether leaving needs approval", help: "add `approval: none`" });
    } else if (exit.approval.kind === "by") {
      findings.push({
        span: exit.approval.span,
        message: `leaving needs approval \`by ${exit.approval.decision.name}\`, so ${who} cannot leave on their own`,
        help: "use `approval: none`",
      });
    }
    if (exit.penalty.kind === "some") {
      findings.push({ span: exit.penalty.span, message: `leaving carries a penalty: \`${exit.penalty.text}\``, help: "use `penalty: none`" });
    }
    if (exit.notice.days > maxNotice) {
      findings.push({
        span: exit.notice.span ?? exit.headSpan,
        message: `exit notice \`${exit.notice.text}\` is longer than the ${days(maxNotice)} allowed`,
      });
    }
    if (!exit.retains.items.includes("property")) {
      findings.push({
        span: exit.retains.span ?? exit.headSpan,
        message: "a leaving member does not keep their `property`",
        help: "add `property` to `retains`",
      });
    }
    const cc = analysis.exit;
    if (!atLeastUnanimity(cc.cost)) {
      const message = `exit is not entrenched: a coalition of ${formatCost(cc.cost, analysis.unit)} can weaken it through ${renderWitness(cc, analysis.unit, { result: false })}`;
      // The same fact is exit-entrenched's finding, at the same place: made once, by the stricter rule (exit-entrenched when equal).
      if (reportedBy(options, "exit-entrenched", "exit-guaranteed") === "exit-guaranteed") {
        findings.push({ span: exit.headSpan, message, related: witnessRelated(charter, cc, analysis.unit), help: ENTRENCH_HELP });
      } else reasons.push(message);
    }
    return verdict(findings, clauseCostJson(cc), reasons);
  },
};
