// Records diagnostics read as a careful user expects: a misspelt field is
// named, with the field it resembles, and underlined at the key; counts of
// days agree in number; a file of many bad records gives a bounded report.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import type { Charter } from "../../src/semantics/model.js";
import { MAX_FINDINGS_PER_CODE, validateRecords } from "../../src/validate/index.js";
import { checkText } from "../helpers/memory-host.js";

const charter: Charter = checkText(fs.readFileSync("test/validate/fixtures/village.charter", "utf8"), "village.charter").files[0]!.charter!;

function run(text: string) {
  const r = validateRecords({ file: "r.yaml", text, charter });
  return r.diagnostics.map((d) => ({ code: d.code, at: text.slice(d.span.start, d.span.end), line: r.lines.position(d.span.start).line, message: d.message, help: d.help }));
}

const DECISION = (extra: string) => `decisions:
  - id: d1
    procedure: members-vote
    date: 2024-05-01
    members: 90
    present: 80
    for: 70
${extra}    outcome: adopted
`;

describe("a misspelt field", () => {
  test("`agianst: 10` is named, with `against` suggested, at the key — not reported as a missing `against`", () => {
    const ds = run(DECISION("    agianst: 10\n"));
    expect(ds).toEqual([{ code: "CH0402", at: "agianst", line: 8, message: "decision `d1`: unknown field `agianst`", help: "did you mean `against`?" }]);
  });

  test("`anounced:` gets a did-you-mean and is underlined at the key", () => {
    const ds = run(DECISION("    against: 10\n    anounced: 2024-04-01\n"));
    expect(ds).toEqual([{ code: "CH0402", at: "anounced", line: 9, message: "decision `d1`: unknown field `anounced`", help: "did you mean `announced`?" }]);
  });

  test("every misspelt field of a record is named; a field like no other gets no suggestion", () => {
    const ds = run(DECISION("    agianst: 10\n    colour: blue\n"));
    expect(ds.map((d) => d.message)).toEqual(["decision `d1`: unknown field `agianst`", "decision `d1`: unknown field `colour`"]);
    expect(ds[1]!.help).toBeUndefined();
  });

  test("a misspelt list at the top is named too (`decisons` → `decisions`)", () => {
    const ds = run("decisons: []\n");
    expect(ds).toEqual([{ code: "CH0402", at: "decisons", line: 1, message: "unknown field `decisons`", help: "did you mean `decisions`?" }]);
  });

  test("a member's and an exit notice's fields too", () => {
    const ds = run("members:\n  - { id: ana, joned: 2024-01-01 }\nexits:\n  - { member: ana, notifed: 2024-02-01, status: pending }\n");
    expect(ds.map((d) => [d.at, d.help])).toEqual([
      ["joned", "did you mean `joined`?"],
      ["notifed", "did you mean `notified`?"],
    ]);
  });
});

describe("days agree in number", () => {
  test("takes effect 1 day after adoption", () => {
    const ds = run(DECISION("    against: 10\n    amends: disputes\n    effective: 2024-05-02\n"));
    expect(ds.map((d) => d.message)).toEqual(["decision `d1`: takes effect 1 day after adoption, before the 60 days delay of `amendments` has passed"]);
  });

  test("announced 1 day before the vote; 2 days stays plural", () => {
    const one = run(DECISION("    against: 10\n    announced: 2024-04-30\n"));
    const two = run(DECISION("    against: 10\n    announced: 2024-04-29\n"));
    expect(one.map((d) => d.message).join("\n")).toMatch(/announced 1 day before the vote/);
    expect(two.map((d) => d.message).join("\n")).toMatch(/announced 2 days before the vote/);
  });
});

describe("many bad records", () => {
  test(`at most ${MAX_FINDINGS_PER_CODE} findings of a code, then one line counting the rest`, () => {
    const n = 1000;
    const ds = run("members:\n" + "  - {x: 1}\n".repeat(n));
    expect(ds).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
    expect(ds.at(-1)!.message).toBe(`and ${n - MAX_FINDINGS_PER_CODE} more CH0402 findings in this file (only the first ${MAX_FINDINGS_PER_CODE} are shown)`);
  });
});

describe("the worst records file within the limits", () => {
  test("4 MiB of `- {x: 1}` is refused while it is read (CH0401, the node limit), at the node that crosses it", () => {
    const line = "  - {x: 1}\n";
    const text = "members:\n" + line.repeat(Math.floor((4 * 1024 * 1024 - 16) / line.length));
    const r = validateRecords({ file: "r.yaml", text, charter });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["CH0401"]);
    expect(r.diagnostics[0]!.message).toBe("cannot read the records: more than 200,000 YAML nodes (split the records into several files)");
    // 1 node for `members`, 4 for each record: the 200,001st node is in record 50,000.
    expect(r.lines.position(r.diagnostics[0]!.span.start).line).toBe(1 + 50_000);
  });

  test("just under the limit, every record is read and the report stays short", () => {
    const text = "members:\n" + "  - {x: 1}\n".repeat(49_000);
    const r = validateRecords({ file: "r.yaml", text, charter });
    expect(r.counts.members).toBe(49_000);
    expect(r.diagnostics).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
  });
});
