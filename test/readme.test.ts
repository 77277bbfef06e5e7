// The README stays true: every command it shows runs, through the installed
// package (packed with `npm pack` and installed from the tarball, see
// test/adoption/helpers/pack.ts), in a project holding the example charters,
// and prints what the README says it prints; the verdict table of the tour
// matches what `charterc check` says about the examples; and the README's
// sample charter behaves as the README claims.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { examples, project, type Project } from "./adoption/helpers/pack.js";
import { checkText } from "./helpers/memory-host.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

interface Command {
  /** The command line as printed. */
  line: string;
  /** What the README shows it printing (text blocks: the lines after `$ …`), or null. */
  output: string | null;
}

/** Every command in the README's `sh` blocks (each line, comments dropped) and `text` blocks (`$ …` lines and what follows). */
function readmeCommands(readme: string): Command[] {
  const out: Command[] = [];
  for (const m of readme.matchAll(/^```(sh|text)\n([\s\S]*?)^```$/gm)) {
    const lines = m[2]!.replace(/\n$/, "").split("\n");
    if (m[1] === "sh") {
      for (const l of lines) {
        const line = l.replace(/\s+#.*$/, "").trim();
        if (line && !line.startsWith("#")) out.push({ line, output: null });
      }
      continue;
    }
    let cur: Command | null = null;
    for (const l of lines) {
      if (l.startsWith("$ ")) {
        cur = { line: l.slice(2), output: "" };
        out.push(cur);
      } else if (cur) cur.output += (cur.output ? "\n" : "") + l;
    }
  }
  return out;
}

/**
 * Commands a project that installed charterc cannot run as they are, and
 * where each is covered instead. Anything else the README shows is run.
 */
const ELSEWHERE: Record<string, string> = {
  "npm ci": "the repository's own install; every test runs after it",
  "npm pack": "test/adoption/helpers/pack.ts packs the repository once per run",
  "npm install --save-dev ../charterc/charterc-0.1.0.tgz": "needs the registry for dependencies; pack.ts installs the same tarball offline (npm ci from a lockfile) — the tarball name is checked below",
  "npm ci && npx charterc check charters": "a clone's check of the examples: the verdict table test below",
  "npm test": "this test suite",
};

let proj: Project;

beforeAll(async () => {
  proj = await project(examples("charters"));
}, 900_000);

afterAll(() => proj?.remove());

describe("every command in the README, run through the installed package", () => {
  const commands = readmeCommands(README);

  it("finds the README's commands, and each is run here or covered elsewhere", () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const skipped = commands.filter((c) => !c.line.includes("npx charterc") || c.line.startsWith("npm ")).map((c) => c.line);
    expect(skipped.sort()).toEqual(Object.keys(ELSEWHERE).sort());
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
    expect(README).toContain(`${pkg.name}-${pkg.version}.tgz`);
  });

  it.each(commands.filter((c) => !(c.line in ELSEWHERE)).map((c) => [c.line, c] as const))("%s", (_line, c) => {
    fs.rmSync(path.join(proj.dir, "charterc.yaml"), { force: true });
    const r = spawnSync("bash", ["-c", c.line], {
      cwd: proj.dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, npm_config_offline: "true", npm_config_update_notifier: "false" },
    });
    fs.rmSync(path.join(proj.dir, "charterc.yaml"), { force: true });
    const printed = (r.stdout + r.stderr).split(proj.dir + path.sep).join("").replace(/\s+$/, "");
    expect(printed).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
    if (c.output) expect(printed).toBe(c.output.replace(/\s+$/, ""));
    else expect(r.status, printed).toBe(0);
  });
});

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
