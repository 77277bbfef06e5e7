// The contract between the compiler and the property rules (§6.2).
import type { Charter } from "../semantics/model.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckOptions } from "../config/options.js";

/** One property's verdict for one file, as printed in JSON (§7). */
export interface PropertyResult {
  readonly holds: boolean;
  /** Coalition cost: a share in [0, 1], null (cannot be changed), or seat holders ("3 of 5 seats of stewards"). */
  readonly cost?: number | null | string;
  /** Clause ids along the cheapest path (`["exit", "amendments", "decision ordinary"]`). */
  readonly witness?: readonly string[];
  /** Why it fails, in words (empty when it holds). */
  readonly reasons?: readonly string[];
}

export interface RulesInput {
  /** Every charter that parsed in this run, entry files and their imports, by project-relative path. */
  readonly charters: ReadonlyMap<string, Charter>;
  /** Files whose properties are reported (the files given to `check`, and their imports). */
  readonly targets: readonly string[];
  readonly options: CheckOptions;
}

export interface RulesOutput {
  /** file → property id → verdict; every property of §6.2 for every target that parsed. */
  readonly properties: ReadonlyMap<string, Readonly<Record<string, PropertyResult>>>;
  readonly diagnostics: readonly Diagnostic[];
}
