// Issue 11 item 11 and issue 12 item 8, for what src/cli/ itself prints
// (the diagnostic renderer has its own tests): a usage error is the one
// useful line and a pointer to the command's help, a missing file is one
// line, and user text (file names, charter names, arguments) never reaches
// the terminal as control characters or at the start of a line.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { charterc, ensureBuilt, GOOD, sandbox } from "../hostile/fs/helpers.js";

beforeAll(ensureBuilt, 120_000);

const lines = (s: string) => s.trimEnd().split("\n");

describe("usage errors", () => {
  it("a bad option value: the error and `see charterc help check`, not the whole help", () => {
    const { dir } = sandbox();
    const r = charterc(dir, ["check", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github.", "see `charterc help check`"]);
  });

  it("a missing required option and an unknown command point at the right help", () => {
    const { dir } = sandbox();
    expect(lines(charterc(dir, ["build", "x.charter"]).stderr)).toEqual(["error: required option '-o, --out <dir>' not specified", "see `charterc help build`"]);
    expect(lines(charterc(dir, ["frobnicate"]).stderr)).toEqual(["error: unknown command 'frobnicate'", "see `charterc help`"]);
  });

  it("a usage error raised by a command (diff with one file) points at that command's help", () => {
    const { dir } = sandbox({ "a.charter": GOOD });
    const r = charterc(dir, ["diff", "a.charter"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["charterc: `diff` takes two files (OLD NEW), or `--git REV [paths...]`", "see `charterc help diff`"]);
  });

  it("`check nope.charter` is one line: no such file (exit 2)", () => {
    const { dir } = sandbox();
    for (const cmd of ["check", "fmt", "build"]) {
      const r = charterc(dir, cmd === "build" ? [cmd, "nope.charter", "-o", "site"] : [cmd, "nope.charter"]);
      expect(r.code, cmd).toBe(2);
      expect(lines(r.stderr), cmd).toEqual(["charterc: no such file: `nope.charter`"]);
    }
  });

  it("`charterc help check` still prints the full help", () => {
    const { dir } = sandbox();
    const r = charterc(dir, ["help", "check"]);
    expect(r.stdout).toMatch(/^Usage: charterc check \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toMatch(/--max-warnings/);
  });
});

describe("user text in what the CLI prints", () => {
  const FORGED = "::error file=README.md,line=1::FORGED";

  it("fmt --check lists a file whose name is a workflow command without letting it start a line", () => {
    const { dir } = sandbox();
    fs.writeFileSync(path.join(dir, `${FORGED}.charter`), GOOD.replace('  version: "1.0.0"', '  version:    "1.0.0"'));
    const r = charterc(dir, ["fmt", "--check", "."]);
    expect(r.code).toBe(1);
    for (const line of lines(r.stdout + "\n" + r.stderr)) expect(line).not.toMatch(/^\s*::/);
    expect(r.stdout).toContain(`./${FORGED}.charter`);
  });

  it("file names with a newline or escape sequences are shown escaped", () => {
    const { dir } = sandbox();
    const name = "x\n::error::NL\u001b]0;PWNED\u0007.charter";
    fs.writeFileSync(path.join(dir, name), GOOD.replace('  version: "1.0.0"', '  version:    "1.0.0"'));
    const r = charterc(dir, ["fmt", "--check", "."]);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const line of lines(all)) expect(line).not.toMatch(/^\s*::/);
    expect(r.stdout).toContain("x\\n::error::NL\\x1b]0;PWNED\\x07.charter");
    const b = charterc(dir, ["build", ".", "-o", "site", "--progress"]);
    expect(b.stdout + b.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const line of lines(b.stdout + b.stderr)) expect(line).not.toMatch(/^\s*::/);
  });

  it("an unknown option carrying escape sequences is echoed escaped", () => {
    const { dir } = sandbox();
    const r = charterc(dir, ["check", "--\u001b[31mred"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\x1b[31mred");
  });

  it("validate's tally escapes the charter's name", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD.replace('"Fixture"', '"\u001b]0;PWNED\u0007RED"'), "r.yaml": "members: []\n" });
    // The name holds a raw ESC and BEL (control characters inside a string).
    const r = charterc(dir, ["validate", "r.yaml", "--charter", "charters/a.charter"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("checked against \\x1b]0;PWNED\\x07RED: 0 errors");
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
