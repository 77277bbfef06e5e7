// Coalitions through long election chains and cycles (issue 13): one pass,
// the documented cycle rule, and explanations that stay bounded (the whole
// path from `electionPath`; whole witnesses from `witness`).
import { describe, expect, it } from "vitest";
import { analyzeCharter, describeClauseCost, electionPath, renderWitness, summarisePath } from "../../src/analysis/index.js";
import { charter, charterOf } from "../rules/harness.js";
import { electionChain } from "../../bench/shapes.mjs";

function chainCharter(n: number): string {
  return Object.values(electionChain(n).files)[0]!;
}

describe("election chains", () => {
  it("a short chain explains every step, as before", () => {
    const a = analyzeCharter(charterOf(chainCharter(3)));
    expect(a.coalitions.get("decision-3")!.explanation).toBe(
      "council-3 elected by decision-2: council-2 elected by decision-1: council-1 elected by decision-0: 20% quorum × majority of votes cast",
    );
  });

  it("a long chain is summarised with its first and last steps; the whole path stays available", () => {
    const c = charterOf(chainCharter(2000), "long.charter", { allowErrors: true });
    const a = analyzeCharter(c);
    const co = a.coalitions.get("decision-2000")!;
    expect(co.cost).toEqual(a.coalitions.get("decision-0")!.cost);
    expect(co.explanation).toBe(
      "council-2000 elected by decision-1999: council-1999 elected by decision-1998: council-1998 elected by decision-1997: … 1994 more …: council-3 elected by decision-2: council-2 elected by decision-1: council-1 elected by decision-0: 20% quorum × majority of votes cast",
    );
    expect(co.electedThrough).toBe(2000);
    const path = electionPath(c, co);
    expect(path).toHaveLength(2000);
    expect(path[0]).toEqual({ body: "council-2000", elector: "decision-1999" });
    expect(path[1999]).toEqual({ body: "council-1", elector: "decision-0" });
  });

  it("mutually electing bodies: each decision is cut where the cycle returns to its body, in that body's seats", () => {
    const text = charter(`body assembly { members: all members }
decision general { by: assembly quorum: 20% threshold: majority of votes cast }
body a { members: 4 seats selection: election by elect-a recall: by general }
body b { members: 6 seats selection: election by elect-b recall: by general }
decision elect-a { by: b threshold: majority of members }
decision elect-b { by: a threshold: 3/4 of members }
decision act { by: a threshold: unanimity }
amendments { by: general }`);
    const a = analyzeCharter(charterOf(text));
    // act → a elected by elect-a (of b) → b elected by elect-b (of a): a again, so elect-b counts a's seats.
    expect(a.coalitions.get("act")!.cost).toEqual({ kind: "seats", seats: 3, of: 4, body: "a" });
    expect(a.coalitions.get("act")!.explanation).toBe("a elected by elect-a: b elected by elect-b: 3/4 of members of a (4 seats elected by elect-a, which a itself controls)");
    expect(a.coalitions.get("elect-a")!.cost).toEqual({ kind: "seats", seats: 4, of: 6, body: "b" });
    expect(a.coalitions.get("elect-b")!.cost).toEqual({ kind: "seats", seats: 3, of: 4, body: "a" });
  });

  it("a ring of 3,000 electing bodies is costed without deep recursion", () => {
    const n = 3000;
    const parts = ["body assembly { members: all members }", "decision general { by: assembly quorum: 20% threshold: majority of votes cast }", "amendments { by: general }"];
    for (let i = 0; i < n; i++) {
      parts.push(`body b${i} { members: 5 seats selection: election by e${(i + 1) % n} recall: by general }`, `decision e${i} { by: b${i} threshold: majority of members }`);
    }
    const a = analyzeCharter(charterOf(charter(parts.join("\n")), "ring.charter", { allowErrors: true }));
    expect(a.coalitions.get("e0")!.cost).toEqual({ kind: "seats", seats: 3, of: 5, body: "b0" });
    expect(a.coalitions.get("e0")!.electedThrough).toBe(n);
    expect(a.coalitions.get("e0")!.explanation.length).toBeLessThan(400);
  });
});

describe("witnesses", () => {
  it("a long witness is shown by its ends; `witness` keeps the whole path", () => {
    const parts = ["body assembly { members: all members }", "decision d0 { by: assembly quorum: 2% threshold: majority of votes cast }"];
    for (let i = 1; i < 500; i++) parts.push(`decision d${i} { by: assembly quorum: 90% threshold: majority of votes cast amendable: by d${i - 1} }`);
    parts.push("exit { approval: none amendable: by d499 }", "amendments { by: d499 }");
    const a = analyzeCharter(charterOf(charter(parts.join("\n")), "deep.charter", { allowErrors: true }));
    const exit = a.exit!;
    expect(exit.length).toBe(501);
    expect(exit.witness).toHaveLength(501);
    expect(exit.witness[0]).toBe("exit");
    expect(exit.witness[500]).toBe("decision d0");
    const shown = renderWitness(exit, a.unit);
    expect(shown).toBe(
      "exit → decision d499 → decision d498 → decision d497 → decision d496 → … 491 more … → decision d4 → decision d3 → decision d2 → decision d1 → decision d0 (2% quorum × majority of votes cast = more than 1% of members)",
    );
    expect(describeClauseCost(exit, a.unit).length).toBeLessThan(300);
    expect(summarisePath(["a", "b"])).toEqual(["a", "b"]);
  });
});

// The recursive definition the one-pass computation replaces (§6.1 with the
// documented cycle rule), kept as a reference for small charters.
import { seatsNeeded, type Cost } from "../../src/analysis/index.js";
import type { Charter, Decision } from "../../src/semantics/model.js";

function reference(charter: Charter, d: Decision, visiting: ReadonlySet<string>): { cost: Cost | "member-share"; explanation: string } | null {
  const body = d.by?.resolved ? charter.bodies.get(d.by.name) : undefined;
  if (!body || !d.threshold || !body.members) return null;
  if (body.members.kind !== "seats") return { cost: "member-share", explanation: "" };
  const sel = body.selection;
  if (sel?.kind === "election" && !visiting.has(body.name)) {
    const e = sel.by.resolved ? charter.decisions.get(sel.by.name) : undefined;
    if (e) {
      const inner = reference(charter, e, new Set([...visiting, body.name]));
      return inner && { cost: inner.cost, explanation: `${body.name} elected by ${e.name}: ${inner.explanation}` };
    }
  }
  return { cost: { kind: "seats", seats: seatsNeeded(d, d.threshold, body.members.seats), of: body.members.seats, body: body.name }, explanation: "" };
}

describe("the one pass agrees with the recursive definition", () => {
  it("on 300 random election graphs with cycles, trees and fans", () => {
    let seed = 7;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const thresholds = ["majority of members", "2/3 of votes cast", "unanimity", "consensus", "majority of votes cast"];
    for (let run = 0; run < 300; run++) {
      const nb = 1 + rand(7);
      const nd = 1 + rand(8);
      const parts = ["body assembly { members: all members }", "decision general { by: assembly quorum: 20% threshold: majority of votes cast }", "amendments { by: general }"];
      for (let i = 0; i < nb; i++) {
        const sel = rand(4);
        const how = sel === 0 ? "sortition" : sel === 1 ? "appointment by assembly" : `election by d${rand(nd)}`;
        parts.push(`body b${i} { members: ${1 + rand(9)} seats selection: ${how} recall: by general }`);
      }
      for (let i = 0; i < nd; i++) {
        const by = rand(nb + 1) === nb ? "assembly" : `b${rand(nb)}`;
        parts.push(`decision d${i} { by: ${by} ${rand(2) ? `quorum: ${10 * (1 + rand(10))}% ` : ""}threshold: ${thresholds[rand(thresholds.length)]} }`);
      }
      const c = charterOf(charter(parts.join("\n")), "r.charter", { allowErrors: true });
      const a = analyzeCharter(c);
      for (const d of c.decisions.values()) {
        const want = reference(c, d, new Set());
        const got = a.coalitions.get(d.name)!;
        if (!want) continue;
        if (want.cost !== "member-share") expect(got.cost, `${d.name} in\n${parts.join("\n")}`).toEqual(want.cost);
        expect(got.explanation.startsWith(want.explanation), `${d.name}: ${got.explanation} / ${want.explanation}`).toBe(true);
      }
    }
  });
});
