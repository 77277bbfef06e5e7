// Adoption, as a community would: charterc packed with `npm pack`, installed
// from the tarball into a fresh project of its own, and every command run
// through the installed `node_modules/.bin/charterc` — with and without a
// charterc.yaml (a profile, a `rules:` override, an `include`), and with the
// bad configurations whose messages the README documents. Nothing here calls
// the source: what is tested is what ships.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePacked, examples, project, type Packed, type Project } from "./helpers/pack.js";

let packed: Packed;
let p: Project;
const FREE = "charters/free-commons.charter";
const BAKERS = "charters/riverside-bakers-coop.charter";

beforeAll(async () => {
  packed = await ensurePacked();
  p = await project(examples("charters"));
}, 900_000);

afterAll(() => p?.remove());

/** Each command with a valid argument list, as a user would type it in the project. */
const EVERY_COMMAND: [string, string[]][] = [
  ["check", ["check"]],
  ["fmt --check", ["fmt", "--check", FREE]],
  ["build", ["build", FREE, "--out", "site"]],
  ["validate", ["validate", "charters/records/free-commons-2024.yaml", "--charter", FREE]],
  ["diff", ["diff", FREE, FREE]],
  ["compare", ["compare", FREE, BAKERS]],
];

function withConfig(text: string | null, f: () => void): void {
  const file = path.join(p.dir, "charterc.yaml");
  if (text === null) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, text);
  try {
    f();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("the packed package", () => {
  it("ships the bundle, the bins, schemas and docs, and no tests or build scripts", () => {
    for (const f of ["dist/cli.js", "dist/lsp.js", "dist/prettier.js", "bin/charterc.js", "bin/charterc-lsp.js", "schemas/charter.schema.json", "docs/codes/CH0106.md", "README.md", "package.json"]) {
      expect(packed.files).toContain(f);
    }
    expect(packed.files.filter((f) => f.startsWith("test/") || f.startsWith("src/"))).toEqual([]);
    // Nor the fuzzer (it reads test/ and needs dev dependencies): it is built to dist-dev/, which is not packed.
    expect(packed.files.filter((f) => /fuzz|^dist-dev\//.test(f))).toEqual([]);
    expect(fs.existsSync(path.join(packed.installed, "node_modules/charterc/dist/fuzz.js"))).toBe(false);
  });

  it("`prepack` builds dist/, so `npm pack` from a fresh clone ships a bundle", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packed.installed, "node_modules/charterc/package.json"), "utf8")) as { scripts: Record<string, string>; name: string; private?: boolean };
    expect(pkg.scripts.prepack).toMatch(/^node scripts\/build\.mjs\b/);
    // The pack above ran it in a copy of the repository without dist/: the bundle shipped is the one it built.
    expect(packed.files).toContain("dist/cli.js");
    // Publishable: not private, named as the README's registry line says.
    expect(pkg.name).toBe("charterc");
    expect(pkg.private).toBeUndefined();
  });

  it("`charterc --version` works from node_modules/.bin, and `charterc-lsp` is installed beside it", () => {
    const r = p.charterc(["--version"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(packed.installed, "node_modules/charterc/package.json"), "utf8")).version);
    expect(fs.existsSync(p.lsp)).toBe(true);
  });
});

describe("every command, without a charterc.yaml", () => {
  it("check: the examples have warnings only (exit 0); a file's verdicts are printed", () => {
    const all = p.charterc(["check"]);
    expect(all.stderr).toBe("");
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/11 files checked: 0 errors, \d+ warnings/);
    const one = p.charterc(["check", FREE]);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain(`${FREE} charter "Free Commons of Cascadia": 14 of 14 properties hold`);
  });

  it("check: a bad duration is an error with file:line:col (exit 1), a missing file a usage error (exit 2)", () => {
    p.write("charters/bad/coop.charter", fs.readFileSync(path.join(p.dir, FREE), "utf8").replace("notice: 14 days", "notice: 14 dayz").replace('"./federations', '"../federations'));
    const r = p.charterc(["check", "charters/bad/coop.charter"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^charters\/bad\/coop\.charter:\d+:13 - error CH0106: `notice` expects a duration such as `30 days`, found `14 dayz`$/m);
    fs.rmSync(path.join(p.dir, "charters/bad"), { recursive: true });
    const missing = p.charterc(["check", "nope.charter"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.charter");
  });

  it("fmt --check passes on the examples and lists an unformatted file (exit 1); fmt --stdin prints the formatted text", () => {
    expect(p.charterc(["fmt", "--check", "charters"]).status).toBe(0);
    const messy = fs.readFileSync(path.join(p.dir, FREE), "utf8").replace("  jurisdiction: personal", "jurisdiction:   personal");
    p.write("messy/m.charter", messy);
    const r = p.charterc(["fmt", "--check", "messy"]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain("messy/m.charter");
    const s = p.charterc(["fmt", "--stdin"], { input: messy });
    expect(s.status).toBe(0);
    expect(s.stdout).toContain("\n  jurisdiction: personal\n");
    fs.rmSync(path.join(p.dir, "messy"), { recursive: true });
  });

  it("build writes the constitution, canonical JSON, records schema and IG CSV", () => {
    const r = p.charterc(["build", FREE, "--out", "site"]);
    expect(r.stderr).toMatch(/^\d+ files written to site from 1 charter\n$/);
    expect(r.status).toBe(0);
    for (const f of ["free-commons.md", "free-commons.json", "free-commons.records.schema.json", "free-commons.ig.csv"]) expect(fs.existsSync(path.join(p.dir, "site", f))).toBe(true);
    expect(fs.readFileSync(path.join(p.dir, "site/free-commons.md"), "utf8")).toContain("Free Commons of Cascadia");
  });

  it("validate: the shipped example records obey their charter (exit 0); the bakers' records have four findings (exit 1)", () => {
    const ok = p.charterc(["validate", "charters/records/free-commons-2024.yaml", "--charter", FREE]);
    expect(ok.stdout.trim()).toBe("8 records in 1 file checked against Free Commons of Cascadia: 0 errors, 0 warnings");
    expect(ok.status).toBe(0);
    const bad = p.charterc(["validate", "charters/records/riverside-bakers-2024.yaml", "--charter", BAKERS]);
    expect(bad.status).toBe(1);
    expect([...bad.stdout.matchAll(/ - error (CH04\d\d):/g)].map((m) => m[1])).toEqual(["CH0403", "CH0409", "CH0414", "CH0408"]);
  });

  it("diff: removing `amendable: never` weakens exit (exit 1 with --fail-on weaken)", () => {
    p.write("v2/free-commons.charter", fs.readFileSync(path.join(p.dir, FREE), "utf8").replace("    amendable: never\n", "").replace('"./federations', '"../charters/federations'));
    const r = p.charterc(["diff", FREE, "v2/free-commons.charter", "--fail-on", "weaken"]);
    expect(r.stdout).toContain("weaken");
    expect(r.stdout).toContain("exit-entrenched: holds → fails");
    expect(r.status).toBe(1);
    expect(p.charterc(["diff", FREE, FREE, "--fail-on", "weaken"]).status).toBe(0);
  });

  it("diff --git compares working files with a revision in the project's git repository", () => {
    const git = (...a: string[]) => spawnSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...a], { cwd: p.dir, encoding: "utf8" });
    expect(git("init", "-q").status).toBe(0);
    git("add", "charters");
    expect(git("commit", "-q", "-m", "charters").status).toBe(0);
    const text = fs.readFileSync(path.join(p.dir, FREE), "utf8");
    fs.writeFileSync(path.join(p.dir, FREE), text.replace("    amendable: never\n", ""));
    try {
      const r = p.charterc(["diff", "--git", "HEAD", "--format", "json", "--fail-on", "weaken"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("free-commons.charter");
      expect(r.stdout).toContain('"weaken');
    } finally {
      fs.writeFileSync(path.join(p.dir, FREE), text);
      fs.rmSync(path.join(p.dir, ".git"), { recursive: true, force: true });
    }
  });

  it("compare puts communities side by side", () => {
    const r = p.charterc(["compare", FREE, BAKERS, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as unknown;
    expect(JSON.stringify(j)).toContain("Riverside Bakers");
  });

  it("explain prints a code's and a rule's documentation from what ships (no repository paths)", () => {
    const code = p.charterc(["explain", "CH0106"]);
    expect(code.status).toBe(0);
    expect(code.stdout).toContain("CH0106");
    expect(code.stdout).not.toContain("test/fixtures");
    const rule = p.charterc(["explain", "exit-entrenched"]);
    expect(rule.status).toBe(0);
    expect(rule.stdout).toContain("exit-entrenched");
  });

  it("explain prints a field's and a section's reference entry, and suggests a name for a typo", () => {
    const field = p.charterc(["explain", "exit.notice"]);
    expect(field.status).toBe(0);
    expect(field.stdout).toContain("Value: a duration such as `30 days` or `immediately`.");
    const section = p.charterc(["explain", "membership"]);
    expect(section.status).toBe(0);
    expect(section.stdout).toContain("| `admission` |");
    const typo = p.charterc(["explain", "exit.notcie"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("nothing named `exit.notcie` (did you mean `exit.notice`?)");
    expect(packed.files).toContain("docs/reference.md");
  });
});

describe("a charterc.yaml: profile, rules override, include", () => {
  it("include: `check` without paths checks what it lists", () => {
    withConfig(`include: ["${BAKERS}"]\n`, () => {
      const r = p.charterc(["check"]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("1 file checked: 0 errors, 1 warning");
      expect(r.status).toBe(0);
    });
  });

  it("rules: a rule set to `error` makes its finding an error (exit 1); the others stay warnings", () => {
    withConfig(`include: ["${BAKERS}"]\nprofile: recommended\nrules:\n  exit-guaranteed: error\n`, () => {
      const r = p.charterc(["check"]);
      // The weak exit is one finding, made by the stricter rule (docs/language.md, "One fact, one diagnostic").
      expect(r.stdout).toMatch(/- error CH0202: exit is not entrenched/);
      expect(r.stdout).not.toMatch(/CH0203/);
      expect(r.stdout).toContain("1 file checked: 1 error, 0 warnings");
      expect(r.status).toBe(1);
    });
    withConfig(`rules:\n  exit-guaranteed: off\n  exit-entrenched: off\n`, () => {
      const r = p.charterc(["check", BAKERS]);
      expect(r.stdout).toContain("1 file checked: 0 errors, 0 warnings");
      expect(r.status).toBe(0);
    });
  });

  it("profile: strict turns every warning into an error", () => {
    withConfig("profile: strict\n", () => {
      const r = p.charterc(["check", BAKERS]);
      expect(r.stdout).toContain("1 file checked: 1 error, 0 warnings");
      expect(r.status).toBe(1);
      // --profile on the command line overrides the file.
      expect(p.charterc(["check", BAKERS, "--profile", "recommended"]).status).toBe(0);
    });
  });

  it("-c FILE reads another configuration (its folder is the project root)", () => {
    p.write("charterc.strict.yaml", "profile: strict\n");
    const r = p.charterc(["check", BAKERS, "-c", "charterc.strict.yaml"]);
    expect(r.stdout).toContain("1 error, 0 warnings");
    expect(r.status).toBe(1);
    fs.rmSync(path.join(p.dir, "charterc.strict.yaml"));
  });

  it("found from a subfolder: the nearest charterc.yaml above is the project root", () => {
    withConfig("profile: strict\n", () => {
      const r = p.charterc(["check", "riverside-bakers-coop.charter"], { cwd: "charters" });
      expect(r.stdout).toContain("1 error, 0 warnings");
      expect(r.status).toBe(1);
    });
  });

  it.each(EVERY_COMMAND)("%s runs with a valid charterc.yaml (no internal error)", (_name, args) => {
    withConfig(`include: ["${FREE}"]\nprofile: recommended\nmaxNotice: { charter: 30 days, federation: 2 years }\nrules:\n  due-process: error\n`, () => {
      const r = p.charterc(args);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.status).toBe(0);
    });
  });
});

describe("a bad charterc.yaml stops every command with exit 2 and the documented message", () => {
  const TYPO = /^charterc: (?:.*\/)?charterc\.yaml:1:1: unknown key `profiles` \(did you mean `profile`\?\); allowed: `include`, `profile`, `maxNotice`, `rules`\n$/;
  const DAYZ = /^charterc: (?:.*\/)?charterc\.yaml:1:23: `maxNotice\.charter` must be a duration such as `30 days`\n$/;

  it.each(EVERY_COMMAND)("%s: a `profiles:` typo", (_name, args) => {
    withConfig("profiles: strict\n", () => {
      const r = p.charterc(args);
      expect(r.stderr).toMatch(TYPO);
      expect(r.stdout).toBe("");
      expect(r.status).toBe(2);
    });
  });

  it.each(EVERY_COMMAND)("%s: a `30 dayz` duration", (_name, args) => {
    withConfig("maxNotice: { charter: 30 dayz }\n", () => {
      const r = p.charterc(args);
      expect(r.stderr).toMatch(DAYZ);
      expect(r.status).toBe(2);
    });
  });

  it("diff --git and -c FILE report it too", () => {
    p.write("config/bad.yaml", "profiles: strict\n");
    const r = p.charterc(["check", FREE, "-c", "config/bad.yaml"]);
    expect(r.stderr).toMatch(/config\/bad\.yaml:1:1: unknown key `profiles` \(did you mean `profile`\?\)/);
    expect(r.status).toBe(2);
    withConfig("profiles: strict\n", () => {
      const g = p.charterc(["diff", "--git", "HEAD"]);
      expect(g.stderr).toMatch(/charterc\.yaml:1:1: unknown key `profiles`/);
      expect(g.status).toBe(2);
    });
  });
});
