// Golden diffs: test/diff/cases/<name>/{old,new}.charter → expected.{txt,md,json}.
// Rewrite the expected files with `npx vitest run test/diff -u`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { run, schemaErrors } from "./helpers.js";

const CASES = path.resolve("test/diff/cases");
const names = fs.readdirSync(CASES).filter((n) => fs.existsSync(path.join(CASES, n, "old.charter"))).sort();

interface JsonDiff {
  diffs: {
    empty: boolean;
    changes: { kind: string; clause: string; oldClause: string | null; field: string | null; dimension: string; effect: string }[];
    properties: { id: string; old: string; new: string; effect: string }[];
    costs: { label: string; effect: string; old: { text: string } | null; new: { text: string; witness: string } | null }[];
    bump: { suggested: string; declared: string | null; warning: string | null };
  }[];
  summary: { weakens: number; strengthens: number; neutral: number; bump: string };
}

async function diffJson(name: string): Promise<JsonDiff> {
  const r = await run(["diff", "old.charter", "new.charter", "--format", "json"], path.join(CASES, name));
  return JSON.parse(r.out) as JsonDiff;
}

describe("golden diffs", () => {
  test("every case is present", () => {
    expect(names).toEqual(expect.arrayContaining(["exit-weakened", "procedure-renamed", "quorum-raised", "federation-power", "identical", "formatted"]));
  });

  for (const name of names) {
    test(`${name}: text, markdown and json`, async () => {
      const cwd = path.join(CASES, name);
      const text = await run(["diff", "old.charter", "new.charter", "--no-color"], cwd);
      const md = await run(["diff", "old.charter", "new.charter", "--format", "markdown"], cwd);
      const json = await run(["diff", "old.charter", "new.charter", "--format", "json"], cwd);
      for (const r of [text, md, json]) {
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
      }
      await expect(text.out).toMatchFileSnapshot(path.join(cwd, "expected.txt"));
      await expect(md.out).toMatchFileSnapshot(path.join(cwd, "expected.md"));
      await expect(json.out).toMatchFileSnapshot(path.join(cwd, "expected.json"));
      expect(schemaErrors("diff", JSON.parse(json.out))).toBe("");
    });
  }
});

describe("what each golden case says", () => {
  test("exit gains an approval step and five years' notice: weakens, major bump, bump warning", async () => {
    const j = await diffJson("exit-weakened");
    const d = j.diffs[0]!;
    const fields = d.changes.map((c) => `${c.clause}.${c.field}:${c.effect}:${c.dimension}`);
    expect(fields).toEqual(["exit.approval:weakens:exit", "exit.notice:weakens:exit"]);
    expect(d.properties.find((p) => p.id === "exit-guaranteed")).toMatchObject({ old: "holds", new: "fails", effect: "weakens" });
    expect(d.bump.suggested).toBe("major");
    expect(d.bump.declared).toBe("minor");
    expect(d.bump.warning).toMatch(/major/);
  });

  test("exit loses its entrenchment: the cost to weaken exit moves, with its witness", async () => {
    const d = (await diffJson("exit-unentrenched")).diffs[0]!;
    const cost = d.costs.find((c) => c.label === "cost to weaken exit")!;
    expect(cost.effect).toBe("weakens");
    expect(cost.old?.text).toBe("no one (it cannot be changed)");
    expect(cost.new?.text).toBe("more than 10% of members");
    expect(cost.new?.witness).toMatch(/^exit → decision ordinary/);
    expect(d.properties.find((p) => p.id === "exit-entrenched")).toMatchObject({ old: "holds", new: "fails" });
    expect(d.bump).toMatchObject({ suggested: "major", declared: "major", warning: null });
  });

  test("a procedure renamed with all its references is one neutral rename", async () => {
    const d = (await diffJson("procedure-renamed")).diffs[0]!;
    expect(d.changes).toEqual([expect.objectContaining({ kind: "renamed", clause: "decision everyday", oldClause: "decision ordinary", effect: "neutral" })]);
    expect(d.properties).toEqual([]);
    expect(d.bump.suggested).toBe("patch");
  });

  test("a quorum raised strengthens voice (minor bump)", async () => {
    const d = (await diffJson("quorum-raised")).diffs[0]!;
    expect(d.changes).toEqual([expect.objectContaining({ clause: "decision ordinary", field: "quorum", dimension: "voice", effect: "strengthens" })]);
    expect(d.bump.suggested).toBe("minor");
  });

  test("a federation gaining a power its members did not delegate weakens", async () => {
    const d = (await diffJson("federation-power")).diffs[0]!;
    expect(d.changes).toEqual([expect.objectContaining({ clause: "federation", field: "powers", dimension: "federation", effect: "weakens" })]);
    expect(d.bump.suggested).toBe("major");
  });

  test("identical files and a reformatted file produce an empty diff", async () => {
    for (const name of ["identical", "formatted"]) {
      const j = await diffJson(name);
      expect(j.diffs[0]!.empty).toBe(true);
      expect(j.summary).toMatchObject({ weakens: 0, strengthens: 0, neutral: 0, bump: "none" });
    }
    // The reformatted copy really differs as text.
    const a = fs.readFileSync(path.join(CASES, "formatted/old.charter"), "utf8");
    const b = fs.readFileSync(path.join(CASES, "formatted/new.charter"), "utf8");
    expect(a).not.toBe(b);
  });
});
