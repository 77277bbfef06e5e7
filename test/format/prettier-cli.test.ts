// The plugin through prettier's own command line agrees with
// `charterc fmt --check`, both on the command line (`--plugin`) and from a
// user's prettier configuration (`plugins: [...]`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRETTIER = path.join(ROOT, "node_modules/prettier/bin/prettier.cjs");
const PLUGIN = path.join(ROOT, "dist/prettier.js");
const CHARTERC = path.join(ROOT, "bin/charterc.js");

const FORMATTED = 'import "./f.charter" as f\n\ncharter "Formatted" {\n  version: "1"\n\n  member of f { withdrawal: unilateral }\n}\n';
const UNFORMATTED = 'charter "Not formatted" {  version:   "1"\n   exit { approval: none   retains: property,data } }\n';
const BROKEN = 'charter "Broken" {\n  version "1"\n}\n';

beforeAll(async () => {
  const mod = (await import(pathToFileURL(path.join(ROOT, "scripts/build.mjs")).href)) as { build(o?: { quiet?: boolean }): Promise<unknown> };
  await mod.build({ quiet: true });
}, 120_000);

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-prettier-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(cwd: string, cmd: string, args: string[]) {
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The file names a checker reported as unformatted, sorted. */
function flagged(output: string): string[] {
  return [...output.matchAll(/(?:^|\[warn\] )([\w./-]+\.charter)$/gm)].map((m) => m[1]!).sort();
}

describe("prettier's CLI with the plugin", () => {
  test("prettier --check and charterc fmt --check flag the same files", () => {
    const dir = project({ "a.charter": FORMATTED, "b.charter": UNFORMATTED });
    const p = run(dir, PRETTIER, ["--plugin", PLUGIN, "--check", "a.charter", "b.charter"]);
    const c = run(dir, CHARTERC, ["fmt", "--check", "a.charter", "b.charter"]);
    expect(p.code).toBe(1);
    expect(c.code).toBe(1);
    expect(flagged(p.stdout + p.stderr)).toEqual(["b.charter"]);
    expect(flagged(c.stdout)).toEqual(["b.charter"]);
  });

  test("what either one writes, the other accepts", () => {
    const dir = project({ "a.charter": UNFORMATTED, "b.charter": UNFORMATTED });
    expect(run(dir, PRETTIER, ["--plugin", PLUGIN, "--write", "a.charter"]).code).toBe(0);
    expect(run(dir, CHARTERC, ["fmt", "b.charter"]).code).toBe(0);
    const a = fs.readFileSync(path.join(dir, "a.charter"), "utf8");
    expect(a).toBe(fs.readFileSync(path.join(dir, "b.charter"), "utf8"));
    expect(a).not.toBe(UNFORMATTED);
    expect(run(dir, CHARTERC, ["fmt", "--check", "a.charter"]).code).toBe(0);
    expect(run(dir, PRETTIER, ["--plugin", PLUGIN, "--check", "b.charter"]).code).toBe(0);
  });

  test("from a prettier configuration: plugins and a glob over *.charter", () => {
    const dir = project({ "a.charter": FORMATTED, "b.charter": UNFORMATTED, ".prettierrc.json": JSON.stringify({ plugins: [PLUGIN] }) });
    const p = run(dir, PRETTIER, ["--check", "**/*.charter"]);
    expect(p.code).toBe(1);
    expect(flagged(p.stdout + p.stderr)).toEqual(["b.charter"]);
  });

  test("a project's prettier options (printWidth, useTabs) apply to both", () => {
    const long = 'federation "F" {\n  powers: defense, disputes, trade, currency, archives, courts\n}\n';
    const config = JSON.stringify({ plugins: [PLUGIN], overrides: [{ files: "*.charter", options: { printWidth: 40, useTabs: true } }] });
    const dir = project({ "a.charter": long, "b.charter": long, ".prettierrc.json": config });
    expect(run(dir, CHARTERC, ["fmt", "a.charter"]).code).toBe(0);
    expect(run(dir, PRETTIER, ["--write", "b.charter"]).code).toBe(0);
    const a = fs.readFileSync(path.join(dir, "a.charter"), "utf8");
    expect(a).toBe('federation "F" {\n\tpowers: defense, disputes, trade,\n\t\tcurrency, archives, courts\n}\n');
    expect(fs.readFileSync(path.join(dir, "b.charter"), "utf8")).toBe(a);
  });

  test("a syntax error: prettier refuses with the position, charterc with the diagnostic; neither writes", () => {
    const dir = project({ "bad.charter": BROKEN });
    const p = run(dir, PRETTIER, ["--plugin", PLUGIN, "--write", "bad.charter"]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain("bad.charter: SyntaxError: CH0006: expected `:` after field name `version` (2:3)");
    const c = run(dir, CHARTERC, ["fmt", "bad.charter"]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("bad.charter:2:3 - error CH0006");
    expect(fs.readFileSync(path.join(dir, "bad.charter"), "utf8")).toBe(BROKEN);
  });
});
