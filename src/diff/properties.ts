// Property verdicts that flip and coalition costs that move between two
// versions, with the witness of the side that is worse.
import { type CharterAnalysis, compareCost, costToJson, formatCost, renderWitness } from "../analysis/index.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import type { CostChange, CostSide, DiffSide, Effect, PropertyChange, Verdict } from "./types.js";

const verdict = (p: PropertyResult | undefined): Verdict => (p ? (p.holds ? "holds" : "fails") : "absent");

export function diffProperties(o: DiffSide, n: DiffSide): PropertyChange[] {
  const op = o.properties ?? {};
  const np = n.properties ?? {};
  const ids = [...PROPERTY_IDS, ...[...Object.keys(op), ...Object.keys(np)].filter((id) => !(PROPERTY_IDS as readonly string[]).includes(id)).sort()];
  const out: PropertyChange[] = [];
  for (const id of [...new Set(ids)]) {
    const a = verdict(op[id]);
    const b = verdict(np[id]);
    if (a === b) continue;
    const effect: Effect = a === "holds" && b === "fails" ? "weakens" : a === "fails" && b === "holds" ? "strengthens" : "neutral";
    // The reasons and witness of the failing side: why it fails now, or why it failed before.
    const failing = b === "fails" ? np[id] : a === "fails" ? op[id] : undefined;
    out.push({ id, old: a, new: b, effect, reasons: [...(failing?.reasons ?? [])], witness: [...(failing?.witness ?? [])] });
  }
  return out;
}

/** The guarantees whose cost of change is tracked, with their labels. */
const TRACKED: readonly { kind: "exit" | "rights" | "membership"; label: string }[] = [
  { kind: "exit", label: "cost to weaken exit" },
  { kind: "rights", label: "cost to change rights" },
  { kind: "membership", label: "cost to change membership terms" },
];

function costSide(a: CharterAnalysis, id: string): CostSide | null {
  const cc = a.clauses.get(id);
  if (!cc) return null;
  return { cost: costToJson(cc.cost), text: formatCost(cc.cost, a.unit), witness: renderWitness(cc, a.unit) };
}

export function diffCosts(oa: CharterAnalysis, na: CharterAnalysis): CostChange[] {
  const out: CostChange[] = [];
  for (const t of TRACKED) {
    const oc = oa.charter[t.kind];
    const nc = na.charter[t.kind];
    if (!oc || !nc) continue; // an added or removed clause is reported as such
    const a = oa.clauses.get(oc.id);
    const b = na.clauses.get(nc.id);
    if (!a || !b) continue;
    const order = compareCost(a.cost, b.cost);
    if (order === 0) continue;
    out.push({ clause: nc.id, label: t.label, old: costSide(oa, oc.id), new: costSide(na, nc.id), effect: order > 0 ? "weakens" : "strengthens" });
  }
  return out;
}
