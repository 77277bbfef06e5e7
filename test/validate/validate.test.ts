// Records checked against a charter: valid logs pass, each kind of failure
// is caught at the record's line, hostile files are refused without harm.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import type { Charter } from "../../src/semantics/model.js";
import { validateRecords } from "../../src/validate/index.js";
import { checkText } from "../helpers/memory-host.js";

const FIX = "test/validate/fixtures";
const charter: Charter = (() => {
  const r = checkText(fs.readFileSync(`${FIX}/village.charter`, "utf8"), "village.charter");
  const f = r.files[0]!;
  expect(f.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return f.charter!;
})();

function run(name: string) {
  const text = fs.readFileSync(`${FIX}/${name}`, "utf8");
  const r = validateRecords({ file: name, text, charter });
  return r.diagnostics.map((d) => ({ code: d.code, line: r.lines.position(d.span.start).line, message: d.message }));
}

/** The line of the first occurrence of `needle` in a fixture. */
function lineOf(name: string, needle: string): number {
  const lines = fs.readFileSync(`${FIX}/${name}`, "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  expect(i, `${needle} in ${name}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe("valid logs pass", () => {
  test.each(["valid.yaml", "valid.json"])("%s", (name) => {
    expect(run(name)).toEqual([]);
  });
});

describe("each failure kind is caught with the record's line", () => {
  const cases: [file: string, code: string, at: string, words: RegExp][] = [
    ["quorum.yaml", "CH0403", "present: 19", /decision `thin-meeting`.*19 of 100 present.*20% quorum.*20 needed/],
    ["threshold-votes-cast.yaml", "CH0404", "for: 15", /decision `tie-vote`.*more than 50% of the 30 votes cast/],
    ["threshold-members.yaml", "CH0404", "for: 45", /at least 66.67% of all 90 members/],
    ["consensus.yaml", "CH0405", "objections: 2", /over 2 objections.*consensus/],
    ["unanimity.yaml", "CH0406", "for: 89", /89 of 90 in favour.*unanimity/],
    ["never.yaml", "CH0407", "amends: exit", /amends `exit`.*amendable: never/],
    ["too-early.yaml", "CH0408", "effective: 2024-05-15", /14 days after adoption.*60 days delay/],
    ["wrong-procedure.yaml", "CH0409", "procedure: ordinary", /only the `members-vote` procedure amends it/],
    ["exit-refused.yaml", "CH0410", "status: refused", /exit notice of `dana`: the exit was refused/],
    ["exit-delayed.yaml", "CH0411", "effective: 2024-05-01", /61 days after notice.*30 days of notice/],
    ["notice.yaml", "CH0414", "announced:", /announced 2 days before the vote.*7 days of notice/],
    ["counts.yaml", "CH0412", "for: 6", /6 for, 2 against and 0 abstaining make more than the 5 present/],
  ];
  test.each(cases)("%s → %s", (file, code, at, words) => {
    const found = run(file);
    expect(found.map((f) => f.code)).toEqual([code]);
    expect(found[0]!.line).toBe(lineOf(file, at));
    expect(found[0]!.message).toMatch(words);
  });

  test("a structural error names the record and its line, and the other records are still checked", () => {
    const found = run("schema.yaml");
    expect(found.map((f) => [f.code, f.line])).toEqual([
      ["CH0402", lineOf("schema.yaml", "procedure: secret-council")],
      ["CH0403", lineOf("schema.yaml", "present: 1")],
    ]);
    expect(found[0]!.message).toMatch(/decision `mystery`: `procedure` expected one of `ordinary`, `members-vote`/);
  });

  test("an exit refused under `approval: by` needs a decision of that procedure", () => {
    const r = checkText(fs.readFileSync(`${FIX}/village.charter`, "utf8").replace("approval: none", "approval: by members-vote"), "v.charter");
    const strict = r.files[0]!.charter!;
    const log = [
      "decisions:",
      "  - { id: no, procedure: ordinary, date: 2024-01-01, members: 10, present: 5, for: 3, against: 2, outcome: adopted }",
      "  - { id: ok, procedure: members-vote, date: 2024-01-01, members: 10, present: 8, for: 7, against: 1, outcome: adopted }",
      "exits:",
      "  - { member: a, notified: 2024-01-01, status: refused }",
      "  - { member: b, notified: 2024-01-01, status: refused, decision: no }",
      "  - { member: c, notified: 2024-01-01, status: refused, decision: ok }",
    ].join("\n");
    const res = validateRecords({ file: "log.yaml", text: log, charter: strict });
    expect(res.diagnostics.map((d) => [d.code, res.lines.position(d.span.start).line])).toEqual([
      ["CH0410", 5],
      ["CH0410", 6],
    ]);
  });

  test("a penalty on leaving, a member without explicit consent, a different charter name", () => {
    const log = [
      "charter: Someone Else",
      "members:",
      "  - { id: a, joined: 2024-01-01, consent: by birth }",
      "exits:",
      "  - { member: a, notified: 2024-01-01, effective: 2024-01-02, status: completed, penalty: forfeit of deposit }",
      "  - { member: zed, notified: 2024-01-01, status: pending }",
    ].join("\n");
    const res = validateRecords({ file: "log.yaml", text: log, charter });
    expect(res.diagnostics.map((d) => [d.code, res.lines.position(d.span.start).line])).toEqual([
      ["CH0417", 1],
      ["CH0415", 3],
      ["CH0413", 5],
      ["CH0416", 6],
    ]);
  });

  test("impossible dates are reported, not misread", () => {
    const log = "decisions:\n  - { id: x, procedure: ordinary, date: 2024-02-30, members: 10, present: 5, for: 3, against: 2, outcome: adopted }\n";
    const res = validateRecords({ file: "log.yaml", text: log, charter });
    expect(res.diagnostics.map((d) => d.code)).toEqual(["CH0402"]);
    expect(res.diagnostics[0]!.message).toMatch(/`2024-02-30` is not a calendar date/);
  });
});

describe("hostile input is refused with a clear error", () => {
  test.each([
    ["alias-bomb.yaml", /alias/i],
    ["deep.yaml", /nesting deeper than 64 levels/],
    ["proto.yaml", /key `__proto__` is not allowed/],
    ["constructor.json", /key `constructor` is not allowed/],
  ])("%s", (name, message) => {
    const found = run(name);
    expect(found).toHaveLength(1);
    expect(found[0]!.code).toBe("CH0401");
    expect(found[0]!.message).toMatch(message);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test("an oversized file is refused before parsing", () => {
    const text = "members:\n" + "  - { id: a, joined: 2024-01-01 }\n".repeat(200_000);
    const r = validateRecords({ file: "big.yaml", text, charter });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["CH0401"]);
    expect(r.diagnostics[0]!.message).toMatch(/larger than/);
  });

  test("two very deep flow sequences in one run do not abort the process", () => {
    const deep = "x: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
    for (let i = 0; i < 2; i++) expect(validateRecords({ file: "d.yaml", text: deep, charter }).diagnostics[0]!.code).toBe("CH0401");
  });

  test("a scalar or a list at the top is a structural error, not a crash", () => {
    for (const text of ["just text\n", "- 1\n- 2\n", "", "null\n"]) {
      const r = validateRecords({ file: "x.yaml", text, charter });
      expect(r.diagnostics.every((d) => d.code === "CH0402" || d.code === "CH0401"), text).toBe(true);
    }
  });
});
