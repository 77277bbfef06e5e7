// The property ids of §6.2, in catalogue order. `requires:` in a federation
// is checked against this list; rules in src/rules/ implement each one.
export const PROPERTY_IDS = [
  "exit-guaranteed",
  "exit-entrenched",
  "exit-before-change",
  "consent-based",
  "concurrent-membership",
  "group-secession",
  "amendment-stricter",
  "accountable-bodies",
  "decision-sound",
  "due-process",
  "dispute-resolution",
  "federation-withdrawal",
  "federation-subsidiarity",
  "federation-requirements",
] as const;

export type PropertyId = (typeof PROPERTY_IDS)[number];

export function isPropertyId(s: string): s is PropertyId {
  return (PROPERTY_IDS as readonly string[]).includes(s);
}
