// exit-entrenched (§6.2): an `exit` section exists and cost(exit) ≥ 1 — only
// unanimity of members (each member a veto) or nothing at all can weaken it.
import { atLeastUnanimity, clauseCostJson, formatCost, renderWitness } from "../analysis/index.js";
import { fails, holds, type Rule, witnessRelated } from "./rule.js";

export const exitEntrenched: Rule = {
  id: "exit-entrenched",
  code: "CH0203",
  evaluate(ctx) {
    const { charter, analysis } = ctx;
    const exit = charter.exit;
    const cc = analysis.exit;
    if (!exit || !cc) {
      return fails([
        {
          span: charter.nameSpan,
          message: `\`${charter.name}\` has no \`exit\` section, so nothing protects a member's way out`,
          help: "add an `exit` section with `amendable: never`",
        },
      ], { witness: [] });
    }
    const json = clauseCostJson(cc);
    if (atLeastUnanimity(cc.cost)) return holds(json);
    return fails(
      [
        {
          span: exit.headSpan,
          message: `a coalition of ${formatCost(cc.cost, analysis.unit)} can weaken \`exit\`: ${renderWitness(cc, analysis.unit, { result: false })}`,
          related: witnessRelated(charter, cc, analysis.unit),
          help: "mark `exit` with `amendable: never`, or protect it and every clause on the path by unanimity",
        },
      ],
      json,
    );
  },
};
