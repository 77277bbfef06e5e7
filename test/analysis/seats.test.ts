// seatsNeeded in closed form (issue 12, item 1): the same answer as the
// brute-force count of test/analysis/oracle.ts (`carries`, from first
// principles on integers) for every small seat count, quorum and threshold,
// constant work for any seat count, and a bound on seat counts (CH0120).
import { describe, expect, it } from "vitest";
import { analyzeCharter, seatsNeeded } from "../../src/analysis/index.js";
import type { Decision, Threshold } from "../../src/semantics/model.js";
import { carries, type ThresholdSpec } from "./oracle.js";
import { charter, charterOf, checkFiles } from "../rules/harness.js";

const span = { start: 0, end: 0 };

function decision(quorum: number | null, threshold: Threshold): Decision {
  return {
    kind: "decision",
    id: "decision d",
    span,
    headSpan: span,
    amendable: null,
    name: "d",
    nameSpan: span,
    by: null,
    quorum: quorum === null ? null : { value: quorum, percent: quorum * 100, span },
    threshold,
    notice: null,
    appeal: null,
  };
}

function toThreshold(t: ThresholdSpec): Threshold {
  if (t.kind !== "share") return { kind: t.kind, text: t.kind, span };
  return { kind: "share", value: t.num / t.den, strict: t.strict, base: t.base, text: `${t.num}/${t.den}`, span };
}

/** The smallest group of seat holders that carries, by trying every size (the oracle's counting rule). */
function bruteForce(t: ThresholdSpec, seats: number, present: number): number {
  for (let h = 1; h <= seats; h++) if (carries(t, h, seats, present)) return h;
  return seats;
}

const thresholds: ThresholdSpec[] = [{ kind: "unanimity" }, { kind: "consensus" }];
for (const [num, den] of [[1, 2], [2, 3], [3, 4], [3, 5], [1, 3], [1, 1], [0, 1], [5, 8], [99, 100]] as const) {
  for (const strict of [false, true]) for (const base of ["votes cast", "members"] as const) thresholds.push({ kind: "share", num, den, strict, base });
}

describe("seatsNeeded in closed form", () => {
  it("agrees with the brute-force count for 1–40 seats, every quorum k/n (n ≤ 12) and every threshold kind", () => {
    let cases = 0;
    for (let seats = 1; seats <= 40; seats++) {
      for (let n = 1; n <= 12; n++) {
        for (let k = 0; k <= n; k++) {
          const quorum = k === 0 ? null : k / n;
          // ceil(k/n × seats) on integers, as the oracle counts a quorum
          const present = k === 0 ? 0 : Math.floor((k * seats + n - 1) / n);
          for (const t of thresholds) {
            const got = seatsNeeded(decision(quorum, toThreshold(t)), toThreshold(t), seats);
            const want = bruteForce(t, seats, present);
            if (got !== want) throw new Error(`${JSON.stringify(t)} on ${seats} seats, quorum ${k}/${n}: ${got}, brute force ${want}`);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(100_000);
  });

  it("answers for billions of seats at once (no loop per seat)", () => {
    const seats = 3_000_000_000;
    expect(seatsNeeded(decision(null, { kind: "unanimity", text: "unanimity", span }), { kind: "unanimity", text: "unanimity", span }, seats)).toBe(seats);
    const maj: Threshold = { kind: "share", value: 0.5, strict: true, base: "members", text: "majority of members", span };
    expect(seatsNeeded(decision(0.5, maj), maj, seats)).toBe(1_500_000_001);
    const cast: Threshold = { kind: "share", value: 2 / 3, strict: false, base: "votes cast", text: "2/3 of votes cast", span };
    expect(seatsNeeded(decision(0.6, cast), cast, seats)).toBe(1_200_000_000);
  });
});

describe("seat counts are bounded (CH0120)", () => {
  const text = (seats: string) =>
    charter(`body assembly { members: all members }
body council { members: ${seats} seats selection: sortition term: 1 year recall: by ordinary }
decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
decision d { by: council threshold: unanimity }
amendments { by: ordinary }`);

  it("a huge seat count is an error at the number, and the body's decisions count as carried by anyone", () => {
    const r = checkFiles({ "c.charter": text("99999999999999999999") });
    const d = r.files[0]!.diagnostics.filter((x) => x.code === "CH0120");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("`99999999999999999999 seats` is more than a body can have (at most 100,000)");
    const a = analyzeCharter(r.files[0]!.charter!);
    expect(a.coalitions.get("d")!.unknown).toBe(true);
  });

  it("100,000 seats is accepted and costed exactly", () => {
    const c = charterOf(text("100000"));
    expect(analyzeCharter(c).coalitions.get("d")!.cost).toEqual({ kind: "seats", seats: 100_000, of: 100_000, body: "council" });
  });
});
