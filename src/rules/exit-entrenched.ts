// exit-entrenched (§6.2): an `exit` section exists and cost(exit) ≥ 1 — only
// unanimity of members (each member a veto) or nothing at all can weaken it.
// exit-guaranteed fails for the same fact at the same place: one diagnostic,
// by the stricter of the two rules, this one when their levels are equal.
import { atLeastUnanimity, clauseCostJson, formatCost, renderWitness } from "../analysis/index.js";
import { fails, holds, reportedBy, type Rule, witnessRelated } from "./rule.js";

export const ENTRENCH_HELP = "mark `exit` with `amendable: never`, or protect it and every clause on the path by unanimity";

export const exitEntrenched: Rule = {
  id: "exit-entrenched",
  code: "CH0203",
  evaluate(ctx) {
    const { charter, analysis, options } = ctx;
    const exit = charter.exit;
    const cc = analysis.exit;
    if (!exit || !cc) {
      const message = `\`${charter.name}\` has no \`exit\` section, so nothing protects a member's way out`;
      if (reportedBy(options, "exit-guaranteed", "exit-entrenched") === "exit-entrenched") {
        return fails([{ span: charter.nameSpan, message, help: "add an `exit` section with `amendable: never`" }], { witness: [] });
      }
      return fails([], { witness: [] }, [message]);
    }
    const json = clauseCostJson(cc);
    if (atLeastUnanimity(cc.cost)) return holds(json);
    const message = `a coalition of ${formatCost(cc.cost, analysis.unit)} can weaken \`exit\`: ${renderWitness(cc, analysis.unit, { result: false })}`;
    if (reportedBy(options, "exit-entrenched", "exit-guaranteed") === "exit-entrenched") {
      return fails([{ span: exit.headSpan, message, related: witnessRelated(charter, cc, analysis.unit), help: ENTRENCH_HELP }], json);
    }
    return fails([], json, [message]);
  },
};
