// `charterc fmt` through the command-line parser (in process): in place,
// --check, --stdin, syntax errors, atomic writes that keep modes and links.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { runFmt } from "../../src/cli/commands/fmt.js";
import { replaceFile } from "../../src/project/safe-fs.js";

const FORMATTED = 'charter "Good" {\n  jurisdiction: personal\n\n  exit { approval: none }\n}\n';
const UNFORMATTED = 'charter "Good" { jurisdiction:   personal\n exit {approval: none} }';
const BROKEN = 'charter "Broken" {\n  exit { approval none }\n}\n';

function tmpProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-fmt-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), "utf8");

describe("charterc fmt", () => {
  test("rewrites unformatted files in place and names them; formatted files are not touched", async () => {
    const dir = tmpProject({ "a.charter": FORMATTED, "b.charter": UNFORMATTED });
    const before = fs.statSync(path.join(dir, "a.charter"));
    const r = await run(["fmt", "a.charter", "b.charter", "--no-color"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("b.charter");
    expect(read(dir, "b.charter")).toBe(FORMATTED);
    expect(read(dir, "a.charter")).toBe(FORMATTED);
    const after = fs.statSync(path.join(dir, "a.charter"));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    // No temporary file left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(["a.charter", "b.charter"]);
  });

  test("--check lists the files that would change, exits 1 and writes nothing", async () => {
    const dir = tmpProject({ "a.charter": FORMATTED, "b.charter": UNFORMATTED });
    const r = await run(["fmt", "--check", "."], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("b.charter");
    expect(r.stderr).toContain("1 file is not formatted");
    expect(read(dir, "b.charter")).toBe(UNFORMATTED);
    fs.writeFileSync(path.join(dir, "b.charter"), FORMATTED);
    const ok = await run(["fmt", "--check", "."], dir);
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("a file with syntax errors gets its diagnostics and stays byte for byte as it was", async () => {
    const broken = BROKEN.replace(/\n/g, "\r\n") + "\t ";
    const dir = tmpProject({ "bad.charter": broken, "b.charter": UNFORMATTED });
    const bytes = fs.readFileSync(path.join(dir, "bad.charter"));
    const r = await run(["fmt", "--no-color", "."], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.charter:2:10 - error CH0006: expected `:` after field name `approval`");
    expect(fs.readFileSync(path.join(dir, "bad.charter")).equals(bytes)).toBe(true);
    // The other file is still formatted.
    expect(read(dir, "b.charter")).toBe(FORMATTED);
  });

  test("default inputs: `include` from charterc.yaml, else charters/**/*.charter", async () => {
    const dir = tmpProject({ "charters/x.charter": UNFORMATTED, "other/y.charter": UNFORMATTED });
    expect((await run(["fmt"], dir)).stdout).toBe("charters/x.charter");
    expect(read(dir, "other/y.charter")).toBe(UNFORMATTED);
    fs.writeFileSync(path.join(dir, "charterc.yaml"), 'include: ["other/*.charter"]\n');
    const sub = path.join(dir, "charters");
    const r = await run(["fmt", "--check"], sub);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("../other/y.charter");
  });

  test("the file mode is kept, and a symlink stays a link to its rewritten target", async () => {
    const dir = tmpProject({ "real/a.charter": UNFORMATTED });
    fs.chmodSync(path.join(dir, "real/a.charter"), 0o640);
    fs.symlinkSync(path.join(dir, "real/a.charter"), path.join(dir, "link.charter"));
    const r = await run(["fmt", "link.charter"], dir);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, "link.charter")).isSymbolicLink()).toBe(true);
    expect(read(dir, "real/a.charter")).toBe(FORMATTED);
    expect(fs.statSync(path.join(dir, "real/a.charter")).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, "real"))).toEqual(["a.charter"]);
  });

  test.skipIf(process.getuid?.() === 0)("a file that cannot be replaced is reported and left intact", async () => {
    const dir = tmpProject({ "ro/a.charter": UNFORMATTED });
    fs.chmodSync(path.join(dir, "ro"), 0o555);
    try {
      const r = await run(["fmt", "ro/a.charter"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("`ro/a.charter` cannot be written (permission denied)");
      expect(read(dir, "ro/a.charter")).toBe(UNFORMATTED);
      expect(fs.readdirSync(path.join(dir, "ro"))).toEqual(["a.charter"]);
    } finally {
      fs.chmodSync(path.join(dir, "ro"), 0o755);
    }
  });

  test("a failed replacement removes its temporary file and leaves the target alone", () => {
    const dir = tmpProject({ "target/keep.txt": "x" });
    // Renaming a file over a non-empty directory fails, for root too.
    const target = path.join(dir, "target");
    expect(() => replaceFile(target, "target", { bytes: Buffer.alloc(0), stat: fs.statSync(target) }, FORMATTED)).toThrow("not rewritten");
    expect(fs.readdirSync(dir)).toEqual(["target"]);
    expect(read(dir, "target/keep.txt")).toBe("x");
  });

  test("--stdin formats standard input to standard output", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: os.tmpdir(), out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await runFmt([], { stdin: true, color: false }, io, async () => UNFORMATTED)).toBe(0);
    expect(out).toEqual([FORMATTED]);
    out.length = 0;
    expect(await runFmt([], { stdin: true, check: true, stdinFilepath: "in.charter" }, io, async () => UNFORMATTED)).toBe(1);
    expect(out).toEqual(["in.charter"]);
    out.length = 0;
    expect(await runFmt([], { stdin: true, check: true }, io, async () => FORMATTED)).toBe(0);
    expect(out).toEqual([]);
    expect(await runFmt([], { stdin: true, stdinFilepath: "x/in.charter", color: false }, io, async () => BROKEN)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("\n")).toContain("x/in.charter:2:10 - error CH0006");
  });

  test("usage errors exit 2", async () => {
    const dir = tmpProject({ "a.charter": FORMATTED });
    expect((await run(["fmt", "--stdin", "a.charter"], dir)).code).toBe(2);
    expect((await run(["fmt", "--stdin-filepath", "x.charter", "a.charter"], dir)).code).toBe(2);
    const none = await run(["fmt"], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no charter files to format");
  });
});
