// TEMPORARY until the analysis work lands: no properties evaluated.
import type { RulesInput, RulesOutput } from "./api.js";
export function runRules(_input: RulesInput): RulesOutput {
  return { properties: new Map(), diagnostics: [] };
}
