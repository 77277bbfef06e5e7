// The command line end to end: exit codes (§7), formats, flags and config.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { PROPERTY_IDS } from "../../src/language/properties.js";
import { build, sourceLinks } from "../../scripts/build.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/charterc.js");

async function run(args: string[], cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function tmpProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-cli-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const GOOD = `charter "Good" {
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property amendable: never }
  disputes { by: "a mediator" }
}
`;
const WARNS = GOOD.replace("  disputes { by: \"a mediator\" }\n", "");
const BROKEN = GOOD.replace("approval: none", "approval: by nobody");

describe("charterc check", () => {
  it("checks the bundled examples with exit 0 (the README's main command)", async () => {
    const r = await run(["check", "charters"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ files checked: 0 errors/);
  });

  it("reports every property for every file in JSON (§7)", async () => {
    const r = await run(["check", "--format", "json", "charters"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.files.length).toBeGreaterThanOrEqual(9);
    for (const f of report.files) {
      expect(Object.keys(f.properties)).toEqual([...PROPERTY_IDS]);
      expect(["charter", "federation"]).toContain(f.kind);
      for (const d of f.diagnostics) {
        expect(d.range.start.line).toBeGreaterThanOrEqual(1);
        expect(d.range.start.column).toBeGreaterThanOrEqual(1);
      }
    }
    expect(report.summary).toEqual({ files: report.files.length, errors: 0, warnings: expect.any(Number) });
  });

  it("exits 1 when there are errors, with file:line:col and the source line", async () => {
    const dir = tmpProject({ "charters/bad.charter": BROKEN });
    const r = await run(["check"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("charters/bad.charter:4:23 - error CH0110: unknown decision `nobody`");
    expect(r.stdout).toContain("  exit { approval: by nobody retains: property amendable: never }");
    expect(r.stdout).toMatch(/\n\s+~~~~~~\n/);
  });

  it("--quiet shows errors only; --max-warnings turns warnings into exit 1", async () => {
    const dir = tmpProject({ "charters/w.charter": WARNS });
    const loud = await run(["check"], dir);
    expect(loud.code).toBe(0);
    expect(loud.stdout).toContain("warning CH0211");
    const quiet = await run(["check", "--quiet"], dir);
    expect(quiet.stdout).not.toContain("warning CH0211");
    expect((await run(["check", "--max-warnings", "0"], dir)).code).toBe(1);
    expect((await run(["check", "--max-warnings", "5"], dir)).code).toBe(0);
  });

  it("--profile strict makes property failures errors", async () => {
    const dir = tmpProject({ "charters/w.charter": WARNS });
    const r = await run(["check", "--profile", "strict"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error CH0211");
  });

  it("reads include and rules from charterc.yaml", async () => {
    const dir = tmpProject({
      "charterc.yaml": "include: [\"community/*.charter\"]\nrules:\n  dispute-resolution: error\n",
      "community/w.charter": WARNS,
      "charters/ignored.charter": BROKEN,
    });
    const r = await run(["check"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("community/w.charter");
    expect(r.stdout).toContain("error CH0211");
    expect(r.stdout).not.toContain("ignored.charter");
  });

  it("an unknown key in charterc.yaml is a clear error naming the key and the file (exit 2)", async () => {
    const dir = tmpProject({ "charterc.yaml": "profile: strict\nprofiles: recommended\n", "charters/g.charter": GOOD });
    const r = await run(["check"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, "charterc.yaml")}:2:1: unknown key \`profiles\` (did you mean \`profile\`?)`);
  });

  it("a bad value in charterc.yaml names the setting", async () => {
    const dir = tmpProject({ "charterc.yaml": "maxNotice: { charter: 30 dayz }\n", "charters/g.charter": GOOD });
    const r = await run(["check"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/charterc\.yaml:1:\d+: `maxNotice\.charter` must be a duration/);
  });

  it("bad arguments and missing inputs exit 2", async () => {
    expect((await run(["check", "--format", "xml"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    const empty = tmpProject({ "README.md": "no charters here" });
    const r = await run(["check"], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no charter files to check");
  });

  it("sarif and github formats", async () => {
    const dir = tmpProject({ "charters/w.charter": WARNS });
    const sarif = JSON.parse((await run(["check", "--format", "sarif"], dir)).stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "CH0211", level: "warning" });
    // A reported code carries its whole docs page as help; the others their summary.
    const rules = sarif.runs[0].tool.driver.rules;
    const reported = rules.find((r: any) => r.id === "CH0211");
    expect(reported.help.markdown).toMatch(/^# /);
    expect(reported.help.markdown).toContain("## ");
    const other = rules.find((r: any) => r.id === "CH0006");
    expect(other.help.markdown).toBe(other.help.text);
    const gh = (await run(["check", "--format", "github"], dir)).stdout;
    expect(gh).toMatch(/^::warning file=charters\/w\.charter,line=1,col=9,endLine=1,endColumn=15,title=CH0211::/);
  });

  it("explain prints a rule's or a code's page, and refuses unknown ids", async () => {
    expect((await run(["explain", "CH0106"])).stdout).toContain("# CH0106");
    expect((await run(["explain", "invalid-duration"])).stdout).toContain("# CH0106");
    expect((await run(["explain", "nonsense"])).code).toBe(2);
  });
});

describe("the built command", () => {
  beforeAll(async () => {
    await build({ quiet: true });
  });
  const spawn = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env } });

  it("--version prints the package version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const r = spawn(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("the fuzzer is built beside the package, not in it, and runs (`npm run fuzz`)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.fuzz).toBe("node scripts/build.mjs && node dist-dev/fuzz.js");
    expect(fs.existsSync(path.join(ROOT, "dist", "fuzz.js"))).toBe(false);
    expect(pkg.files.some((f: string) => f === "dist-dev" || f.startsWith("dist-dev/"))).toBe(false);
    const r = spawnSync(process.execPath, [path.join(ROOT, "dist-dev", "fuzz.js"), "--seed", "1", "--count", "10", "--fs", "0"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toContain("fuzz: seed 1, 10 inputs");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ seed: 1, count: 10, failures: 0 });
  });

  it("SARIF names only the addresses package.json declares (none today: no helpUri, no informationUri)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const links = sourceLinks(pkg);
    const r = spawn(["check", "--format", "sarif", "charters/ozark-homestead-compact.charter"]);
    expect(r.status).toBe(0);
    const { driver } = JSON.parse(r.stdout).runs[0].tool;
    expect(driver.informationUri).toBe(links.informationUri);
    for (const rule of driver.rules) {
      if (links.docsBase === undefined) expect(rule.helpUri).toBeUndefined();
      else expect(rule.helpUri.startsWith(links.docsBase)).toBe(true);
    }
    if (pkg.repository === undefined && pkg.homepage === undefined) expect(links).toEqual({});
  });

  it("--help lists the commands", () => {
    const r = spawn(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("check [options] [paths...]");
  });

  it("colours only on request or on a terminal, never when piped or with NO_COLOR", () => {
    const piped = spawn(["check", "charters/ozark-homestead-compact.charter"]);
    expect(piped.stdout).not.toContain("\u001b[");
    const forced = spawn(["check", "--color", "charters/ozark-homestead-compact.charter"]);
    expect(forced.stdout).toContain("\u001b[");
    const noColor = spawn(["check", "charters/ozark-homestead-compact.charter"], { NO_COLOR: "1", FORCE_COLOR: "1", CI: "true" });
    expect(noColor.stdout).not.toContain("\u001b[");
  });

  // Two syntax errors, the second with no note: what every command reports for it.
  const SYNTAX = `charter "S" {
  jurisdiction: personal
  membership { eligibility: "a" admission: open
  exit { approval: none retains: property amendable: never }
  disputes { by: "a mediator" } }
  }}
`;
  const spawnIn = (dir: string, args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
  /** `check`'s text for a file's diagnostics: everything before its property summary. */
  const checkedDiagnostics = (dir: string, file: string) => {
    const r = spawnIn(dir, ["check", file]);
    expect(r.status).toBe(1);
    const at = r.stdout.indexOf(`\n\n${file} charter "S":`);
    expect(at).toBeGreaterThan(0);
    return r.stdout.slice(0, at);
  };

  it("every command lays out diagnostics as check does: a blank line between them and before what follows", () => {
    const dir = tmpProject({ "a.charter": SYNTAX, "b.charter": SYNTAX });
    const a = checkedDiagnostics(dir, "a.charter");
    const b = checkedDiagnostics(dir, "b.charter");
    expect(a).toContain("error CH0009");
    expect(a).toMatch(/error CH0009[^]*\n\na\.charter:6:3 - error CH0015/);
    const fmt = spawnIn(dir, ["fmt", "a.charter", "b.charter"]);
    expect(fmt.status).toBe(1);
    // Each file's diagnostics, then what they mean for it (as build's `not built:` line).
    const notFormatted = `${a}\n\ncharterc: not formatted: a.charter has 2 syntax errors\n\n${b}\n\ncharterc: not formatted: b.charter has 2 syntax errors\n`;
    expect(fmt.stderr).toBe(notFormatted);
    const fmtCheck = spawnIn(dir, ["fmt", "--check", "a.charter", "b.charter"]);
    expect(fmtCheck.stderr).toBe(notFormatted);
    const build = spawnIn(dir, ["build", "a.charter", "b.charter", "--out", "out"]);
    expect(build.status).toBe(1);
    expect(build.stderr).toBe(`${a}\n\ncharterc: not built: a.charter has 2 errors\n\n${b}\n\ncharterc: not built: b.charter has 2 errors\n\ncharterc: nothing written to out: all 2 charters have errors\n`);
    const validate = spawnIn(dir, ["validate", "members.yaml", "--charter", "a.charter"]);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toBe(`${a}\n\ncharterc: cannot validate records against \`a.charter\`: the charter has errors\nsee \`charterc help validate\`\n`);
    for (const cmd of ["diff", "compare"]) {
      const r = spawnIn(dir, [cmd, "a.charter", "b.charter"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${a}\n\ncharterc: not compared: a.charter has 2 errors\n\n${b}\n\ncharterc: not compared: b.charter has 2 errors\n`);
    }
  });

  it("build writes nothing when no charter can be built: no empty site, no output folder (exit 1)", () => {
    const dir = tmpProject({ "charters/a.charter": SYNTAX, "charters/b.charter": BROKEN });
    const r = spawnIn(dir, ["build", "charters", "--out", "site"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\n\ncharterc: nothing written to site: all 2 charters have errors\n$/);
    expect(fs.existsSync(path.join(dir, "site"))).toBe(false);
    // An earlier build in the folder is left as it was, not replaced by an empty index.
    fs.mkdirSync(path.join(dir, "site"));
    fs.writeFileSync(path.join(dir, "site", "index.html"), "the site as it was");
    const one = spawnIn(dir, ["build", "charters/a.charter", "--out", "site", "--emit", "markdown,html"]);
    expect(one.status).toBe(1);
    expect(one.stderr).toMatch(/\n\ncharterc: nothing written to site: the charter has errors\n$/);
    expect(fs.readdirSync(path.join(dir, "site"))).toEqual(["index.html"]);
    expect(fs.readFileSync(path.join(dir, "site", "index.html"), "utf8")).toBe("the site as it was");
    // With one charter that builds, that charter and a site of it are written, and the run still fails.
    fs.writeFileSync(path.join(dir, "charters", "good.charter"), GOOD);
    const some = spawnIn(dir, ["build", "charters", "--out", "site"]);
    expect(some.status).toBe(1);
    expect(some.stderr).toMatch(/\n\n\d+ files written to site from 1 charter; 2 not built\n$/);
    expect(fs.existsSync(path.join(dir, "site", "good.html"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "site", "a.html"))).toBe(false);
    const index = fs.readFileSync(path.join(dir, "site", "index.html"), "utf8");
    expect(index).toContain("good.html");
    expect(index).not.toContain("a.html");
  });

  it("a reader that stops early (`| head`) ends the command quietly, without an EPIPE stack trace", () => {
    const cmd = `"${process.execPath}" "${BIN}" check --format sarif charters | head -c 1; "${process.execPath}" "${BIN}" explain CH0106 | head -n 1`;
    const r = spawnSync("sh", ["-c", cmd], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.startsWith("{")).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("never prints a stack trace for hostile input", () => {
    const dir = tmpProject({ "x.charter": "\u0000{{{\"\"\"/*" + "}".repeat(10000) + "\ud800" });
    const r = spawnSync(process.execPath, [BIN, "check", path.join(dir, "x.charter")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
