// What a property rule is: an id from §6.2, its registry code, and an
// `evaluate` that returns the verdict plus findings (failures located at the
// clause responsible). Severity is not the rule's business: `runRules` sets
// it from the profile and the `rules:` overrides.
import type { Span } from "../ast/ast.js";
import type { Code } from "../diagnostics/codes.js";
import type { RelatedLocation } from "../diagnostics/diagnostic.js";
import type { CheckOptions, Profile, RuleLevel } from "../config/options.js";
import type { Severity } from "../diagnostics/diagnostic.js";
import type { PropertyId } from "../language/properties.js";
import type { Charter, Clause, Tie } from "../semantics/model.js";
import { type CharterAnalysis, type ClauseCost, ends, type WitnessStep } from "../analysis/index.js";
import { formatCost, type MemberUnit } from "../analysis/cost.js";
import type { PropertyResult } from "./api.js";

export interface Finding {
  /** Defaults to the charter being evaluated. */
  readonly file?: string;
  readonly span: Span;
  /** The message: one sentence, no capital, no final period, user input in backticks. */
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly help?: string;
}

export interface Evaluation {
  readonly result: PropertyResult;
  readonly findings: readonly Finding[];
}

export interface RuleContext {
  readonly charter: Charter;
  readonly analysis: CharterAnalysis;
  readonly options: CheckOptions;
  /** Longest acceptable exit notice for this charter's kind, in days. */
  readonly maxNotice: number;
  /** Every charter that parsed in this run, by project-relative path. */
  readonly workspace: ReadonlyMap<string, Charter>;
  analysisOf(charter: Charter): CharterAnalysis;
  /** Verdicts of the per-charter properties of another charter (used by `federation-requirements`). */
  verdictsOf(file: string): Readonly<Record<string, PropertyResult>> | undefined;
}

export interface Rule {
  readonly id: PropertyId;
  readonly code: Code;
  /** Evaluated after every other rule, on every charter (it reads their verdicts). */
  readonly late?: boolean;
  evaluate(ctx: RuleContext): Evaluation;
}

const PANARCHY_ERRORS: ReadonlySet<PropertyId> = new Set(["exit-guaranteed", "consent-based", "concurrent-membership", "federation-withdrawal"]);

/** The severity a profile gives a property (§8). */
export function profileSeverity(profile: Profile, id: string): Severity {
  if (profile === "strict") return "error";
  if (id === "decision-sound") return "error";
  if (profile === "panarchy" && PANARCHY_ERRORS.has(id as PropertyId)) return "error";
  return "warning";
}

/** The level in force for a rule: the `rules:` override, else the profile's severity. */
export function ruleLevel(options: CheckOptions, id: string): RuleLevel {
  return options.rules[id] ?? profileSeverity(options.profile, id);
}

const LEVEL_RANK: Readonly<Record<RuleLevel, number>> = { off: 0, info: 1, warning: 2, error: 3 };

/**
 * Two rules that fail for the same fact at the same place (a missing or
 * weakly protected `exit` fails both exit-guaranteed and exit-entrenched)
 * report it once: the finding is made by the rule whose level is stricter,
 * `preferred` when the levels are equal. The other rule keeps the fact among
 * its verdict's reasons but makes no diagnostic of it.
 */
export function reportedBy(options: CheckOptions, preferred: PropertyId, other: PropertyId): PropertyId {
  return LEVEL_RANK[ruleLevel(options, other)] > LEVEL_RANK[ruleLevel(options, preferred)] ? other : preferred;
}

export function holds(extra: Partial<PropertyResult> = {}): Evaluation {
  return { result: { holds: true, ...extra }, findings: [] };
}

/** A failing verdict whose reasons are the findings' messages (plus any extra reasons). */
export function fails(findings: readonly Finding[], extra: Partial<PropertyResult> = {}, reasons?: readonly string[]): Evaluation {
  return { result: { holds: false, ...extra, reasons: reasons ?? findings.map((f) => f.message) }, findings };
}

export function verdict(findings: readonly Finding[], extra: Partial<PropertyResult> = {}, reasons: readonly string[] = []): Evaluation {
  if (findings.length === 0 && reasons.length === 0) return holds(extra);
  return fails(findings, extra, [...findings.map((f) => f.message), ...reasons]);
}

/**
 * Related locations along a witness path, each saying why the step matters.
 * A long path gets its first and last few steps (summarisePath's ends), not
 * one location per step; only those steps are kept while the path is walked,
 * and only their clauses are looked for.
 */
export function witnessRelated(charter: Charter, cc: ClauseCost, unit: MemberUnit): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const shown = 5;
  // Steps 0..shown and the last shown + 1 (each shown step needs the one before it).
  const { head, tail, total } = ends(cc.walk(), shown + 1, shown + 1);
  const long = total > 2 * shown + 2;
  const picked: { step: WitnessStep; prev: string; i: number }[] = [];
  const all = [...head, ...tail];
  for (let k = 1; k < all.length; k++) {
    const i = k < head.length ? k : total - all.length + k;
    if (long && i > shown && i < total - shown) continue;
    picked.push({ step: all[k]!, prev: all[k - 1]!.id, i });
  }
  const wanted = new Set(picked.map((p) => p.step.id));
  const byId = new Map<string, Clause>();
  for (const c of charter.clauses) if (wanted.has(c.id)) byId.set(c.id, c);
  for (const { step, prev, i } of picked) {
    const clause = byId.get(step.id);
    if (!clause) continue;
    let message: string;
    switch (step.edge) {
      case "amender":
        message = cc.procedure
          ? `\`${cc.procedure.decision}\` amends \`${prev}\` and is carried by ${describeShort(cc, unit)}`
          : `\`${step.id}\` amends \`${prev}\``;
        break;
      case "decision":
        message = `whoever can rewrite \`${step.id}\` can make the procedure that amends \`${prev}\` trivial`;
        break;
      case "control":
        message = `whoever can rewrite \`${step.id}\` controls who carries the procedure that amends \`${prev}\``;
        break;
      case "default":
        message = `whoever can rewrite \`${step.id}\` can re-route \`${prev}\`, which follows the default protection`;
        break;
      default:
        message = `step ${i} of the path`;
    }
    out.push({ file: charter.file, span: clause.headSpan, message });
  }
  return out;
}

function describeShort(cc: ClauseCost, unit: MemberUnit): string {
  return `${cc.procedure!.explanation} = ${formatCost(cc.cost, unit)}`;
}

/** A limit in days as people write it: `30 days`, `2 years`. */
export function days(n: number): string {
  if (n >= 365 && n % 365 === 0) return `${n / 365} ${n === 365 ? "year" : "years"}`;
  return `${n} ${n === 1 ? "day" : "days"}`;
}

const memberIndex = new WeakMap<ReadonlyMap<string, Charter>, Map<string, { member: Charter; tie: Tie }[]>>();

/**
 * The ties that name federation file `fed`, with their member charters, in
 * file order then tie order. Indexed once per workspace (linear in charters
 * and ties), so federation rules never rescan the workspace per federation.
 */
export function tiesTo(workspace: ReadonlyMap<string, Charter>, fed: string): readonly { member: Charter; tie: Tie }[] {
  let index = memberIndex.get(workspace);
  if (!index) {
    index = new Map();
    for (const member of [...workspace.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      for (const tie of member.ties) {
        if (!tie.federationFile) continue;
        let list = index.get(tie.federationFile);
        if (!list) index.set(tie.federationFile, (list = []));
        list.push({ member, tie });
      }
    }
    memberIndex.set(workspace, index);
  }
  return index.get(fed) ?? [];
}
