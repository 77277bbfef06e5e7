// `charterc diff --git REV`: against a temporary git repository made here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run, schemaErrors } from "./helpers.js";

const FED = (powers: string) => `federation "League" {
  version: "1.0.0"
  jurisdiction: personal
  powers: ${powers}
  membership { eligibility: "any community" admission: open }
  exit { approval: none notice: 90 days penalty: none retains: property amendable: never }
  body congress { members: 1 seat per member }
  decision change { by: congress threshold: unanimity }
  amendments { by: change }
  disputes { by: "arbiters" }
}
`;

const MEMBER = (notice: string) => `import "./league.charter" as league

charter "Commons" {
  version: "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none notice: ${notice} penalty: none retains: property amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 50% threshold: 2/3 of votes cast }
  amendments { by: ordinary }
  disputes { by: "an arbiter" }
  member of league { delegates: defense withdrawal: unilateral, notice 30 days }
}
`;

let dir = "";
const git = (...args: string[]) => {
  const r = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
};

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-diff-git-")));
  git("init", "-q");
  git("config", "user.email", "test@example.invalid");
  git("config", "user.name", "test");
  git("config", "commit.gpgsign", "false");
  fs.mkdirSync(path.join(dir, "charters"));
  fs.writeFileSync(path.join(dir, "charters/league.charter"), FED("defense"));
  fs.writeFileSync(path.join(dir, "charters/commons.charter"), MEMBER("immediately"));
  git("add", ".");
  git("commit", "-q", "-m", "first");
  // The working tree: the federation claims taxation; the member's own text is unchanged.
  fs.writeFileSync(path.join(dir, "charters/league.charter"), FED("defense, taxation"));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("diff --git", () => {
  test("reports the federation's new power in both the federation and the member whose text did not change", async () => {
    const r = await run(["diff", "--git", "HEAD", "--format", "json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(schemaErrors("diff", j)).toBe("");
    const byFile = new Map<string, any>(j.diffs.map((d: any) => [d.new.file, d]));
    expect([...byFile.keys()].sort()).toEqual(["charters/commons.charter", "charters/league.charter"]);
    expect(byFile.get("charters/league.charter").old.file).toBe("HEAD:charters/league.charter");
    expect(byFile.get("charters/league.charter").changes).toEqual([expect.objectContaining({ field: "powers", effect: "weakens", new: "defense, taxation" })]);
    // The member's imports were read at HEAD for the old side, so the change is visible there too.
    const member = byFile.get("charters/commons.charter");
    expect(member.changes).toEqual([expect.objectContaining({ clause: "member of league", field: "undelegated federation powers", old: "none", new: "taxation", effect: "weakens", dimension: "federation" })]);
    expect(member.properties).toEqual([expect.objectContaining({ id: "federation-subsidiarity", old: "holds", new: "fails", effect: "weakens" })]);
    expect(j.summary.bump).toBe("major");
  });

  test("--fail-on weaken exits 1; explicit paths narrow the comparison", async () => {
    expect((await run(["diff", "--git", "HEAD", "--fail-on", "weaken"], dir)).code).toBe(1);
    const r = await run(["diff", "--git", "HEAD", "charters/league.charter", "--no-color"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('federation "League": HEAD:charters/league.charter → charters/league.charter');
    expect(r.out).not.toContain("commons.charter");
  });

  test("a file unchanged in meaning is left out; --fail-on any passes when nothing changed", async () => {
    fs.writeFileSync(path.join(dir, "charters/league.charter"), `// only a comment\n${FED("defense")}`);
    try {
      const r = await run(["diff", "--git", "HEAD", "--fail-on", "any"], dir);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe("no semantic changes in 2 files");
    } finally {
      fs.writeFileSync(path.join(dir, "charters/league.charter"), FED("defense, taxation"));
    }
  });

  test("a bad revision and a folder outside git are usage errors (exit 2)", async () => {
    const bad = await run(["diff", "--git", "no-such-rev"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("`no-such-rev` is not a commit");
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-nogit-")));
    try {
      const r = await run(["diff", "--git", "HEAD"], outside);
      expect(r.code).toBe(2);
      expect(r.err).toContain("--git needs a git repository");
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test("a file new since the revision is noted, not compared", async () => {
    fs.writeFileSync(path.join(dir, "charters/new.charter"), MEMBER("7 days"));
    try {
      const r = await run(["diff", "--git", "HEAD", "charters/new.charter"], dir);
      expect(r.err).toContain("`charters/new.charter` is new since HEAD");
      expect(r.code).toBe(0);
    } finally {
      fs.rmSync(path.join(dir, "charters/new.charter"));
    }
  });
});

describe("diff --git and deleted files", () => {
  test("a charter deleted since the revision is noted, whether globbed or named", async () => {
    fs.mkdirSync(path.join(dir, "charters/old"), { recursive: true });
    fs.writeFileSync(path.join(dir, "charters/old/gone.charter"), MEMBER("7 days"));
    git("add", ".");
    git("commit", "-q", "-m", "a charter to delete");
    fs.rmSync(path.join(dir, "charters/old"), { recursive: true });
    try {
      const all = await run(["diff", "--git", "HEAD", "--no-color"], dir);
      expect(all.err).toContain("`charters/old/gone.charter` was deleted since HEAD");
      expect(all.code).toBe(0);
      expect(all.out.trim()).toBe("no semantic changes in 2 files");
      const named = await run(["diff", "--git", "HEAD", "charters/old/gone.charter"], dir);
      expect(named.err).toContain("`charters/old/gone.charter` was deleted since HEAD");
      expect(named.err).not.toContain("no charter files match");
      expect(named.code).toBe(0);
      const unchanged = await run(["diff", "--git", "HEAD", "charters/commons.charter"], dir);
      expect(unchanged.err).not.toContain("deleted");
    } finally {
      git("checkout", "-q", "HEAD", "--", "charters/old");
    }
  });
});

describe("diff --git and renamed files", () => {
  let repo = "";
  const g = (...args: string[]) => {
    const r = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };

  beforeAll(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-diff-rename-")));
    g("init", "-q");
    g("config", "user.email", "test@example.invalid");
    g("config", "user.name", "test");
    g("config", "commit.gpgsign", "false");
    fs.mkdirSync(path.join(repo, "charters"));
    // The federation claims taxation, which the member does not delegate: federation-subsidiarity
    // fails in both, and the federation's verdict depends on seeing its member.
    fs.writeFileSync(path.join(repo, "charters/league.charter"), FED("defense, taxation"));
    fs.writeFileSync(path.join(repo, "charters/commons.charter"), MEMBER("immediately"));
    g("add", ".");
    g("commit", "-q", "-m", "first");
  });

  afterAll(() => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  test("a pure `git mv` is neutral: no flips, no bump, exit 0 under --fail-on weaken", async () => {
    g("mv", "charters/commons.charter", "charters/the-commons.charter");
    try {
      const r = await run(["diff", "--git", "HEAD", "--fail-on", "weaken", "--format", "json"], repo);
      expect(r.code).toBe(0);
      expect(r.err).toContain("`charters/commons.charter` was renamed to `charters/the-commons.charter` since HEAD");
      const j = JSON.parse(r.out);
      expect(schemaErrors("diff", j)).toBe("");
      expect(j.diffs).toEqual([]);
      expect(j.summary).toMatchObject({ files: 2, unchanged: 2, weakens: 0, bump: "none" });
      const text = await run(["diff", "--git", "HEAD", "--no-color"], repo);
      expect(text.out.trim()).toBe("no semantic changes in 2 files");
    } finally {
      g("mv", "charters/the-commons.charter", "charters/commons.charter");
    }
  });

  test("a plain mv (the new name not yet added) is matched by its unchanged text", async () => {
    fs.renameSync(path.join(repo, "charters/commons.charter"), path.join(repo, "charters/moved.charter"));
    try {
      const r = await run(["diff", "--git", "HEAD", "--fail-on", "weaken"], repo);
      expect(r.code).toBe(0);
      expect(r.err).toContain("`charters/commons.charter` was renamed to `charters/moved.charter`");
      expect(r.out.trim()).toBe("no semantic changes in 2 files");
    } finally {
      fs.renameSync(path.join(repo, "charters/moved.charter"), path.join(repo, "charters/commons.charter"));
    }
  });

  test("a renamed and edited member is diffed against its old self; its federation sees it on both sides", async () => {
    g("mv", "charters/commons.charter", "charters/the-commons.charter");
    fs.writeFileSync(path.join(repo, "charters/the-commons.charter"), MEMBER("7 days"));
    try {
      const r = await run(["diff", "--git", "HEAD", "--format", "json"], repo);
      const j = JSON.parse(r.out);
      expect(j.diffs.map((d: any) => [d.old.file, d.new.file])).toEqual([["HEAD:charters/commons.charter", "charters/the-commons.charter"]]);
      expect(j.diffs[0].changes).toEqual([expect.objectContaining({ clause: "exit", field: "notice", new: "7 days" })]);
      // No federation verdict flips in the member or in the league (which is unchanged and left out).
      expect(j.diffs[0].properties.filter((p: any) => p.id.startsWith("federation"))).toEqual([]);
    } finally {
      fs.writeFileSync(path.join(repo, "charters/the-commons.charter"), MEMBER("immediately"));
      g("mv", "charters/the-commons.charter", "charters/commons.charter");
    }
  });
});
