// coalition(P) per the §6.1 table, and the cost order.
import { describe, expect, it } from "vitest";
import { analyzeCharter, compareCost, type Cost, costToJson, describeCoalition, formatCost, NEVER, share } from "../../src/analysis/index.js";
import { charter, charterOf } from "../rules/harness.js";

function coalition(decisions: string, bodies = "body assembly { members: all members }", name = "d"): { cost: Cost; text: string } {
  const c = charterOf(charter(`${bodies}\n${decisions}\namendments { by: ${name} }`));
  const a = analyzeCharter(c);
  const co = a.coalitions.get(name)!;
  return { cost: co.cost, text: describeCoalition(co, a.unit) };
}

describe("coalition(P) for a body of all members", () => {
  it("X of members → X", () => {
    const r = coalition("decision d { by: assembly threshold: 2/3 of members }");
    expect(r.cost).toEqual(share(2 / 3));
    expect(r.text).toBe("2/3 of members = 66.67% of members");
  });
  it("majority of members → more than 50%", () => {
    expect(coalition("decision d { by: assembly threshold: majority of members }").cost).toEqual(share(0.5, true));
  });
  it("a quorum does not raise an `of members` threshold: others present vote against", () => {
    expect(coalition("decision d { by: assembly quorum: 80% threshold: 1/3 of members }").cost).toEqual(share(1 / 3));
  });
  it("X of votes cast with quorum q → q × X, strict for majority", () => {
    const r = coalition("decision d { by: assembly quorum: 20% threshold: majority of votes cast }");
    expect(r.cost).toEqual(share(0.1, true));
    expect(r.text).toBe("20% quorum × majority of votes cast = more than 10% of members");
    expect(coalition("decision d { by: assembly quorum: 60% threshold: 3/4 of votes cast }").cost).toMatchObject({ kind: "share", strict: false });
    expect((coalition("decision d { by: assembly quorum: 60% threshold: 3/4 of votes cast }").cost as { value: number }).value).toBeCloseTo(0.45);
  });
  it("X of votes cast without quorum → 0: one member can carry it", () => {
    const r = coalition("decision d { by: assembly threshold: 2/3 of votes cast }");
    expect(r.cost).toEqual(share(0));
    expect(r.text).toBe("2/3 of votes cast without quorum = a single member");
  });
  it("consensus with quorum q → q; without quorum → 0", () => {
    expect(coalition("decision d { by: assembly quorum: 30% threshold: consensus }").cost).toEqual(share(0.3));
    expect(coalition("decision d { by: assembly threshold: consensus }").cost).toEqual(share(0));
  });
  it("unanimity → 1", () => {
    const r = coalition("decision d { by: assembly threshold: unanimity }");
    expect(r.cost).toEqual(share(1));
    expect(r.text).toBe("unanimity = all members");
  });
});

describe("coalition(P) for a seated body", () => {
  const members = "body assembly { members: all members }\ndecision general { by: assembly quorum: 40% threshold: majority of votes cast }";
  it("elected: coalition of the electing decision", () => {
    const r = coalition(
      "decision d { by: council threshold: unanimity }",
      `${members}\nbody council { members: 5 seats selection: election by general term: 1 year recall: by general }`,
    );
    expect(r.cost).toEqual(share(0.2, true));
    expect(r.text).toBe("council elected by general: 40% quorum × majority of votes cast = more than 20% of members");
  });
  it("sortition: seat holders, smallest number that carries", () => {
    const body = `${members}\nbody stewards { members: 5 seats selection: sortition recall: by general }`;
    expect(coalition("decision d { by: stewards threshold: majority of votes cast quorum: 100% }", body).cost).toEqual({ kind: "seats", seats: 3, of: 5, body: "stewards" });
    // 60% quorum of 5 seats: 3 present, more than half of them is 2
    expect(coalition("decision d { by: stewards quorum: 60% threshold: majority of votes cast }", body).cost).toEqual({ kind: "seats", seats: 2, of: 5, body: "stewards" });
    expect(coalition("decision d { by: stewards threshold: majority of members }", body).cost).toEqual({ kind: "seats", seats: 3, of: 5, body: "stewards" });
    expect(coalition("decision d { by: stewards threshold: unanimity }", body).cost).toEqual({ kind: "seats", seats: 5, of: 5, body: "stewards" });
    expect(coalition("decision d { by: stewards threshold: consensus }", body).cost).toEqual({ kind: "seats", seats: 1, of: 5, body: "stewards" });
    expect(formatCost({ kind: "seats", seats: 3, of: 5, body: "stewards" })).toBe("3 of 5 seats of stewards");
  });
  it("appointment: seat holders", () => {
    const body = `${members}\nbody panel { members: 3 seats selection: appointment by assembly recall: by general }`;
    expect(coalition("decision d { by: panel threshold: 2/3 of members }", body).cost).toEqual({ kind: "seats", seats: 2, of: 3, body: "panel" });
  });
  it("a body elected by a decision of itself is held by its seat holders (cycle guarded)", () => {
    const body = `${members}\nbody council { members: 4 seats selection: election by renew recall: by general }\ndecision renew { by: council threshold: majority of members }`;
    const r = coalition("decision d { by: council threshold: unanimity }", body);
    expect(r.cost).toEqual({ kind: "seats", seats: 3, of: 4, body: "council" });
  });
});

describe("federations", () => {
  it("reads the table with member communities; `1 seat per member` is all members", () => {
    const c = charterOf(`federation "F" {
  powers: defense
  body council { members: 1 seat per member }
  decision d { by: council quorum: 50% threshold: 2/3 of votes cast }
  amendments { by: d }
  exit { approval: none }
}`);
    const a = analyzeCharter(c);
    expect(a.unit).toBe("member communities");
    expect((a.coalitions.get("d")!.cost as { value: number }).value).toBeCloseTo(1 / 3);
    expect(formatCost(a.coalitions.get("d")!.cost, a.unit)).toBe("33.33% of member communities");
  });
});

describe("the cost order", () => {
  it("seats < share(0) ≤ … ≤ share(1) < never; strict is dearer at equal value", () => {
    const seats: Cost = { kind: "seats", seats: 5, of: 5, body: "b" };
    const order = [seats, share(0), share(0.1), share(0.1, true), share(0.5), share(1), NEVER];
    for (let i = 0; i < order.length; i++)
      for (let j = 0; j < order.length; j++) expect(Math.sign(compareCost(order[i]!, order[j]!))).toBe(Math.sign(i - j));
    expect(compareCost({ kind: "seats", seats: 1, of: 5, body: "a" }, { kind: "seats", seats: 3, of: 5, body: "a" })).toBeLessThan(0);
  });
  it("renders for people and for JSON", () => {
    expect(formatCost(share(0.1, true))).toBe("more than 10% of members");
    expect(formatCost(share(2 / 3))).toBe("66.67% of members");
    expect(formatCost(share(1))).toBe("all members");
    expect(formatCost(share(0))).toBe("a single member");
    expect(formatCost(NEVER)).toBe("no one (it cannot be changed)");
    expect(costToJson(share(0.3 * (2 / 3)))).toBe(0.2);
    expect(costToJson(NEVER)).toBeNull();
    expect(costToJson({ kind: "seats", seats: 3, of: 5, body: "stewards" })).toBe("3 of 5 seats of stewards");
  });
});
