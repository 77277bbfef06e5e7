// The README stays true: the verdict table of the tour matches what
// `charterc check` says about the examples, and the README's sample charter
// behaves as the README claims.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { checkText } from "./helpers/memory-host.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("states the verdicts charterc reports for every example", async () => {
    const table = README.slice(README.indexOf("<!-- verdicts:start -->"), README.indexOf("<!-- verdicts:end -->"));
    const stated = new Map<string, string[]>();
    for (const row of table.split("\n").filter((l) => l.startsWith("| `"))) {
      const cells = row.split("|").map((c) => c.trim());
      const fails = cells[3] === "—" ? [] : cells[3]!.split(",").map((s) => s.trim());
      stated.set("charters/" + cells[1]!.replace(/`/g, ""), fails.sort());
    }
    const out: string[] = [];
    const code = await main(["check", "--format", "json", "charters"], { cwd: ROOT, out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    const report = JSON.parse(out.join("\n")) as { files: { file: string; properties: Record<string, { holds: boolean }> }[] };
    const actual = new Map(report.files.map((f) => [f.file, Object.entries(f.properties).filter(([, p]) => !p.holds).map(([id]) => id).sort()]));
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(actual));
  });

  it("the sample charter holds every property, and without `amendable: never` its exit falls to more than 10%", () => {
    const sample = /```charter\n([\s\S]*?)```/.exec(README)![1]!;
    const good = checkText(sample).files[0]!;
    expect(good.diagnostics).toEqual([]);
    expect(Object.values(good.properties!).every((p) => p.holds)).toBe(true);
    const weak = checkText(sample.replace("    amendable: never\n", "")).files[0]!;
    const entrenched = weak.diagnostics.find((d) => d.code === "CH0203");
    expect(entrenched?.message).toContain("a coalition of more than 10% of members can weaken `exit`");
    expect(weak.lines.position(entrenched!.span.start)).toEqual({ line: 4, column: 3 });
  });
});
