// due-process (§6.2): expulsion, if any, requires `notice` and an `appeal` to
// someone other than the deciding body.
import { live } from "../analysis/coalition.js";
import { type Finding, type Rule, verdict } from "./rule.js";

export const dueProcess: Rule = {
  id: "due-process",
  code: "CH0201",
  evaluate({ charter }) {
    const m = charter.membership;
    if (!m || m.expulsion.kind !== "by") return verdict([]);
    const d = live(m.expulsion.decision, charter.decisions);
    if (!d) return verdict([]); // unresolved: reported as CH0110, treated as absent
    const findings: Finding[] = [];
    const here = m.expulsion.span;
    const defined = { file: charter.file, span: d.headSpan, message: `\`${d.name}\` is defined here` };
    if (!d.notice || d.notice.days <= 0) {
      findings.push({
        span: here,
        message: `expulsion by \`${d.name}\` gives the member no advance \`notice\``,
        related: [defined],
        help: `add \`notice: 14 days\` (or longer) to \`decision ${d.name}\``,
      });
    }
    const appeal = d.appeal;
    if (!appeal || appeal.kind === "none") {
      findings.push({
        span: here,
        message: `expulsion by \`${d.name}\` allows no appeal`,
        related: [defined],
        help: `add \`appeal: to "an arbiter both parties accept"\` or to another body`,
      });
    } else if (appeal.kind === "body" && d.by && appeal.body.name === d.by.name) {
      findings.push({
        span: appeal.span,
        message: `expulsion by \`${d.name}\` can be appealed only to \`${d.by.name}\`, the body that decided it`,
      });
    }
    return verdict(findings);
  },
};
