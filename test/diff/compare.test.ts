// `charterc compare`: charters side by side, on the example charters.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { run, schemaErrors } from "./helpers.js";

const ROOT = path.resolve(".");
const FILES = ["test/diff/cases/exit-weakened/old.charter", "test/diff/cases/exit-weakened/new.charter", "test/diff/cases/federation-power/new.charter"];

describe("compare", () => {
  test("json validates and puts each term side by side", async () => {
    const r = await run(["compare", ...FILES, "--format", "json"], ROOT);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(schemaErrors("compare", j)).toBe("");
    expect(j.charters.map((c: { name: string }) => c.name)).toEqual(["Free Commons", "Free Commons", "Watershed League"]);
    const row = (key: string) => j.rows.find((x: { key: string }) => x.key === key).values;
    expect(row("exit.approval")).toEqual([["none"], ["by ordinary"], ["none"]]);
    expect(row("exit.notice")).toEqual([["immediately"], ["5 years"], ["90 days"]]);
    expect(row("property:exit-guaranteed")).toEqual([["holds"], ["fails"], ["holds"]]);
    expect(row("exit.cost")).toEqual([["no one (it cannot be changed)"], ["no one (it cannot be changed)"], ["no one (it cannot be changed)"]]);
    expect(row("decisions")[0]).toEqual(["ordinary: majority of votes cast, 20% quorum, by assembly", "expel: 2/3 of votes cast, 30% quorum, by assembly", "constitutional: 3/4 of votes cast, 50% quorum, by assembly"]);
    expect(row("admission")).toEqual([["open"], ["open"], ["by admit"]]);
  });

  test("text and markdown tables", async () => {
    const t = await run(["compare", ...FILES], ROOT);
    expect(t.code).toBe(0);
    const lines = t.out.split("\n");
    expect(lines[0]).toMatch(/^\s+Free Commons\s+Free Commons\s+Watershed League$/);
    expect(t.out).toMatch(/exit notice\s+immediately\s+5 years\s+90 days/);
    const m = await run(["compare", ...FILES, "--format", "markdown"], ROOT);
    const rows = m.out.split("\n");
    expect(rows[1]).toBe("|---|---|---|---|");
    expect(m.out).toContain("| exit approval | none | by ordinary | none |");
    expect(m.out).toContain("ordinary: majority of votes cast, 20% quorum, by assembly<br>expel: 2/3");
    expect(rows[0]).toContain("**Free Commons**<br>`test/diff/cases/exit-weakened/old.charter`");
  });

  test("a file that does not parse is reported with file:line:col and exit 1", async () => {
    const r = await run(["compare", "test/diff/cases/identical/old.charter", "test/diff/cases/nope.charter"], ROOT);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.charter/);
  });
});
