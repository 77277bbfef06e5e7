// Field values in words, as the diff shows them ("by board-vote", "5 years",
// "20% quorum"). Plain text: renderers escape it.
import type { Appeal, BodyMembers, Duration, NoneOrBy, Selection, Threshold, Withdrawal } from "../semantics/model.js";

export const noneOrBy = (v: NoneOrBy | null | undefined): string | null => (v ? (v.kind === "none" ? "none" : `by ${v.decision.name}`) : null);
export const duration = (d: Duration | null | undefined): string | null => (d ? d.text : null);
export const quorum = (q: { percent: number } | null): string | null => (q ? `${q.percent}%` : null);
export const threshold = (t: Threshold | null): string | null => (t ? t.text : null);

export function appeal(a: Appeal | null): string | null {
  if (!a) return null;
  return a.kind === "none" ? "none" : a.kind === "body" ? `to ${a.body.name}` : `to "${a.text}"`;
}

export function members(m: BodyMembers | null): string | null {
  if (!m) return null;
  return m.kind === "all" ? "all members" : m.kind === "per-member" ? "1 seat per member" : `${m.seats} ${m.seats === 1 ? "seat" : "seats"}`;
}

export function selection(s: Selection | null): string | null {
  if (!s) return null;
  return s.kind === "election" ? `election by ${s.by.name}` : s.kind === "appointment" ? `appointment by ${s.by.name}` : "sortition";
}

export function withdrawal(w: Withdrawal | null): string | null {
  if (!w) return null;
  const how = w.kind === "unilateral" ? "unilateral" : `by ${w.decision.name}`;
  return w.notice ? `${how}, notice ${w.notice.text}` : how;
}

export const list = (items: readonly string[]): string => (items.length === 0 ? "nothing" : items.join(", "));

/** "a", "a and b", "a, b and c". */
export function and(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
