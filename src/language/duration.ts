// Duration units (§2): months count 30 days and years 365, for comparisons only.
export const UNIT_DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;

/** Days in a duration written as text (`30 days`, `2 years`, `immediately`), or undefined. */
export function parseDurationText(text: string): number | undefined {
  const t = text.trim();
  if (t === "immediately") return 0;
  const m = /^(\d+(?:\.\d+)?)[ \t]+(day|week|month|year)s?$/.exec(t);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_DAYS[m[2] as keyof typeof UNIT_DAYS];
}

/** A duration in words for messages: 730 → "2 years", 14 → "2 weeks", 0 → "0 days". */
export function formatDays(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days > 0 && days % 365 === 0) return plural(days / 365, "year");
  if (days > 0 && days % 30 === 0) return plural(days / 30, "month");
  if (days > 0 && days % 7 === 0) return plural(days / 7, "week");
  return plural(days, "day");
}
