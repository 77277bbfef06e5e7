// `charterc compare`: charters side by side, on the example charters.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";
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

  test("a file outside the project root is refused exactly as `check` refuses it", async () => {
    const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-compare-root-")));
    try {
      const project = path.join(top, "project");
      fs.mkdirSync(path.join(project, "charters"), { recursive: true });
      fs.mkdirSync(path.join(top, "outside"));
      fs.writeFileSync(path.join(project, "charterc.yaml"), "profile: recommended\n");
      const text = fs.readFileSync("test/diff/cases/identical/old.charter", "utf8");
      fs.writeFileSync(path.join(project, "charters/in.charter"), text);
      fs.writeFileSync(path.join(top, "outside/x.charter"), text);
      const checked = await run(["check", "../outside/x.charter", "--format", "json"], project);
      const code = JSON.parse(checked.out).files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code));
      expect(checked.code).toBe(1);
      expect(code).toHaveLength(1);
      const compared = await run(["compare", "charters/in.charter", "../outside/x.charter"], project);
      expect(compared.code).toBe(1);
      expect(compared.err).toContain(code[0]);
      expect(compared.err).toContain("outside the project root");
      // The charter inside the root is still compared; the outside one is no column.
      expect(compared.out.split("\n")[1]).toMatch(/^\s+charters\/in\.charter$/);
    } finally {
      fs.rmSync(top, { recursive: true, force: true });
    }
  });

  test("one check for all arguments: a shared import chain is read once, not once per argument", async () => {
    const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-compare-once-")));
    try {
      fs.mkdirSync(path.join(top, "charters"));
      const base = fs.readFileSync("test/diff/cases/identical/old.charter", "utf8");
      const n = 12;
      for (let i = 0; i < n; i++) {
        const imp = i + 1 < n ? `import "./f${i + 1}.charter" as next\n` : "";
        fs.writeFileSync(path.join(top, `charters/f${i}.charter`), imp + base.replace('"Free Commons"', `"F${i}"`));
      }
      const opened = vi.spyOn(fs, "openSync");
      const args = Array.from({ length: n }, (_, i) => `charters/f${i}.charter`);
      const r = await run(["compare", ...args, "--format", "json"], top);
      const reads = opened.mock.calls.map((c) => String(c[0])).filter((p) => p.endsWith(".charter"));
      opened.mockRestore();
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).charters.map((c: { name: string }) => c.name)).toEqual(args.map((_, i) => `F${i}`));
      // Each file opened once (one check() over all arguments, which share the chain).
      expect(reads).toHaveLength(n);
      expect(new Set(reads).size).toBe(n);
    } finally {
      fs.rmSync(top, { recursive: true, force: true });
    }
  });
});
