// federation-withdrawal (§6.2): every `member of` tie, and every federation's
// `exit`, lets a member community withdraw `unilateral` with notice no longer
// than the federation max-notice. A tie without `notice` means none.
import { days, type Finding, type Rule, verdict } from "./rule.js";

export const federationWithdrawal: Rule = {
  id: "federation-withdrawal",
  code: "CH0212",
  evaluate({ charter, options }) {
    const max = options.maxNotice.federation;
    const findings: Finding[] = [];
    for (const tie of charter.ties) {
      const w = tie.withdrawal;
      const fed = `\`${tie.alias.name}\``;
      if (!w) {
        findings.push({ span: tie.headSpan, message: `the tie to ${fed} does not say how this community may withdraw`, help: "add `withdrawal: unilateral, notice 90 days`" });
      } else if (w.kind === "by") {
        findings.push({ span: w.span, message: `withdrawing from ${fed} needs \`${w.decision.name}\`, so this community cannot withdraw unilaterally`, help: "use `withdrawal: unilateral`" });
      } else if (w.notice && w.notice.days > max) {
        findings.push({ span: w.notice.span ?? w.span, message: `withdrawal notice \`${w.notice.text}\` from ${fed} is longer than the ${days(max)} allowed` });
      }
    }
    if (charter.kind === "federation") {
      const exit = charter.exit;
      if (!exit) {
        findings.push({ span: charter.nameSpan, message: `federation \`${charter.name}\` has no \`exit\` section, so member communities have no stated way to withdraw` });
      } else {
        if (exit.approval === null) {
          findings.push({ span: exit.headSpan, message: "`exit` does not say whether a member community's withdrawal needs approval", help: "add `approval: none`" });
        } else if (exit.approval.kind === "by") {
          findings.push({ span: exit.approval.span, message: `a member community's withdrawal needs approval \`by ${exit.approval.decision.name}\`, so it is not unilateral` });
        }
        if (exit.notice.days > max) {
          findings.push({ span: exit.notice.span ?? exit.headSpan, message: `withdrawal notice \`${exit.notice.text}\` is longer than the ${days(max)} allowed` });
        }
      }
    }
    return verdict(findings);
  },
};
