// Issue 12 items 4, 5 and 14: build and fmt write atomically through the
// project layer — never through a link at (or on the way to) the
// destination, never two outputs to one name, never over a file that is
// read-only or changed since it was read; mode and owner are kept; every IO
// failure is one line naming the path with exit 2, never "internal error".
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { replaceFile } from "../../../src/project/safe-fs.js";
import { charterc, ensureBuilt, GOOD, IS_ROOT, sandbox } from "./helpers.js";

beforeAll(ensureBuilt, 120_000);

/** fmt rewrites this (extra spaces after the colon). */
const MESSY = GOOD.replace('  version: "1.0.0"', '  version:      "1.0.0"');

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe("build", () => {
  it("refuses to write through a symlink at an output path; the link's target is untouched and nothing is written (was: overwritten)", () => {
    const { dir, outside } = sandbox({ "charters/a.charter": GOOD, "charters/b.charter": GOOD.replace("Fixture", "B") });
    fs.writeFileSync(path.join(outside, "victim.txt"), "victim");
    fs.mkdirSync(path.join(dir, "site"));
    fs.symlinkSync(path.join(outside, "victim.txt"), path.join(dir, "site/a.md"));
    const r = charterc(dir, ["build", "-o", "site"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: `site/a.md` is a symlink; charterc does not write through links (remove it and build again)");
    expect(fs.readFileSync(path.join(outside, "victim.txt"), "utf8")).toBe("victim");
    expect(listTree(path.join(dir, "site"))).toEqual(["a.md"]);
  });

  it("refuses a symlinked folder inside the output folder", () => {
    const { dir, outside } = sandbox({ "charters/sub/a.charter": GOOD, "charters/b.charter": GOOD.replace("Fixture", "B") });
    fs.mkdirSync(path.join(dir, "site"));
    fs.symlinkSync(outside, path.join(dir, "site/sub"));
    const r = charterc(dir, ["build", "-o", "site"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`site\/sub` is a symlink; charterc does not write through links/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("refuses colliding outputs before writing anything (was: 8 files written, 7 exist)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "charters/a.records.schema.charter": GOOD.replace("Fixture", "Other") });
    const r = charterc(dir, ["build", "-o", "site"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "charterc: `site/a.records.schema.json` would be written by both `charters/a.charter` and `charters/a.records.schema.charter`; nothing was written (rename one of them)",
    );
    expect(fs.existsSync(path.join(dir, "site"))).toBe(false);
  });

  it("refuses names that differ only in case (one file on macOS and Windows)", () => {
    const { dir } = sandbox({ "charters/Town.charter": GOOD, "charters/town.charter": GOOD.replace("Fixture", "Other") });
    const r = charterc(dir, ["build", "-o", "site", "--emit", "markdown"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would be written by both `charters\/(Town|town)\.charter` and `charters\/(Town|town)\.charter`/);
  });

  it("--out naming an existing file: one line, exit 2 (was: internal error: EEXIST)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "taken.txt": "x" });
    const r = charterc(dir, ["build", "-o", "taken.txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: `taken.txt` is not a folder (`--out` names the folder to write into)");
    expect(fs.readFileSync(path.join(dir, "taken.txt"), "utf8")).toBe("x");
  });

  it("an output folder that cannot be created: one line naming it, exit 2 (was: internal error) — a file where a folder must be, which holds for root too", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "taken.txt": "x" });
    const r = charterc(dir, ["build", "-o", "taken.txt/site"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^charterc: `taken\.txt\/site(\/a\.md)?` cannot be written \(a file stands where a folder is needed\)/);
  });

  it.skipIf(IS_ROOT)("a read-only output folder: one line naming the path, exit 2 (was: internal error: EACCES)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.mkdirSync(path.join(dir, "site"));
    fs.chmodSync(path.join(dir, "site"), 0o555);
    try {
      const r = charterc(dir, ["build", "-o", "site"]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(/^charterc: `site\/a\.[a-z.]+` cannot be written \(permission denied\)$/);
    } finally {
      fs.chmodSync(path.join(dir, "site"), 0o755);
    }
  });

  it("replaces an existing output atomically: no temporary file is left, a hard link elsewhere keeps the old bytes", () => {
    const { dir, outside } = sandbox({ "charters/a.charter": GOOD });
    expect(charterc(dir, ["build", "-o", "site"]).code).toBe(0);
    const md = path.join(dir, "site/a.md");
    const fresh = fs.readFileSync(md, "utf8");
    fs.writeFileSync(md, "stale");
    fs.linkSync(md, path.join(outside, "hard.md"));
    expect(charterc(dir, ["build", "-o", "site"]).code).toBe(0);
    expect(fs.readFileSync(md, "utf8")).toBe(fresh);
    expect(fs.readFileSync(path.join(outside, "hard.md"), "utf8")).toBe("stale");
    expect(listTree(path.join(dir, "site")).filter((f) => f.includes(".tmp"))).toEqual([]);
  });
});

describe("fmt", () => {
  it("keeps the file's mode", () => {
    const { dir } = sandbox({ "charters/a.charter": MESSY });
    const file = path.join(dir, "charters/a.charter");
    fs.chmodSync(file, 0o640);
    expect(charterc(dir, ["fmt"]).code).toBe(0);
    expect(fs.readFileSync(file, "utf8")).not.toBe(MESSY);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
  });

  it.skipIf(!IS_ROOT)("keeps the file's owner (was: the owner became whoever ran fmt)", () => {
    const { dir } = sandbox({ "charters/a.charter": MESSY });
    const file = path.join(dir, "charters/a.charter");
    fs.chownSync(file, 4242, 4343);
    expect(charterc(dir, ["fmt"]).code).toBe(0);
    expect(fs.readFileSync(file, "utf8")).not.toBe(MESSY);
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([4242, 4343]);
  });

  it("does not replace a read-only (0444) file, even when run as root (was: replaced, owner changed)", () => {
    const { dir } = sandbox({ "charters/a.charter": MESSY });
    const file = path.join(dir, "charters/a.charter");
    fs.chmodSync(file, 0o444);
    const r = charterc(dir, ["fmt"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: `charters/a.charter` is read-only; not rewritten");
    expect(fs.readFileSync(file, "utf8")).toBe(MESSY);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o444);
  });

  it("never replaces a file whose content changed since it was read (was: the appended data was lost)", () => {
    const { dir } = sandbox({ "a.charter": MESSY });
    const file = path.join(dir, "a.charter");
    const original = { bytes: fs.readFileSync(file), stat: fs.statSync(file) };
    fs.appendFileSync(file, "// appended by another process\n");
    expect(() => replaceFile(file, "a.charter", original, GOOD)).toThrow("`a.charter` changed while it was being formatted; not rewritten (run `charterc fmt` again)");
    expect(fs.readFileSync(file, "utf8")).toBe(MESSY + "// appended by another process\n");
    expect(fs.readdirSync(dir)).toEqual(["a.charter"]);
  });

  it("a file that is not valid UTF-8 is reported (CH0016 at its byte) and left byte for byte (was: rewritten with U+FFFD)", () => {
    // `charter "Caf<ff fe c3 28>" {`: two bytes that start no UTF-8 sequence, and a lead byte without its continuation.
    const text = Buffer.concat([Buffer.from('charter "Caf'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(MESSY.slice(MESSY.indexOf('" {')))]);
    const { dir } = sandbox({ "charters/a.charter": text });
    const file = path.join(dir, "charters/a.charter");
    const f = charterc(dir, ["fmt"]);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain("charters/a.charter:1:13 - error CH0016: the file is not valid UTF-8: byte 0xff at byte offset 12 cannot be decoded (3 invalid bytes in the file)");
    expect(fs.readFileSync(file)).toEqual(text);
    expect(charterc(dir, ["fmt", "--check"]).code).toBe(1);
    const c = charterc(dir, ["check"]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain("error CH0016: the file is not valid UTF-8: byte 0xff at byte offset 12");
    const json = JSON.parse(charterc(dir, ["check", "--format", "json"]).stdout);
    const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === "CH0016");
    expect(d.range.start).toEqual({ line: 1, column: 13 });
  });
});
