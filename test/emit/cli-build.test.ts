// `charterc build` and `charterc validate` end to end, through main().
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { main } from "../../src/cli/main.js";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { cwd, out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

const repo = path.resolve(".");

test("build writes one output set per charter, mirroring folders, same bytes twice", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-build-"));
  const a = io(repo);
  expect(await main(["build", "charters", "--out", path.join(dir, "a"), "--progress"], a.io)).toBe(0);
  const b = io(repo);
  expect(await main(["build", "charters", "--out", path.join(dir, "b"), "--no-progress"], b.io)).toBe(0);
  const files = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
  const listed = files(path.join(dir, "a"));
  expect(listed).toContain("free-commons.md");
  expect(listed).toContain("federations/delian-league.ig.csv");
  expect(listed).toContain("free-commons.records.schema.json");
  // The site is in the default outputs: an index, compare, a page per charter and its assets.
  expect(listed).toContain("index.html");
  expect(listed).toContain("compare.html");
  expect(listed).toContain("federations/delian-league.html");
  expect(listed).toContain("assets/site.css");
  const perCharter = listed.filter((f) => /\.(md|json|ig\.csv)$/.test(f));
  expect(perCharter.length % 4).toBe(0);
  // (The playground, when dist/web/ has been built, is copied in too.)
  expect(listed.filter((f) => /\.html$/.test(f) && !["index.html", "compare.html", "playground.html"].includes(f) && !f.startsWith("assets/")).length).toBe(perCharter.length / 4);
  expect(files(path.join(dir, "b"))).toEqual(listed);
  for (const f of listed) expect(fs.readFileSync(path.join(dir, "b", f))).toEqual(fs.readFileSync(path.join(dir, "a", f)));
  expect(a.err.filter((l) => /^\[\d+\/\d+\] /.test(l)).length).toBe(perCharter.length / 4);
  expect(b.err.filter((l) => /^\[\d+\/\d+\] /.test(l))).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("--emit picks outputs; an unknown one is a usage error (exit 2)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-build-"));
  const a = io(repo);
  expect(await main(["build", "charters/free-commons.charter", "--out", dir, "--emit", "ig,json"], a.io)).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(["free-commons.ig.csv", "free-commons.json"]);
  const h = io(repo);
  const site = path.join(dir, "site");
  expect(await main(["build", "charters/free-commons.charter", "--out", site, "--emit", "html"], h.io)).toBe(0);
  const own = fs.readdirSync(site, { recursive: true }).map(String).filter((f) => !f.startsWith("playground") && !/^assets\/(?!site\.)|^assets\/.+\//.test(f));
  expect(own.sort()).toEqual(["assets", "assets/site.css", "assets/site.js", "compare.html", "free-commons.html", "index.html"]);
  // The playground's prebuilt assets (dist/web/) are copied in and linked when they exist.
  const web = fs.existsSync("dist/web/playground.html");
  expect(fs.existsSync(path.join(site, "playground.html"))).toBe(web);
  expect(fs.readFileSync(path.join(site, "index.html"), "utf8").includes('href="playground.html"')).toBe(web);
  // The source is highlighted by the TextMate grammar, loaded from the package (offline).
  expect(fs.readFileSync(path.join(site, "free-commons.html"), "utf8")).toMatch(/<span class="tm-keyword">membership<\/span>/);
  const b = io(repo);
  expect(await main(["build", "charters/free-commons.charter", "--out", dir, "--emit", "pdf"], b.io)).toBe(2);
  expect(b.err.join("\n")).toMatch(/unknown output `pdf`/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("validate: 0 for a valid log, 1 with file:line for a broken one, 2 without a charter", async () => {
  const fx = "test/validate/fixtures";
  const ok = io(repo);
  expect(await main(["validate", `${fx}/valid.yaml`, `${fx}/valid.json`, "--charter", `${fx}/village.charter`], ok.io)).toBe(0);
  expect(ok.out.join("\n")).toMatch(/records in 2 files checked against Hollow Creek Village: 0 errors/);
  const bad = io(repo);
  expect(await main(["validate", `${fx}/quorum.yaml`, "--charter", `${fx}/village.charter`], bad.io)).toBe(1);
  expect(bad.out.join("\n")).toMatch(/test\/validate\/fixtures\/quorum\.yaml:6:\d+ - error CH0403/);
  const hostile = io(repo);
  expect(await main(["validate", `${fx}/alias-bomb.yaml`, `${fx}/deep.yaml`, "--charter", `${fx}/village.charter`, "--format", "json"], hostile.io)).toBe(1);
  const report = JSON.parse(hostile.out.join("\n"));
  expect(report.files.map((f: { diagnostics: { code: string }[] }) => f.diagnostics[0]!.code)).toEqual(["CH0401", "CH0401"]);
  const none = io(repo);
  expect(await main(["validate", `${fx}/valid.yaml`, "--charter", "nope.charter"], none.io)).toBe(2);
  expect(none.err.join("\n")).toMatch(/cannot read the charter `nope.charter`/);
});

test("--git REV adds a \"what changed\" page per charter that existed at the revision", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-build-git-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: work, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  const text = fs.readFileSync("charters/free-commons.charter", "utf8").replace(/import [^\n]*\n/, "").replace(/\n  member of cascadia \{[^}]*\}/, "");
  fs.mkdirSync(path.join(work, "charters"));
  fs.writeFileSync(path.join(work, "charters", "a.charter"), text);
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "one");
  fs.writeFileSync(path.join(work, "charters", "a.charter"), text.replace("approval: none", "approval: by ordinary"));
  fs.writeFileSync(path.join(work, "charters", "b.charter"), text.replace("Free Commons of Cascadia", "Newcomers"));
  const r = io(work);
  expect(await main(["build", "charters", "--out", "site", "--emit", "html", "--git", "HEAD"], r.io), r.err.join("\n")).toBe(0);
  const out = fs.readdirSync(path.join(work, "site")).sort();
  expect(out).toContain("a.changes.html");
  expect(out).not.toContain("b.changes.html");
  const page = fs.readFileSync(path.join(work, "site", "a.changes.html"), "utf8");
  expect(page).toMatch(/What changed in Free Commons of Cascadia/);
  expect(page).toMatch(/weakens/);
  expect(page).toMatch(/href="a.html#L\d+"/);
  expect(fs.readFileSync(path.join(work, "site", "a.html"), "utf8")).toMatch(/href="a.changes.html">What changed since HEAD/);
  const bad = io(work);
  expect(await main(["build", "charters", "--out", "site", "--emit", "html", "--git", "nope"], bad.io)).toBe(2);
  expect(bad.err.join("\n")).toMatch(/`nope` is not a commit/);
  fs.rmSync(work, { recursive: true, force: true });
});
