// What a new user met following the README (issue 13, CLI items): compare
// with one file, --no-color on compare/explain, a compare of many charters,
// required options unmarked in the help, `help nope`, and commands that
// printed diagnostics without saying what they mean for the file. Each runs
// the built CLI (bin/charterc.js over dist/cli.js) in a temporary project.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { charterc, ensureBuilt, GOOD, sandbox } from "../hostile/fs/helpers.js";
import { REPO } from "../lsp/helpers/client.js";

beforeAll(ensureBuilt, 120_000);

const lines = (s: string) => s.trimEnd().split("\n");
const charter = (name: string, extra = "") => GOOD.replace('"Fixture"', JSON.stringify(name)).replace("}\n", `${extra}}\n`).replace(/}\n$/, "}\n");
/** Two errors: an unknown field and a misspelt keyword value. */
const BAD = GOOD.replace("approval: none", "approval: by nobody").replace("admission: open", "admission: opne");
const SYNTAX = GOOD.replace("membership {", "membership {{");

describe("compare", () => {
  it("one file is a usage error: two or more are needed (exit 2)", () => {
    const { dir } = sandbox({ "a.charter": GOOD });
    const r = charterc(dir, ["compare", "a.charter"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual(["charterc: `compare` takes two or more charter files (got one: `a.charter`)", "see `charterc help compare`"]);
  });

  it("the same file twice is one charter: a usage error too", () => {
    const { dir } = sandbox({ "a.charter": GOOD });
    for (const args of [["a.charter", "a.charter"], ["a.charter", "./a.charter"]]) {
      const r = charterc(dir, ["compare", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(lines(r.stderr)).toEqual(["charterc: `compare` takes two or more different charter files (got one: `a.charter`)", "see `charterc help compare`"]);
    }
    // A folder holding one charter is the same.
    expect(charterc(dir, ["compare", "."]).code).toBe(2);
  });

  it("accepts --no-color and --color, as every other command does; so does explain", () => {
    const { dir } = sandbox({ "a.charter": charter("A"), "b.charter": charter("B") });
    const plain = charterc(dir, ["compare", "a.charter", "b.charter"]);
    expect(plain.code).toBe(0);
    for (const flag of ["--no-color", "--color"]) {
      const r = charterc(dir, ["compare", "a.charter", "b.charter", flag]);
      expect(r.code, flag).toBe(0);
      expect(r.stdout, flag).toBe(plain.stdout);
    }
    const page = charterc(dir, ["explain", "exit-entrenched"]);
    expect(page.code).toBe(0);
    expect(charterc(dir, ["explain", "exit-entrenched", "--no-color"])).toEqual(page);
  });

  it("eight charters are shown in groups that fit 160 columns (not a terminal), each with the row labels, every charter once", () => {
    const files = fs.readdirSync(path.join(REPO, "charters")).filter((f) => f.endsWith(".charter"));
    const { dir } = sandbox();
    fs.cpSync(path.join(REPO, "charters"), path.join(dir, "charters"), { recursive: true });
    const r = charterc(dir, ["compare", ...files.map((f) => `charters/${f}`)]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(Math.max(...out.map((l) => l.length))).toBeLessThanOrEqual(160);
    const heads = out.filter((l) => /^charters? \d/.test(l));
    expect(heads.length).toBeGreaterThan(1);
    expect(heads.at(-1)).toMatch(new RegExp(`of ${files.length}$`));
    // Every group has every row, and every charter's file appears once.
    expect(out.filter((l) => l.startsWith("exit-guaranteed ")).length).toBe(heads.length);
    for (const f of files) expect(out.filter((l) => l.includes(`charters/${f}`)).length, f).toBe(1);
    // Two charters still make one table, as before.
    const two = lines(charterc(dir, ["compare", `charters/${files[0]}`, `charters/${files[1]}`]).stdout);
    expect(two.some((l) => /^charters? \d/.test(l))).toBe(false);
    // Markdown and JSON keep one table with every charter.
    const md = lines(charterc(dir, ["compare", "--format", "markdown", ...files.map((f) => `charters/${f}`)]).stdout);
    expect(md[0]!.split(" | ").length).toBe(files.length + 1);
  });

  it("a charter with errors is named in a summary line (not compared), the others are compared", () => {
    const { dir } = sandbox({ "a.charter": charter("A"), "b.charter": charter("B"), "bad.charter": BAD });
    const r = charterc(dir, ["compare", "a.charter", "b.charter", "bad.charter"]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr).at(-1)).toBe("charterc: not compared: bad.charter has 2 errors");
    expect(r.stdout).toContain("a.charter");
  });
});

describe("help", () => {
  it("marks required options", () => {
    const { dir } = sandbox();
    expect(charterc(dir, ["help", "build"]).stdout).toMatch(/^ {2}-o, --out <dir> +output folder \(required\)$/m);
    expect(charterc(dir, ["help", "validate"]).stdout).toMatch(/^ {2}--charter <file> +the charter the records are kept under \(required\)$/m);
    // Only those: an optional option is not marked.
    expect(charterc(dir, ["help", "check"]).stdout).not.toContain("(required)");
  });

  it("`help nope` says the command is unknown, with a did-you-mean when one is close, then the list (exit 2)", () => {
    const { dir } = sandbox();
    const r = charterc(dir, ["help", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)[0]).toBe("charterc: unknown command 'nope'");
    expect(r.stderr).toMatch(/\nCommands:\n {2}check /);
    const close = charterc(dir, ["help", "buld"]);
    expect(close.code).toBe(2);
    expect(lines(close.stderr)[0]).toBe("charterc: unknown command 'buld' (did you mean `build`?)");
    // Known commands and `help help` are unchanged.
    expect(charterc(dir, ["help", "build"]).code).toBe(0);
    expect(charterc(dir, ["help", "help"]).code).toBe(0);
  });
});

describe("what the errors mean for the file", () => {
  it("diff OLD BAD: the diagnostics, then `not compared: BAD has N errors` (exit 1)", () => {
    const { dir } = sandbox({ "old.charter": GOOD, "bad.charter": BAD });
    const r = charterc(dir, ["diff", "old.charter", "bad.charter"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error CH\d{4}[^]*\n\ncharterc: not compared: bad\.charter has 2 errors\n$/);
  });

  it("fmt on a file with a syntax error: the diagnostic, then `not formatted: FILE has a syntax error` (exit 1)", () => {
    const { dir } = sandbox({ "s.charter": SYNTAX });
    const r = charterc(dir, ["fmt", "s.charter"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^s\.charter:\d+:\d+ - error CH\d{4}[^]*\n\ncharterc: not formatted: s\.charter has (a syntax error|\d+ syntax errors)\n$/);
    expect(fs.readFileSync(path.join(dir, "s.charter"), "utf8")).toBe(SYNTAX);
    const stdin = charterc(dir, ["fmt", "--check", "s.charter"]);
    expect(stdin.stderr).toMatch(/\ncharterc: not formatted: s\.charter has/);
  });

  it("validate: a record's misspelt field gets its did-you-mean once, as the help", () => {
    const { dir } = sandbox({ "c.charter": GOOD, "members.yaml": "charter: Fixture\nmembers:\n  - { id: ana, joned: 2024-01-10, consent: explicit }\n" });
    const r = charterc(dir, ["validate", "members.yaml", "--charter", "c.charter"]);
    expect(r.code).toBe(1);
    // The report is validate's output (stdout).
    expect(r.stdout.match(/did you mean/g), r.stdout).toEqual(["did you mean"]);
    expect(r.stdout).toContain("unknown field `joned`\n");
    expect(r.stdout).toContain("help: did you mean `joined`?");
  });
});

describe("compare's text width", () => {
  it("is the terminal's (at least 80 columns), or 160 when the output is not a terminal", async () => {
    const { textWidth } = await import("../../src/cli/commands/compare.js");
    expect(textWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(textWidth({ isTTY: true, columns: 40 })).toBe(80);
    expect(textWidth({ isTTY: false, columns: 100 })).toBe(160);
    expect(textWidth({})).toBe(160);
  });
});
