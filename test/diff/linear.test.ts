// The semantic diff and `compare` stay linear on every shape of issue 13:
// doubling the input costs at most 2.1× the counted work (counted, not timed:
// test/helpers/work-meter.ts, imported first so that it counts). Each side
// is checked once when the input is made; what is counted is the diff
// itself (matching, field comparison, verdicts, costs, rendering), with the
// analyses already cached per charter as in the CLI — so a diff never
// re-runs an analysis, and its own work is measured on its own.
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, describe, expect, it } from "vitest";
import { compareCharters, comparisonToJson, comparisonToMarkdown, comparisonToText } from "../../src/diff/compare.js";
import { diffCharters, sideOf, type DiffSide } from "../../src/diff/index.js";
import { diffsToJson, diffsToMarkdown, diffToText } from "../../src/diff/render.js";
import { SHAPES } from "../../bench/shapes.mjs";
import { checkFiles, checkText } from "../helpers/memory-host.js";

afterAll(stopWorkMeter);

const LIMIT = 2.1;

function charter(name: string, parts: readonly string[], amendBy = "ordinary"): string {
  return [
    `charter "${name}" {`,
    '  version: "1.0.0"',
    "  jurisdiction: personal",
    '  membership { eligibility: "any person" admission: open expulsion: by ordinary }',
    "  exit { approval: none notice: 14 days penalty: none retains: property, data amendable: never }",
    "  body assembly { members: all members }",
    "  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }",
    ...parts.map((p) => `  ${p}`),
    `  amendments { by: ${amendBy} delay: 30 days }`,
    '  rights { speech: "Members may speak freely." }',
    '  disputes { by: "an arbiter both parties accept" }',
    "}",
    "",
  ].join("\n");
}

/** `decision d-i { quorum: 90% amendable: by d-(i-1) }`, d-0 at 2%: every cheapest path runs the whole chain. */
function deepAmendable(n: number, edit = false): string {
  const parts = ["decision d-0 { by: assembly quorum: 2% threshold: majority of votes cast }"];
  for (let i = 1; i < n; i++) {
    const quorum = edit && i === Math.ceil(n / 2) ? 80 : 90;
    parts.push(`decision d-${i} { by: assembly quorum: ${quorum}% threshold: majority of votes cast amendable: by d-${i - 1} }`);
  }
  return charter("Deep Amendable Chain", parts, `d-${n - 1}`);
}

/** Every decision renamed between the versions, each with contents no other decision has. */
function renamedDecisions(n: number, prefix: string): string {
  const thresholds = ["majority of votes cast", "2/3 of votes cast", "3/4 of members", "unanimity", "majority of members"];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`decision ${prefix}-${i} { by: assembly quorum: ${1 + (i % 99)}% threshold: ${thresholds[Math.floor(i / 99) % thresholds.length]} notice: ${1 + Math.floor(i / 495)} days }`);
  }
  return charter("Renamed Decisions", parts);
}

/** `body council-i { members: 5 seats selection: election by decision-(i-1) }` + `decision decision-i { by: council-i }`; one quorum edited. */
function electionChain(n: number, edit = false): string {
  const parts = ["decision decision-0 { by: assembly quorum: 20% threshold: majority of votes cast }"];
  for (let i = 1; i <= n; i++) {
    parts.push(`body council-${i} { members: 5 seats selection: election by decision-${i - 1} }`);
    parts.push(`decision decision-${i} { by: council-${i} quorum: ${edit && i === Math.ceil(n / 2) ? 60 : 50}% threshold: majority of votes cast }`);
  }
  return charter("Election Chain", parts, `decision-${n}`);
}

function side(text: string, file: string): DiffSide {
  const r = checkText(text, "shape.charter");
  const s = sideOf(r, "shape.charter", file);
  if (!s) throw new Error("the shape did not resolve");
  return s;
}

/** Both versions, checked (analyses cached per charter). */
const versions = (make: (n: number, second: boolean) => string) => (n: number) => ({ old: side(make(n, false), "old.charter"), new: side(make(n, true), "new.charter") });

/** The diff in every format, as the CLI produces it. */
function diffAll(v: { old: DiffSide; new: DiffSide }): void {
  const d = diffCharters(v.old, v.new);
  diffToText(d);
  diffsToMarkdown([d]);
  JSON.stringify(diffsToJson([d]));
}

describe("diff", () => {
  it("two versions of the deep amendable chain (one quorum edited)", () => {
    const sample = diffCharters(versions(deepAmendable)(40).old, versions(deepAmendable)(40).new);
    expect(sample.changes.map((c) => `${c.clause}.${c.field}`)).toEqual(["decision d-20.quorum"]);
    const { small, large, ratio } = doublingRatio(versions(deepAmendable), diffAll, 300);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });

  it("every decision renamed, unique contents: renames are matched by buckets, not all pairs", () => {
    const make = versions((n, second) => renamedDecisions(n, second ? "new" : "old"));
    const sample = diffCharters(make(60).old, make(60).new);
    expect(sample.changes.length).toBe(60);
    expect(sample.changes.every((c) => c.kind === "renamed" && c.oldClause === c.clause.replace("new-", "old-"))).toBe(true);
    const { small, large, ratio } = doublingRatio(make, diffAll, 500);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });

  it("every decision renamed and every reference following it: a chain of 300 renames is paired whole, in linear work", () => {
    const make = versions((n, second) => deepAmendable(n).replaceAll(/\bd-(\d+)/g, second ? "e-$1" : "d-$1"));
    // Each link is unlocked by the previous one (d-i says `amendable: by d-(i-1)`), one round per link.
    const sample = diffCharters(make(300).old, make(300).new);
    expect(sample.changes.filter((c) => c.kind !== "renamed")).toEqual([]);
    expect(sample.changes.filter((c) => c.kind === "renamed").length).toBe(300);
    const { small, large, ratio } = doublingRatio(make, diffAll, 300);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });

  it("an election chain with one quorum edited", () => {
    const sample = diffCharters(versions(electionChain)(20).old, versions(electionChain)(20).new);
    expect(sample.changes.map((c) => `${c.clause}.${c.field}`)).toEqual(["decision decision-10.quorum"]);
    const { small, large, ratio } = doublingRatio(versions(electionChain), diffAll, 100);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });

  it("long lists (retains, rights) compared by sets", () => {
    const make = (n: number) => {
      const items = Array.from({ length: n }, (_, i) => `item-${i}`);
      const rights = Array.from({ length: n }, (_, i) => `r${i}: "Right number ${i}."`);
      const text = (second: boolean) =>
        charter("Lists", [])
          .replace("retains: property, data", `retains: ${(second ? items.slice(1) : items).join(", ")}`)
          .replace('rights { speech: "Members may speak freely." }', `rights { ${(second ? rights.map((r) => r.replace(/^r/, "s")) : rights).join(" ")} }`);
      return { old: side(text(false), "old.charter"), new: side(text(true), "new.charter") };
    };
    const sample = diffCharters(make(10).old, make(10).new);
    expect(sample.changes.filter((c) => c.kind === "renamed").length).toBe(10);
    const { small, large, ratio } = doublingRatio(make, diffAll, 1000);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });
});

describe("compare", () => {
  it("two deep amendable chains side by side", () => {
    const make = (n: number) => [side(deepAmendable(n), "a.charter"), side(deepAmendable(n, true), "b.charter")].map((s) => ({ file: s.file, charter: s.charter, properties: s.properties }));
    const run = (inputs: ReturnType<typeof make>) => {
      const c = compareCharters(inputs);
      comparisonToText(c);
      comparisonToMarkdown(c);
      JSON.stringify(comparisonToJson(c));
    };
    const { small, large, ratio } = doublingRatio(make, run, 300);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
  });
});

describe("check both versions and diff them, on every diff shape of the zoo (bench/shapes.mjs)", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (!shape.commands.includes("diff")) continue;
    it(`${name} (${shape.testN} → ${2 * shape.testN})`, () => {
      const { small, large, ratio } = doublingRatio(
        (n) => shape.make(n),
        (input) => {
          const file = input.entries[0]!;
          const o = sideOf(checkFiles({ ...input.files, ...input.previous }, input.entries), file, "old");
          const n = sideOf(checkFiles(input.files, input.entries), file, "new");
          diffAll({ old: o!, new: n! });
        },
        shape.testN,
      );
      if (process.env.LINEAR_REPORT) console.log(`diff ${name}: ${ratio.toFixed(3)}`);
      expect(ratio, `${small} → ${large} block executions`).toBeLessThanOrEqual(LIMIT);
    });
  }
});
