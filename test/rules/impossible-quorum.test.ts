// §6.2 decision-sound: "every quorum is in (0%, 100%]". A quorum of 101% is
// reported (CH0107) and kept, so decision-sound fails, and a procedure whose
// quorum can never be met carries nothing: it is never the cheapest way to
// change a clause (issue 13, "Exact to the specification").
import { describe, expect, it } from "vitest";
import { analyzeCharter, describeClauseCost } from "../../src/analysis/index.js";
import { checkFiles } from "./harness.js";

const text = (quorum: string) => `charter "Q" {
  jurisdiction: personal
  exit { approval: none amendable: by easy }
  body assembly { members: all members amendable: never }
  decision easy { by: assembly quorum: ${quorum} threshold: majority of votes cast amendable: never }
  decision hard { by: assembly quorum: 50% threshold: 3/4 of votes cast }
  amendments { by: hard }
}
`;

describe("a quorum above 100%", () => {
  const r = checkFiles({ "q.charter": text("101%") });
  const f = r.files[0]!;

  it("gets CH0107 and fails decision-sound", () => {
    expect(f.diagnostics.filter((d) => d.code === "CH0107").map((d) => d.message)).toEqual(["`101%` is outside 0%–100%"]);
    expect(f.properties!["decision-sound"]!.holds).toBe(false);
    expect(f.properties!["decision-sound"]!.reasons).toContain("quorum `101%` of `easy` must be more than 0% and at most 100%");
  });

  it("can carry nothing: the clause it alone amends cannot be changed, and it is never the cheapest", () => {
    const a = analyzeCharter(f.charter!);
    expect(a.coalitions.get("easy")!.cost).toEqual({ kind: "never" });
    expect(a.coalitions.get("easy")!.explanation).toBe("101% quorum can never be met");
    expect(a.exit!.cost).toEqual({ kind: "never" });
    expect(describeClauseCost(a.exit!, a.unit)).toBe("cannot be changed: exit → decision easy (101% quorum can never be met = no one (it cannot be changed))");
    // The same procedure at 100% is costed normally (more than 50% of members).
    const ok = analyzeCharter(checkFiles({ "q.charter": text("100%") }).files[0]!.charter!);
    expect(ok.exit!.cost).toEqual({ kind: "share", value: 0.5, strict: true });
    // The cheapest clause of the charter is reached through `hard`, not through the impossible `easy`.
    const stricter = f.properties!["amendment-stricter"]!;
    expect(stricter.cost).toBe(0.375);
    expect(stricter.witness).toEqual(["amendments", "decision hard"]);
  });
});
