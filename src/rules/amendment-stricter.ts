// amendment-stricter (§6.2): cost(every clause) ≥ coalition of every ordinary
// decision procedure — no way of changing the charter is easier to carry than
// a decision that does not change it. Ordinary procedures are the decisions
// that amend nothing (no clause names them in `amendable: by`, and they are
// not `amendments.by`).
import { type ClauseCost, clauseCostJson, compareCost, type Coalition, formatCost, renderWitness } from "../analysis/index.js";
import { type Rule, verdict, witnessRelated } from "./rule.js";

export const amendmentStricter: Rule = {
  id: "amendment-stricter",
  code: "CH0208",
  evaluate({ charter, analysis }) {
    let cheapest: ClauseCost | null = null;
    // analysis.clauses is in clause (source) order: read in order, no lookup per clause.
    for (const cc of analysis.clauses.values()) {
      // Cheapest first; among equals the shortest witness, then source order.
      const by = cheapest ? compareCost(cc.cost, cheapest.cost) || cc.length - cheapest.length : -1;
      if (by < 0) cheapest = cc;
    }
    let dearest: Coalition | null = null;
    for (const name of analysis.ordinaryProcedures) {
      const co = analysis.coalitions.get(name)!;
      if (!dearest || compareCost(co.cost, dearest.cost) > 0) dearest = co;
    }
    const json = cheapest ? clauseCostJson(cheapest) : { cost: null, witness: [] as string[] };
    const findings = [];
    if (cheapest && dearest && compareCost(cheapest.cost, dearest.cost) < 0) {
      const unit = analysis.unit;
      const clause = charter.clauses.find((c) => c.id === cheapest.clauseId)!;
      const decision = charter.decisions.get(dearest.decision)!;
      findings.push({
        span: clause.headSpan,
        message: `\`${cheapest.clauseId}\` can be changed by ${formatCost(cheapest.cost, unit)}, less than the ordinary decision \`${dearest.decision}\` needs (${formatCost(dearest.cost, unit)}): ${renderWitness(cheapest, unit, { result: false })}`,
        related: [
          ...witnessRelated(charter, cheapest, unit),
          { file: charter.file, span: decision.headSpan, message: `\`${dearest.decision}\` needs ${dearest.explanation} = ${formatCost(dearest.cost, unit)}` },
        ],
      });
    }
    // Adding a new clause goes through `amendments.by` even when every clause has its own protection.
    const am = charter.amendments;
    const addBy = am?.by?.resolved ? analysis.coalitions.get(am.by.name) : undefined;
    if (am && addBy && dearest && compareCost(addBy.cost, dearest.cost) < 0 && (!cheapest || compareCost(addBy.cost, cheapest.cost) < 0)) {
      findings.push({
        span: am.by!.span,
        message: `new clauses can be added by \`${addBy.decision}\` (${formatCost(addBy.cost, analysis.unit)}), less than the ordinary decision \`${dearest.decision}\` needs (${formatCost(dearest.cost, analysis.unit)})`,
      });
    }
    return verdict(findings, json);
  },
};
