// The result of a semantic diff between two versions of one charter. Every
// string here is plain text in words; renderers escape it for their format.
import type { Charter } from "../semantics/model.js";
import type { PropertyResult } from "../rules/api.js";
import type { LineIndex } from "../text/line-index.js";

/** How a change affects the members, from their side. */
export type Effect = "weakens" | "strengthens" | "neutral";

/** Which guarantee a change touches. */
export type Dimension =
  | "exit"
  | "voice"
  | "due process"
  | "jurisdiction and consent"
  | "federation"
  | "amendment"
  | "rights"
  | "secession"
  | "general";

export const DIMENSIONS: readonly Dimension[] = [
  "exit",
  "voice",
  "due process",
  "jurisdiction and consent",
  "federation",
  "amendment",
  "rights",
  "secession",
  "general",
];

export type ChangeKind = "added" | "removed" | "renamed" | "changed";

export interface Change {
  readonly kind: ChangeKind;
  /** Clause id in the new version (the old one for a removed clause); `charter` for top-level fields. */
  readonly clause: string;
  /** Clause id in the old version when it differs (renamed clauses). */
  readonly oldClause: string | null;
  /** Field name for `changed`, or a sub-item (`rights speech`); null for whole clauses. */
  readonly field: string | null;
  /** The old and new values in words (null when absent). */
  readonly old: string | null;
  readonly new: string | null;
  readonly dimension: Dimension;
  readonly effect: Effect;
  /** What it means for members, one sentence without a final period. */
  readonly description: string;
  /** 1-based lines of the clause or field in each version, when known. */
  readonly oldLine: number | null;
  readonly newLine: number | null;
}

export type Verdict = "holds" | "fails" | "absent";

export interface PropertyChange {
  readonly id: string;
  readonly old: Verdict;
  readonly new: Verdict;
  readonly effect: Effect;
  /** Why it fails now (or failed before, when it now holds). */
  readonly reasons: readonly string[];
  /** The witness of the side that fails. */
  readonly witness: readonly string[];
}

export interface CostSide {
  /** §7 form: share in [0, 1], null = cannot be changed, or seat holders. */
  readonly cost: number | null | string;
  /** In words: "more than 10% of members". */
  readonly text: string;
  /** Cheapest path, rendered: "exit → amendments → decision ordinary (…)". */
  readonly witness: string;
}

export interface CostChange {
  /** Clause id (`exit`, `rights`, `membership`). */
  readonly clause: string;
  /** "cost to weaken exit". */
  readonly label: string;
  readonly old: CostSide | null;
  readonly new: CostSide | null;
  readonly effect: Effect;
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface BumpCheck {
  readonly suggested: Bump;
  readonly oldVersion: string | null;
  readonly newVersion: string | null;
  /** The bump the two `version` fields declare, or null when either is missing or not semver. */
  readonly declared: Bump | "downgrade" | null;
  /** Set when the declared bump is smaller than suggested, or cannot be checked while changes exist. */
  readonly warning: string | null;
}

export interface Summary {
  readonly weakens: number;
  readonly strengthens: number;
  readonly neutral: number;
}

export interface CharterDiff {
  readonly oldFile: string;
  readonly newFile: string;
  readonly name: string;
  readonly kind: "charter" | "federation";
  readonly changes: readonly Change[];
  readonly properties: readonly PropertyChange[];
  readonly costs: readonly CostChange[];
  readonly bump: BumpCheck;
  readonly summary: Summary;
}

/** One side of a diff: the resolved model and what `check()` found. */
export interface DiffSide {
  readonly file: string;
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
  readonly lines: LineIndex | null;
  /** Other charters of the same check (imports), by project-relative path: federations' powers. */
  readonly charters?: ReadonlyMap<string, Charter>;
}

export const isEmptyDiff = (d: CharterDiff): boolean => d.changes.length === 0 && d.properties.length === 0 && d.costs.length === 0;
