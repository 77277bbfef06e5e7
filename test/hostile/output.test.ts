// Hostile inputs against what the shipped CLI prints (dist/cli.js in a child
// process, as users and CI run it): the per-code cap bounds every output
// format, user text never reaches the terminal or a CI log as control
// characters or as the start of a line (a GitHub workflow command), and
// verdicts computed over errors say they are provisional.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build.mjs";
import { CLEAN_SECTIONS } from "../../bench/shapes.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/charterc.js");

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist/cli.js"))) await build({ quiet: true });
}, 120_000);

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-hostile-out-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN_TAIL = `${CLEAN_SECTIONS}}\n`;

/** A line GitHub Actions (or Azure Pipelines) would read as a workflow command. */
const WORKFLOW_COMMAND = /^\s*(?:::|##\[)/m;

describe("one cap per diagnostic code per file, in every output format", () => {
  const N = 20_000;
  const text = `charter "Z" {\n${"  z: 1\n".repeat(N)}${CLEAN_TAIL}`;
  const dir = project({ "z.charter": text });

  it("text: 100 of the code, then one 'and N more'; the tally still counts every error", () => {
    const r = run(dir, ["check", "z.charter"]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/error CH0101:/g)?.length).toBe(100);
    expect(r.stdout).toContain(`error CH0017: and ${N - 100} more CH0101 not shown`);
    expect(r.stdout).toContain(`1 file checked: ${N} errors`);
    expect(r.stdout.length).toBeLessThan(64 * 1024);
  });

  it("JSON, SARIF and github carry the same capped list", () => {
    const json = JSON.parse(run(dir, ["check", "--format", "json", "z.charter"]).stdout);
    const diags = json.files[0].diagnostics as { code: string; message: string }[];
    expect(diags.filter((d) => d.code === "CH0101")).toHaveLength(100);
    expect(diags.filter((d) => d.code === "CH0017").map((d) => d.message)).toEqual([
      `and ${N - 100} more CH0101 not shown: at most 100 diagnostics of one code are reported per file`,
    ]);
    expect(json.summary.errors).toBe(N);
    const sarif = JSON.parse(run(dir, ["check", "--format", "sarif", "z.charter"]).stdout);
    expect(sarif.runs[0].results.length).toBeLessThanOrEqual(110);
    const gh = run(dir, ["check", "--format", "github", "z.charter"]).stdout;
    expect(gh.split("\n").filter((l) => l.startsWith("::error")).length).toBeLessThanOrEqual(110);
  });

  it("syntax codes too: 20,000 fields without a colon give 100 CH0006 and one 'and N more'", () => {
    const d = project({ "c.charter": `charter "C" {\n${'  version "x"\n'.repeat(N)}${CLEAN_TAIL}` });
    const r = run(d, ["check", "c.charter"]);
    expect(r.stdout.match(/error CH0006:/g)?.length).toBe(100);
    expect(r.stdout).toContain(`and ${N - 100} more CH0006 not shown`);
  });
});

describe("terminal and CI-log injection through the text output", () => {
  it("escape sequences in a charter name are shown, not sent", () => {
    const dir = project({ "e.charter": `charter "\\x1b]0;PWNED\u0007\u001b[31mRED\u202eevil" {\n  zz: 1\n${CLEAN_TAIL}` });
    const r = run(dir, ["check", "e.charter"]);
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain(String.raw`\x07\x1b[31mRED\u202eevil`);
  });

  it("a name with an escaped newline cannot start a workflow command line", () => {
    const dir = project({ "n.charter": `charter "X\\n::error file=README.md,line=1::FORGED" {\n  zz: 1\n${CLEAN_TAIL}` });
    const r = run(dir, ["check", "n.charter"]);
    expect(r.stdout).toContain(String.raw`X\n::error file=README.md`);
    expect(r.stdout).not.toMatch(WORKFLOW_COMMAND);
    expect(r.stdout).toContain("verdicts provisional");
  });

  it.skipIf(process.platform === "win32")("file names with a newline or starting like a command are neutralised", () => {
    const bad = "a\n::error file=README.md,line=1::FORGED.charter";
    const cmd = "::error::x.charter";
    const dir = project({ [bad]: `charter "A" {\n  zz: 1\n${CLEAN_TAIL}`, [cmd]: `charter "B" {\n  zz: 1\n${CLEAN_TAIL}` });
    const r = run(dir, ["check", bad, cmd]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(String.raw`a\n::error file=README.md,line=1::FORGED.charter:2:3`);
    expect(r.stdout).toContain("./::error::x.charter:2:3");
    expect(r.stdout + r.stderr).not.toMatch(WORKFLOW_COMMAND);
  });

  it("control characters in a source excerpt are shown as escapes, the underline still under the token", () => {
    const dir = project({ "s.charter": `charter "S" {\n  zz: "\u001b[2J", , b\n${CLEAN_TAIL}` });
    const r = run(dir, ["check", "s.charter"]);
    expect(r.stdout).not.toContain("\u001b");
    // CH0014 (empty item) is underlined at the second comma, after the string.
    const block = r.stdout.split("\n\n").indexOf(r.stdout.split("\n\n").find((b) => b.includes("CH0014"))!);
    const frame = r.stdout.split("\n\n")[block + 1]!.split("\n");
    expect(frame[0]).toBe(String.raw`2    zz: "\x1b[2J", , b`);
    expect(frame[1]!.indexOf("~")).toBe(frame[0]!.indexOf(", b"));
  });
});

describe("verdicts over errors are provisional", () => {
  const broken = `charter "B" {\n${CLEAN_TAIL.replace("approval: none", "approval: none notice: 30 dayz")}`;
  const clean = `charter "C" {\n${CLEAN_TAIL}`;

  it("the text summary says so, and why", () => {
    const dir = project({ "b.charter": broken, "c.charter": clean });
    const r = run(dir, ["check", "b.charter", "c.charter"]);
    expect(r.stdout).toMatch(/b\.charter charter "B": \d+ of \d+ properties hold \(verdicts provisional: 1 error in this file; they are computed without the parts in error\)/);
    expect(r.stdout).toMatch(/c\.charter charter "C": \d+ of \d+ properties hold\n/);
  });

  it("the JSON marks each file", () => {
    const dir = project({ "b.charter": broken, "c.charter": clean });
    const json = JSON.parse(run(dir, ["check", "--format", "json", "b.charter", "c.charter"]).stdout);
    expect(json.files.map((f: { file: string; provisional: boolean }) => [f.file, f.provisional])).toEqual([
      ["b.charter", true],
      ["c.charter", false],
    ]);
  });
});
