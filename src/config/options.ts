// Options that shape a check run (§8). Pure data: loading `charterc.yaml`
// from disk happens in src/project/config-file.ts.
import type { Severity } from "../diagnostics/diagnostic.js";

export type Profile = "recommended" | "panarchy" | "strict";
export type RuleLevel = "off" | Severity;

export interface CheckOptions {
  readonly profile: Profile;
  /** Per-rule overrides from `rules:` in charterc.yaml. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Longest acceptable exit notice, in days (§6.2 max-notice). */
  readonly maxNotice: { readonly charter: number; readonly federation: number };
}

export const DEFAULT_OPTIONS: CheckOptions = {
  profile: "recommended",
  rules: {},
  maxNotice: { charter: 30, federation: 730 },
};
