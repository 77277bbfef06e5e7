// Runs every property rule of §6.2 over the workspace and turns findings into
// diagnostics whose severity comes from the profile (§8) and the `rules:`
// overrides. Verdicts are reported for every property and every target, even
// for rules turned `off` (off only drops the diagnostics).
import { analyzeCharter, type CharterAnalysis } from "../analysis/index.js";
import { diag } from "../diagnostics/codes.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { PROPERTY_IDS, type PropertyId } from "../language/properties.js";
import type { Charter } from "../semantics/model.js";
import type { PropertyResult, RulesInput, RulesOutput } from "./api.js";
import { type Evaluation, type Rule, type RuleContext, ruleLevel } from "./rule.js";
import { accountableBodies } from "./accountable-bodies.js";
import { amendmentStricter } from "./amendment-stricter.js";
import { concurrentMembership } from "./concurrent-membership.js";
import { consentBased } from "./consent-based.js";
import { decisionSound } from "./decision-sound.js";
import { disputeResolution } from "./dispute-resolution.js";
import { dueProcess } from "./due-process.js";
import { exitBeforeChange } from "./exit-before-change.js";
import { exitEntrenched } from "./exit-entrenched.js";
import { exitGuaranteed } from "./exit-guaranteed.js";
import { federationRequirements } from "./federation-requirements.js";
import { federationSubsidiarity } from "./federation-subsidiarity.js";
import { federationWithdrawal } from "./federation-withdrawal.js";
import { groupSecession } from "./group-secession.js";

export type { Evaluation, Finding, Rule, RuleContext } from "./rule.js";

/** Every rule, in catalogue order (§6.2). */
export const RULES: readonly Rule[] = [
  exitGuaranteed,
  exitEntrenched,
  exitBeforeChange,
  consentBased,
  concurrentMembership,
  groupSecession,
  amendmentStricter,
  accountableBodies,
  decisionSound,
  dueProcess,
  disputeResolution,
  federationWithdrawal,
  federationSubsidiarity,
  federationRequirements,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export { profileSeverity, ruleLevel } from "./rule.js";

/** Evaluate every property for every charter in the workspace (diagnostics not yet made). */
export function evaluateWorkspace(input: Pick<RulesInput, "charters" | "options">): Map<string, Map<PropertyId, Evaluation>> {
  const { charters, options } = input;
  const analyses = new Map<Charter, CharterAnalysis>();
  const analysisOf = (c: Charter) => {
    let a = analyses.get(c);
    if (!a) analyses.set(c, (a = analyzeCharter(c)));
    return a;
  };
  const evaluations = new Map<string, Map<PropertyId, Evaluation>>();
  const verdicts = new Map<string, Record<string, PropertyResult>>();
  const contextOf = (charter: Charter): RuleContext => ({
    charter,
    analysis: analysisOf(charter),
    options,
    maxNotice: charter.kind === "federation" ? options.maxNotice.federation : options.maxNotice.charter,
    workspace: charters,
    analysisOf,
    verdictsOf: (file) => verdicts.get(file),
  });
  const files = [...charters.keys()].sort();
  for (const pass of [false, true]) {
    for (const file of files) {
      const charter = charters.get(file)!;
      const ctx = contextOf(charter);
      let map = evaluations.get(file);
      if (!map) evaluations.set(file, (map = new Map()));
      let record = verdicts.get(file);
      if (!record) verdicts.set(file, (record = {}));
      for (const rule of RULES) {
        if (Boolean(rule.late) !== pass) continue;
        const ev = rule.evaluate(ctx);
        map.set(rule.id, ev);
        record[rule.id] = ev.result;
      }
    }
  }
  return evaluations;
}

export function runRules(input: RulesInput): RulesOutput {
  const evaluations = evaluateWorkspace(input);
  const properties = new Map<string, Readonly<Record<string, PropertyResult>>>();
  const diagnostics: Diagnostic[] = [];
  for (const file of input.targets) {
    const evs = evaluations.get(file);
    if (!evs) continue;
    const record: Record<string, PropertyResult> = {};
    for (const id of PROPERTY_IDS) {
      const ev = evs.get(id)!;
      record[id] = ev.result;
      const level = ruleLevel(input.options, id);
      if (level === "off") continue;
      const rule = RULES_BY_ID.get(id)!;
      for (const f of ev.findings) {
        diagnostics.push(
          diag(rule.code, f.file ?? file, f.span, { detail: f.message }, { rule: id, severity: level, related: f.related, help: f.help }),
        );
      }
    }
    properties.set(file, record);
  }
  diagnostics.sort(compareDiagnostics);
  return { properties, diagnostics };
}
