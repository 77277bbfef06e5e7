// A code lens on the charter header with the headline verdicts:
// "✔ exit guaranteed · ✘ exit entrenched (more than 10% of members) · 12/14 properties hold".
import type { CodeLens } from "vscode-languageserver";
import { analyzeCharter, formatCost } from "../analysis/index.js";
import type { FileResult } from "../compiler.js";
import { toRange } from "./positions.js";

export function headline(result: FileResult): string | null {
  const props = result.properties;
  if (!props) return null;
  const parts: string[] = [];
  const eg = props["exit-guaranteed"];
  if (eg) parts.push(`${eg.holds ? "✔" : "✘"} exit guaranteed`);
  const ee = props["exit-entrenched"];
  if (ee) {
    let cost = "";
    if (!ee.holds && result.charter) {
      const exit = analyzeCharter(result.charter).exit;
      if (exit) cost = ` (${formatCost(exit.cost, analyzeCharter(result.charter).unit)})`;
      else cost = " (no exit section)";
    }
    parts.push(`${ee.holds ? "✔" : "✘"} exit entrenched${cost}`);
  }
  const all = Object.values(props);
  parts.push(`${all.filter((p) => p.holds).length}/${all.length} properties hold`);
  return parts.join(" · ");
}

export function codeLenses(result: FileResult): CodeLens[] {
  const h = result.ast.header;
  const title = headline(result);
  if (!h || !title) return [];
  // An empty command id: shown as a label, not clickable.
  return [{ range: toRange(result.lines, h.keywordSpan), command: { title, command: "" } }];
}
