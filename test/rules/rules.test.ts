// runRules: profiles, overrides, the JSON shape of verdicts, message style,
// and the cross-file federation rules.
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, type Profile } from "../../src/config/options.js";
import { PROPERTY_IDS } from "../../src/language/properties.js";
import { profileSeverity, RULES, runRules } from "../../src/rules/index.js";
import { charter, checkFiles, fileResult } from "./harness.js";

// Fails every property it can on its own.
const BAD = charter(`
  membership { eligibility: "residents" admission: open consent: by residence concurrent: forbidden expulsion: by expel }
  exit { approval: by ordinary notice: 1 year penalty: "a fine" }
  body assembly { members: all members }
  body council { members: 3 seats selection: sortition }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  decision expel { by: assembly quorum: 30% threshold: 2/3 of votes cast }
  decision sloppy { by: assembly quorum: 40% threshold: 1/2 of votes cast }
  amendments { by: ordinary delay: 0 days }`).replace("jurisdiction: personal", 'jurisdiction: territorial "the bay"');

const GOOD = charter(`
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property amendable: never }
  body assembly { members: all members }
  decision constitutional { by: assembly quorum: 50% threshold: 3/4 of votes cast }
  amendments { by: constitutional }
  disputes { by: "an arbiter both parties accept" }`);

describe("verdicts", () => {
  it("every property for every file, with cost and witness for the cost-based ones", () => {
    const r = checkFiles({ "bad.charter": BAD, "good.charter": GOOD });
    for (const file of ["bad.charter", "good.charter"]) {
      const p = fileResult(r, file).properties!;
      expect(Object.keys(p)).toEqual([...PROPERTY_IDS]);
      for (const id of ["exit-entrenched", "exit-guaranteed", "amendment-stricter"]) {
        expect(p[id]).toHaveProperty("witness");
        expect(p[id]).toHaveProperty("cost");
      }
    }
    const good = fileResult(r, "good.charter").properties!;
    expect(good["exit-entrenched"]).toEqual({ holds: true, cost: null, witness: [] });
    expect(Object.values(good).every((v) => v.holds)).toBe(true);
    const bad = fileResult(r, "bad.charter").properties!;
    expect(bad["exit-entrenched"]).toMatchObject({ holds: false, cost: 0.1, witness: ["exit", "amendments", "decision ordinary"] });
    const failing = Object.entries(bad).filter(([, v]) => !v.holds).map(([k]) => k);
    expect(failing.sort()).toEqual(
      ["exit-guaranteed", "exit-entrenched", "exit-before-change", "consent-based", "concurrent-membership", "group-secession", "amendment-stricter", "accountable-bodies", "decision-sound", "due-process", "dispute-resolution"].sort(),
    );
  });

  it("a failing property carries its reasons; a holding one none", () => {
    const p = fileResult(checkFiles({ "bad.charter": BAD }), "bad.charter").properties!;
    expect(p["due-process"]!.reasons!.length).toBe(2);
    expect(p["federation-withdrawal"]!.reasons).toBeUndefined();
  });

  it("decision-sound fails on unresolved references without a second diagnostic", () => {
    const text = charter(`
  exit { approval: none retains: property amendable: by nobody }
  disputes { by: "someone" }`);
    const f = fileResult(checkFiles({ "a.charter": text }), "a.charter");
    expect(f.properties!["decision-sound"]!.holds).toBe(false);
    expect(f.properties!["decision-sound"]!.reasons).toEqual(["`nobody` does not resolve"]);
    expect(f.diagnostics.filter((d) => d.rule === "decision-sound")).toEqual([]);
    expect(f.diagnostics.some((d) => d.code === "CH0110")).toBe(true);
  });
});

describe("profiles and overrides (§8)", () => {
  const severities = (profile: Profile, rules = {}) => {
    const f = fileResult(checkFiles({ "bad.charter": BAD }, { profile, rules }), "bad.charter");
    const out: Record<string, Set<string>> = {};
    for (const d of f.diagnostics) if (d.rule) (out[d.rule] ??= new Set()).add(d.severity);
    return out;
  };

  it("recommended: decision-sound error, others warning", () => {
    const s = severities("recommended");
    expect([...s["decision-sound"]!]).toEqual(["error"]);
    for (const [rule, set] of Object.entries(s)) if (rule !== "decision-sound") expect([...set], rule).toEqual(["warning"]);
  });

  it("panarchy: also exit-guaranteed, consent-based, concurrent-membership, federation-withdrawal errors", () => {
    const s = severities("panarchy");
    for (const rule of ["decision-sound", "exit-guaranteed", "consent-based", "concurrent-membership"]) expect([...s[rule]!], rule).toEqual(["error"]);
    for (const rule of ["due-process", "accountable-bodies", "group-secession"]) expect([...s[rule]!], rule).toEqual(["warning"]);
    // The non-entrenched exit is exit-guaranteed's error here, not also exit-entrenched's warning.
    expect(s["exit-entrenched"]).toBeUndefined();
    expect(profileSeverity("panarchy", "exit-entrenched")).toBe("warning");
    expect(profileSeverity("panarchy", "federation-withdrawal")).toBe("error");
  });

  describe("a non-entrenched or missing exit is one diagnostic, by the stricter of exit-guaranteed and exit-entrenched", () => {
    const WEAK = charter(`
  exit { approval: none retains: property }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  amendments { by: ordinary }`);
    const NONE = charter(`
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }`);
    const exitDiags = (text: string, profile: Profile, rules: Record<string, string> = {}) => {
      const f = fileResult(checkFiles({ "a.charter": text }, { profile, rules: rules as never }), "a.charter");
      const ds = f.diagnostics.filter((d) => d.rule === "exit-guaranteed" || d.rule === "exit-entrenched").map((d) => `${d.code} ${d.severity} ${d.span.start}`);
      return { ds, props: f.properties! };
    };
    const cases: [string, Profile, Record<string, string>, string][] = [
      ["equal levels: exit-entrenched carries the weak exit", "recommended", {}, "CH0203 warning"],
      ["strict: still one, exit-entrenched's", "strict", {}, "CH0203 error"],
      ["panarchy: exit-guaranteed is the error", "panarchy", {}, "CH0202 error"],
      ["exit-guaranteed set to error", "recommended", { "exit-guaranteed": "error" }, "CH0202 error"],
      ["exit-entrenched off: exit-guaranteed reports it", "recommended", { "exit-entrenched": "off" }, "CH0202 warning"],
      ["exit-guaranteed off: exit-entrenched reports it", "recommended", { "exit-guaranteed": "off" }, "CH0203 warning"],
    ];
    for (const [name, profile, rules, want] of cases) {
      it(name, () => {
        const { ds, props } = exitDiags(WEAK, profile, rules);
        expect(ds.length, ds.join("\n")).toBe(1);
        expect(ds[0]).toMatch(new RegExp(`^${want} `));
        // Both verdicts still fail, each with the fact among its reasons.
        expect(props["exit-guaranteed"]!.holds).toBe(false);
        expect(props["exit-entrenched"]!.holds).toBe(false);
        expect(props["exit-guaranteed"]!.reasons!.some((r) => r.startsWith("exit is not entrenched: a coalition of more than 10% of members"))).toBe(true);
        expect(props["exit-entrenched"]!.reasons).toEqual(["a coalition of more than 10% of members can weaken `exit`: exit → amendments → decision ordinary (20% quorum × majority of votes cast)"]);
      });
    }
    it("no exit section: exit-guaranteed carries it when the levels are equal, exit-entrenched when it is stricter", () => {
      const a = exitDiags(NONE, "recommended");
      expect(a.ds.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["CH0202 warning"]);
      expect(a.props["exit-entrenched"]!.reasons).toEqual(["`Test` has no `exit` section, so nothing protects a member's way out"]);
      const b = exitDiags(NONE, "recommended", { "exit-entrenched": "error" });
      expect(b.ds.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["CH0203 error"]);
      expect(b.props["exit-guaranteed"]!.reasons).toEqual(["`Test` has no `exit` section, so a member has no guaranteed way to leave"]);
    });
  });

  it("strict: every property an error", () => {
    for (const set of Object.values(severities("strict"))) expect([...set]).toEqual(["error"]);
    for (const id of PROPERTY_IDS) expect(profileSeverity("strict", id)).toBe("error");
  });

  it("rules: overrides set the severity; off drops diagnostics but keeps the verdict", () => {
    const r = checkFiles({ "bad.charter": BAD }, { rules: { "due-process": "error", "exit-entrenched": "off", "decision-sound": "info" } });
    const f = fileResult(r, "bad.charter");
    expect(f.diagnostics.filter((d) => d.rule === "due-process").every((d) => d.severity === "error")).toBe(true);
    expect(f.diagnostics.filter((d) => d.rule === "exit-entrenched")).toEqual([]);
    expect(f.diagnostics.filter((d) => d.rule === "decision-sound").every((d) => d.severity === "info")).toBe(true);
    expect(f.properties!["exit-entrenched"]!.holds).toBe(false);
  });

  it("reports only targets, sorted", () => {
    const r = checkFiles({ "bad.charter": BAD });
    const charterModel = fileResult(r, "bad.charter").charter!;
    const out = runRules({ charters: new Map([["bad.charter", charterModel]]), targets: [], options: DEFAULT_OPTIONS });
    expect(out.properties.size).toBe(0);
    expect(out.diagnostics).toEqual([]);
  });
});

describe("messages", () => {
  it("are one sentence, no capital, no final period; codes match the rule", () => {
    const r = checkFiles({ "bad.charter": BAD }, { profile: "strict" });
    const ds = fileResult(r, "bad.charter").diagnostics.filter((d) => d.rule);
    expect(ds.length).toBeGreaterThan(10);
    const codeOf = new Map<string, string>(RULES.map((x) => [x.id, x.code]));
    for (const d of ds) {
      expect(d.message, d.message).toMatch(/^[^A-Z]/);
      expect(d.message, d.message).not.toMatch(/\.$/);
      expect(d.message, d.message).not.toMatch(/\.\s+[A-Za-z]/);
      expect(d.code).toBe(codeOf.get(d.rule!));
      for (const rel of d.related ?? []) expect(rel.message).not.toMatch(/\.$/);
    }
  });

  it("the exit-entrenched message names the coalition and the path", () => {
    const text = charter(`
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  decision unanimous { by: assembly threshold: unanimity }
  amendments { by: unanimous amendable: by ordinary }`);
    const f = fileResult(checkFiles({ "a.charter": text }), "a.charter");
    const d = f.diagnostics.find((x) => x.rule === "exit-entrenched")!;
    expect(d.message).toBe("a coalition of more than 10% of members can weaken `exit`: exit → amendments → decision ordinary (20% quorum × majority of votes cast)");
    expect(f.text.slice(d.span.start, d.span.end)).toBe("exit");
    expect(d.related!.map((x) => f.text.slice(x.span.start, x.span.end).split(/\s+/)[0])).toEqual(["amendments", "decision"]);
  });
});

describe("federation rules across files", () => {
  const FED = `federation "League" {
  jurisdiction: personal
  powers: defense, trade
  requires: exit-guaranteed, consent-based
  exit { approval: none notice: 1 year retains: property amendable: never }
  body council { members: 1 seat per member }
  decision council-vote { by: council quorum: 50% threshold: 2/3 of votes cast }
  amendments { by: council-vote }
  disputes { by: council }
}
`;
  const MEMBER = (tie: string, exit = "exit { approval: none retains: property amendable: never }") => `import "./league.charter" as league
charter "Member" {
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  ${exit}
  disputes { by: "someone" }
  member of league { ${tie} }
}
`;

  it("requirements: a member failing a required property gets a diagnostic on its tie, related to the federation's requires", () => {
    const r = checkFiles({ "league.charter": FED, "m.charter": MEMBER("delegates: defense, trade withdrawal: unilateral", "exit { approval: by nobody-knows }") });
    const m = fileResult(r, "m.charter");
    const d = m.diagnostics.filter((x) => x.rule === "federation-requirements");
    expect(d.map((x) => x.message)).toEqual(["federation `League` requires `exit-guaranteed`, which this charter does not satisfy"]);
    expect(m.text.slice(d[0]!.span.start, d[0]!.span.end)).toMatch(/^member of league/);
    expect(d[0]!.related![0]!.file).toBe("league.charter");
    const fed = fileResult(r, "league.charter");
    expect(fed.properties!["federation-requirements"]).toMatchObject({ holds: false, reasons: ["member `m.charter` does not satisfy `exit-guaranteed`"] });
    expect(m.properties!["federation-requirements"]!.holds).toBe(false);
  });

  it("subsidiarity: missing delegations are reported on the tie; the federation fails too", () => {
    const r = checkFiles({ "league.charter": FED, "m.charter": MEMBER("delegates: defense withdrawal: unilateral") });
    const m = fileResult(r, "m.charter");
    expect(m.diagnostics.filter((x) => x.rule === "federation-subsidiarity").map((x) => x.message)).toEqual([
      "federation `League` claims the power `trade` that this community does not delegate",
    ]);
    expect(fileResult(r, "league.charter").properties!["federation-subsidiarity"]!.holds).toBe(false);
    expect(fileResult(r, "league.charter").diagnostics.filter((x) => x.rule === "federation-subsidiarity")).toEqual([]);
  });

  it("a federation checked alone holds the member-dependent properties trivially", () => {
    const r = checkFiles({ "league.charter": FED });
    const p = fileResult(r, "league.charter").properties!;
    expect(p["federation-subsidiarity"]!.holds).toBe(true);
    expect(p["federation-requirements"]!.holds).toBe(true);
    expect(p["federation-withdrawal"]!.holds).toBe(true);
  });

  it("withdrawal uses the federation max-notice", () => {
    const text = MEMBER("delegates: defense, trade withdrawal: unilateral, notice 400 days");
    expect(fileResult(checkFiles({ "league.charter": FED, "m.charter": text }), "m.charter").properties!["federation-withdrawal"]!.holds).toBe(true);
    const tight = checkFiles({ "league.charter": FED, "m.charter": text }, { maxNotice: { charter: 30, federation: 365 } });
    expect(fileResult(tight, "m.charter").properties!["federation-withdrawal"]!.holds).toBe(false);
  });
});
