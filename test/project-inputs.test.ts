// What a new user meets with the built CLI in a fresh npm project (issue 13,
// helper G2): folders and globs expand to charters only, a records file named
// as a charter gets a hint, an empty folder is not "no such file", the root
// of an npm/git project is its top folder, config mistakes say the expected
// shape, paths outside the root are shown as typed, undecodable bytes as
// `\xNN`, and an invalid `jurisdiction` is not also reported missing.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findMarkedRoot } from "../src/project/root.js";
import { charterc, ensureBuilt, GOOD, sandbox } from "./hostile/fs/helpers.js";

beforeAll(ensureBuilt, 120_000);

const RECORDS = "# free commons, 2024\nmembers:\n  - name: Ada\n";

/** An npm project: package.json at the top, charters in charters/ with records beside them. */
function npmProject(extra: Record<string, string | Buffer> = {}) {
  return sandbox({
    "package.json": '{ "name": "adopter", "private": true }\n',
    "charters/a.charter": GOOD,
    "charters/federations/b.charter": GOOD.replace('"Fixture"', '"Other"'),
    "charters/records/a-2024.yaml": RECORDS,
    "charters/records/b.json": '{ "members": [] }\n',
    ...extra,
  });
}

describe("folders and globs expand to `*.charter` files only", () => {
  it("`check 'charters/**'`, `check charters` and `fmt --check 'charters/**'` skip the records beside the charters", () => {
    const { dir } = npmProject();
    for (const arg of ["charters/**", "charters", "charters/*"]) {
      const r = charterc(dir, ["check", arg]);
      expect(r.stdout, arg).not.toMatch(/CH0001|unexpected character|records/);
      expect(r.stdout, arg).toMatch(arg === "charters/*" ? /1 file checked: 0 errors/ : /2 files checked: 0 errors/);
      expect(r.code, arg).toBe(0);
    }
    // fmt rewrites the charters and leaves the records alone, byte for byte.
    expect(charterc(dir, ["fmt", "charters/**"]).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "charters/records/a-2024.yaml"), "utf8")).toBe(RECORDS);
    const f = charterc(dir, ["fmt", "--check", "charters/**"]);
    expect(f.stdout + f.stderr).not.toMatch(/records|unexpected/);
    expect(f.code).toBe(0);
  });

  it("a records file named explicitly gets one hint to `validate`, not lexer errors", () => {
    const { dir } = npmProject();
    const r = charterc(dir, ["check", "charters/records/a-2024.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/unexpected character/);
    expect(r.stdout).toContain("is a records file, not a charter: check records with `charterc validate charters/records/a-2024.yaml --charter C`");
    expect(r.stdout).toMatch(/1 file checked: 1 error, 0 warnings/);
    // A glob that names records explicitly: the same hint for each.
    const g = charterc(dir, ["check", "charters/records/*.{yaml,json}"]);
    expect(g.stdout.match(/is a records file, not a charter/g)).toHaveLength(2);
    expect(g.stdout).not.toMatch(/unexpected character/);
  });
});

describe("an existing folder without charters", () => {
  it("is reported as holding no `*.charter` files (exit 2), for check, fmt and build, and for `.`", () => {
    const { dir } = npmProject();
    fs.mkdirSync(path.join(dir, "emptydir"));
    for (const cmd of [["check", "emptydir"], ["fmt", "emptydir"], ["build", "emptydir", "--out", "x"]]) {
      const r = charterc(dir, cmd);
      expect(r.code, cmd.join(" ")).toBe(2);
      expect(r.stderr.trim(), cmd.join(" ")).toBe("charterc: no `*.charter` files in `emptydir`");
    }
    expect(fs.existsSync(path.join(dir, "x"))).toBe(false);
    const dot = charterc(path.join(dir, "emptydir"), ["check", "."]);
    expect(dot.code).toBe(2);
    expect(dot.stderr.trim()).toBe("charterc: no `*.charter` files in `.`");
    // A missing path is still "no such file".
    expect(charterc(dir, ["check", "nope"]).stderr.trim()).toBe("charterc: no such file: `nope`");
  });
});

describe("the project root without a charterc.yaml", () => {
  it("is the folder of package.json: a sibling charter named from a subfolder is read", () => {
    const { dir } = npmProject();
    const r = charterc(path.join(dir, "charters/federations"), ["check", "../a.charter"]);
    expect(r.stdout).not.toContain("CH0303");
    expect(r.stdout).toMatch(/^\.\.\/a\.charter charter "Fixture"/m);
    expect(r.code).toBe(0);
  });

  it("is the folder of .git when there is no package.json", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "charters/sub/.keep": "" });
    fs.mkdirSync(path.join(dir, ".git"));
    const r = charterc(path.join(dir, "charters/sub"), ["check", "../a.charter"]);
    expect(r.stdout).not.toContain("CH0303");
    expect(r.code).toBe(0);
  });

  it("a file outside it is refused unread, shown as typed (absolute), and the message names the root and how to change it", () => {
    const { dir, outside } = npmProject();
    fs.writeFileSync(path.join(outside, "secret.charter"), GOOD.replace("Fixture", "SECRET_NAME"));
    const abs = path.join(outside, "secret.charter");
    const r = charterc(path.join(dir, "charters"), ["check", abs]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("SECRET_NAME");
    expect(r.stdout).not.toMatch(/\.\.\/\.\.\//);
    expect(r.stdout).toContain(`${abs}:1:1 - error CH0303: \`${abs}\` is outside the project root \`${dir}\` (the folder of package.json); it was not read: run charterc from inside that folder, or add a charterc.yaml`);
    // Without any marker the root is the working directory, and the message says so.
    const bare = sandbox({ "a.charter": GOOD });
    const b = charterc(bare.dir, ["check", "../outside"]);
    expect(b.stdout).toContain("(the working directory)");
  });

  it("is never the file system's root, even with a package.json there", () => {
    const top = path.parse(process.cwd()).root;
    const markedAt = (folders: string[]) => (p: string) => folders.includes(path.dirname(p));
    expect(findMarkedRoot(path.join(top, "a", "b"), markedAt([top]))).toBeNull();
    expect(findMarkedRoot(path.join(top, "a", "b"), markedAt([top, path.join(top, "a")]))).toBe(path.join(top, "a"));
  });

  it("a symlink from inside the larger root to outside it is still refused unread", () => {
    const { dir, outside } = npmProject();
    fs.writeFileSync(path.join(outside, "x.charter"), GOOD.replace("Fixture", "SECRET_NAME"));
    fs.symlinkSync(path.join(outside, "x.charter"), path.join(dir, "charters/link.charter"));
    const r = charterc(path.join(dir, "charters/federations"), ["check", "../link.charter"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("SECRET_NAME");
    expect(r.stdout).toContain("CH0303");
    expect(r.stdout).toContain(`outside the project root \`${dir}\``);
  });

  it("`build --out` outside the root names the output folder as typed", () => {
    const { dir, outside } = npmProject();
    const out = path.join(outside, "site");
    const r = charterc(dir, ["build", "charters/a.charter", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).toContain(`written to ${out} from 1 charter`);
    expect(r.stderr + r.stdout).not.toMatch(/\.\.\/outside/);
    const inside = charterc(dir, ["build", "charters/a.charter", "--out", path.join(dir, "site")]);
    expect(inside.stderr + inside.stdout).toContain("written to site from 1 charter");
  });
});

describe("charterc.yaml mistakes", () => {
  const cases: [string, RegExp][] = [
    ["include: []\n", /^charterc: .*charterc\.yaml:1:10: `include` is empty: list the charters to check/],
    ['include: ["../proj2/charters/*.charter"]\n', /^charterc: .*charterc\.yaml:1:11: the `include` pattern `\.\.\/proj2\/charters\/\*\.charter` leaves the project root .*patterns must stay inside it/],
    ["include:\n  - charters/*.charter\n  - /etc/*\n", /^charterc: .*charterc\.yaml:3:5: the `include` pattern `\/etc\/\*` leaves the project root/],
    ["maxNotice: 30 days\n", /^charterc: .*charterc\.yaml:1:12: `maxNotice` must be a mapping, e\.g\. `maxNotice: \{ charter: 30 days, federation: 90 days \}`$/],
    ["rules: strict\n", /^charterc: .*charterc\.yaml:1:8: `rules` must be a mapping of property ids to levels/],
    ["just some text\n", /^charterc: .*charterc\.yaml:1:1: the configuration must be a YAML mapping of settings \(`include`, `profile`, `maxNotice`, `rules`\)/],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)}: one line at the charterc.yaml line, exit 2`, () => {
      const { dir } = npmProject({ "charterc.yaml": text });
      const r = charterc(dir, ["check"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(expected);
      expect(r.stderr).not.toMatch(/must be object|looked for {2}/);
    });
  }
});

describe("charter text", () => {
  it("undecodable bytes are shown as `\\xNN`, and CH0016 comes before the warnings they cause", () => {
    const { dir } = sandbox({ "bad.charter": Buffer.concat([Buffer.from('charter "'), Buffer.from([0xff, 0xfe]), Buffer.from('" {}\n')]) });
    const r = charterc(dir, ["check", "bad.charter"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\\udc/);
    expect(r.stdout).toContain('charter "\\xff\\xfe" {}');
    expect(r.stdout).toContain("`\\xff\\xfe` has no `exit` section");
    const heads = r.stdout.split("\n").filter((l) => /^bad\.charter:\d+:\d+ - /.test(l));
    expect(heads[0]).toMatch(/error CH0016: the file is not valid UTF-8/);
    expect(heads.length).toBeGreaterThan(1);
  });

  it("an invalid `jurisdiction` is an error (CH0105), not also a warning that it is missing; consent-based still fails", () => {
    const { dir } = sandbox({ "a.charter": GOOD.replace("jurisdiction: personal", "jurisdiction: persnal") });
    const r = charterc(dir, ["check", "a.charter"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error CH0105: `jurisdiction` expects `personal` or `territorial \"TERRITORY\"`, found `persnal`");
    expect(r.stdout).not.toContain("states no `jurisdiction`");
    expect(r.stdout).toMatch(/✘ consent-based — `jurisdiction` has a value that is neither/);
  });
});
