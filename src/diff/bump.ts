// The version bump a diff calls for, checked against the `version` fields.
import type { Bump, BumpCheck } from "./types.js";

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1+build` (pre-release and build ignored); null otherwise. */
export function parseSemver(text: string | null | undefined): SemVer | null {
  const m = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+][0-9A-Za-z.+-]*)?$/.exec((text ?? "").trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : null;
}

export function declaredBump(a: SemVer, b: SemVer): Bump | "downgrade" {
  const d = Math.sign(b.major - a.major) || Math.sign(b.minor - a.minor) || Math.sign(b.patch - a.patch);
  if (d < 0) return "downgrade";
  if (d === 0) return "none";
  return b.major !== a.major ? "major" : b.minor !== a.minor ? "minor" : "patch";
}

export function suggestBump(weakens: boolean, strengthens: boolean, changed: boolean): Bump {
  return weakens ? "major" : strengthens ? "minor" : changed ? "patch" : "none";
}

export function checkBump(suggested: Bump, oldVersion: string | null, newVersion: string | null): BumpCheck {
  const a = parseSemver(oldVersion);
  const b = parseSemver(newVersion);
  const declared = a && b ? declaredBump(a, b) : null;
  let warning: string | null = null;
  if (declared === "downgrade") warning = `the version goes down (${oldVersion} → ${newVersion})`;
  else if (declared === null) {
    if (suggested !== "none") {
      const bad = oldVersion === null || newVersion === null ? "a `version` field is missing" : "a `version` field is not a semantic version";
      warning = `${bad}, so the ${suggested} bump cannot be checked`;
    }
  } else if (RANK[declared] < RANK[suggested]) {
    const says = declared === "none" ? "the version does not change" : `the version declares a ${declared} bump`;
    warning = `${says} (${oldVersion} → ${newVersion}), but the changes call for a ${suggested} bump`;
  }
  return { suggested, oldVersion, newVersion, declared, warning };
}
