// `charterc diff OLD NEW`: argument errors and broken input.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { run } from "./helpers.js";

const CASES = path.resolve("test/diff/cases");

test("one file is a usage error (exit 2)", async () => {
  const r = await run(["diff", "old.charter"], path.join(CASES, "identical"));
  expect(r.code).toBe(2);
  expect(r.err).toContain("`diff` takes two files");
});

test("a version that does not parse is reported with file:line:col and exit 1", async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "charterc-diff-")));
  try {
    fs.writeFileSync(path.join(dir, "old.charter"), fs.readFileSync(path.join(CASES, "identical/old.charter")));
    fs.writeFileSync(path.join(dir, "new.charter"), 'charter "X" {\n  exit { approval: none\n');
    const r = await run(["diff", "old.charter", "new.charter", "--no-color"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/new\.charter:\d+:\d+ - error CH\d{4}/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--fail-on any fails on a neutral change; --fail-on weaken does not", async () => {
  const cwd = path.join(CASES, "procedure-renamed");
  expect((await run(["diff", "old.charter", "new.charter", "--fail-on", "any"], cwd)).code).toBe(1);
  expect((await run(["diff", "old.charter", "new.charter", "--fail-on", "weaken"], cwd)).code).toBe(0);
  expect((await run(["diff", "old.charter", "new.charter", "--fail-on", "any"], path.join(CASES, "formatted"))).code).toBe(0);
});

test("property errors (strict profile) do not stop the diff: they are what it reports", async () => {
  const r = await run(["diff", "old.charter", "new.charter", "--profile", "strict", "--format", "json"], path.join(CASES, "exit-weakened"));
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).summary.bump).toBe("major");
});
