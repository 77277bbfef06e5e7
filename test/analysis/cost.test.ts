// cost(C) over the amendment graph: witnesses, multi-step attacks, contracts, never.
import { describe, expect, it } from "vitest";
import { analyzeCharter, describeClauseCost, renderWitness, share } from "../../src/analysis/index.js";
import { charter, charterOf } from "../rules/harness.js";
import { procedureChain } from "./chain.js";

const assembly = `
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  decision constitutional { by: assembly quorum: 50% threshold: 3/4 of votes cast }
  decision unanimous { by: assembly threshold: unanimity }`;

function exitCost(sections: string) {
  const a = analyzeCharter(charterOf(charter(assembly + sections)));
  return { a, cc: a.exit! };
}

describe("cost(exit)", () => {
  it("follows `amendments.by` by default", () => {
    const { cc } = exitCost("exit { approval: none }\namendments { by: constitutional }");
    expect(cc.cost).toEqual(share(0.375));
    expect(cc.witness).toEqual(["exit", "amendments", "decision constitutional"]);
  });

  it("counts a cheap `amendments` clause: whoever rewrites the default re-routes exit", () => {
    const { a, cc } = exitCost("exit { approval: none }\namendments { by: unanimous amendable: by ordinary }");
    expect(cc.cost).toEqual(share(0.1, true));
    expect(cc.witness).toEqual(["exit", "amendments", "decision ordinary"]);
    expect(renderWitness(cc, a.unit)).toBe("exit → amendments → decision ordinary (20% quorum × majority of votes cast = more than 10% of members)");
    expect(describeClauseCost(cc, a.unit)).toMatch(/^can be changed by more than 10% of members: exit → /);
  });

  it("multi-step: a unanimous procedure whose own decision clause falls to a 20%-quorum majority protects nothing", () => {
    const { cc } = exitCost(`
  exit { approval: none amendable: by unanimous }
  amendments { by: constitutional }
  rights { speech: "free" }`);
    // unanimous has the default protection (constitutional): 37.5%
    expect(cc.cost).toEqual(share(0.375));
    expect(cc.witness).toEqual(["exit", "decision unanimous", "decision constitutional"]);
    const worse = charterOf(
      charter(
        assembly.replace("threshold: unanimity }", "threshold: unanimity amendable: by ordinary }") + "\nexit { approval: none amendable: by unanimous }\namendments { by: constitutional }",
      ),
    );
    const w = analyzeCharter(worse).exit!;
    expect(w.cost).toEqual(share(0.1, true));
    expect(w.witness).toEqual(["exit", "decision unanimous", "decision ordinary"]);
  });

  it("counts the body clause of the procedure", () => {
    const { cc } = exitCost(`
  body elders { members: 3 seats selection: sortition amendable: by ordinary recall: by constitutional }
  decision elders-vote { by: elders threshold: unanimity amendable: never }
  exit { approval: none amendable: by elders-vote }
  amendments { by: constitutional }`);
    // 3 of 3 seats of elders — seat holders, cheaper than any member share
    expect(cc.cost).toEqual({ kind: "seats", seats: 3, of: 3, body: "elders" });
    expect(cc.witness).toEqual(["exit", "decision elders-vote"]);
  });

  it("counts the electing decision of an elected body", () => {
    const { cc } = exitCost(`
  decision general { by: assembly quorum: 50% threshold: majority of votes cast amendable: by ordinary }
  body council { members: 5 seats selection: election by general recall: by general amendable: never }
  decision council-vote { by: council threshold: unanimity amendable: never }
  exit { approval: none amendable: by council-vote }
  amendments { by: unanimous amendable: never }`);
    expect(cc.cost).toEqual(share(0.1, true));
    expect(cc.witness).toEqual(["exit", "decision general", "decision ordinary"]);
  });

  it("without an amendments section the charter is a contract: unanimity of all members", () => {
    const { a, cc } = exitCost("exit { approval: none }");
    expect(cc.cost).toEqual(share(1));
    expect(cc.witness).toEqual(["exit"]);
    expect(cc.procedure).toBeNull();
    expect(renderWitness(cc, a.unit)).toBe("exit → unanimous consent of all members");
  });

  it("`amendable: never` cannot change: cost never, empty witness", () => {
    const { a, cc } = exitCost("exit { approval: none amendable: never }\namendments { by: ordinary }");
    expect(cc.cost).toEqual({ kind: "never" });
    expect(cc.witness).toEqual([]);
    expect(renderWitness(cc, a.unit)).toBe("exit (amendable: never)");
  });

  it("treats an unresolved `amendable: by` as absent (the default applies)", () => {
    const c = charterOf(charter(assembly + "\nexit { approval: none amendable: by unanimus }\namendments { by: constitutional }"), "t.charter", { allowErrors: true });
    expect(analyzeCharter(c).exit!.witness).toEqual(["exit", "amendments", "decision constitutional"]);
  });

  it("is computed once per charter", () => {
    const c = charterOf(charter(assembly + "\nexit { approval: none }"));
    expect(analyzeCharter(c)).toBe(analyzeCharter(c));
  });

  it("finds the cheapest path through a long chain of procedures", () => {
    const c = charterOf(charter(procedureChain(1500)));
    const cc = analyzeCharter(c).exit!;
    expect(cc.cost).toEqual(share(0.05, true));
    expect(cc.witness.length).toBeLessThanOrEqual(4); // shortest path: via the default-protected decision clauses → amendments
  });
});
