// `charterc build` and `charterc validate` end to end, through main().
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
  expect(listed.length % 4).toBe(0);
  expect(files(path.join(dir, "b"))).toEqual(listed);
  for (const f of listed) expect(fs.readFileSync(path.join(dir, "b", f))).toEqual(fs.readFileSync(path.join(dir, "a", f)));
  expect(a.err.filter((l) => /^\[\d+\/\d+\] /.test(l)).length).toBe(listed.length / 4);
  expect(b.err.filter((l) => /^\[\d+\/\d+\] /.test(l))).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("--emit picks outputs; an unknown one is a usage error (exit 2)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-build-"));
  const a = io(repo);
  expect(await main(["build", "charters/free-commons.charter", "--out", dir, "--emit", "ig,json"], a.io)).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(["free-commons.ig.csv", "free-commons.json"]);
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
