// Issue 12 items 2 and 3: every file charterc reads — charterc.yaml,
// charters, records, globbed and `include:` files — is checked to be a
// regular file inside the project root and read with a size limit, before
// anything of it is read. A refused file is named, never opened or printed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { charterc, ensureBuilt, GOOD, sandbox } from "./helpers.js";

beforeAll(ensureBuilt, 120_000);

const SECRET = "MY_SECRET_TOKEN";
const SECRET_VALUE = "s3cr3t-value-that-must-not-leak";

function mkfifo(p: string): void {
  execFileSync("mkfifo", [p]);
}

describe("charterc.yaml that is not a small regular file", () => {
  it("a symlink to /dev/zero: one line naming it, exit 2 (was: 16 GB and std::bad_alloc)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.symlinkSync("/dev/zero", path.join(dir, "charterc.yaml"));
    for (const cmd of [["check"], ["fmt", "--check"], ["build", "-o", "site"], ["validate", "r.yaml", "--charter", "charters/a.charter"]]) {
      const r = charterc(dir, cmd);
      expect(r.code, cmd.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^charterc: charterc\.yaml: the configuration file leads outside the project root/);
    }
  });

  it("a FIFO: one line, exit 2, no hang (was: blocked forever)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    mkfifo(path.join(dir, "charterc.yaml"));
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: charterc.yaml: the configuration file is not a regular file (a folder, FIFO, socket or device); it was not read");
  });

  it("-c naming a device or a folder: refused the same way", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    expect(charterc(dir, ["check", "-c", "/dev/zero"]).stderr).toMatch(/is not a regular file/);
    expect(charterc(dir, ["check", "-c", "charters"]).stderr).toMatch(/is not a regular file/);
    expect(charterc(dir, ["check", "-c", "nope.yaml"]).stderr.trim()).toBe("charterc: nope.yaml: no such configuration file");
  });

  it("larger than the limit: refused without being read", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "charterc.yaml": "# " + "x".repeat(300 * 1024) + "\n" });
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/charterc\.yaml: the configuration file is larger than 256 KiB; it was not read/);
  });

  it("not valid UTF-8: the byte is named", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD, "charterc.yaml": Buffer.from([0x70, 0x72, 0x6f, 0x66, 0x69, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0x0a]) });
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: charterc.yaml: the configuration file is not valid UTF-8 (byte 0xff at byte offset 9)");
  });
});

describe("globs and folders stay inside the root and never follow a link out", () => {
  it("charters/evil.charter -> /proc/self/environ is refused by name; the environment never reaches the output (was: printed in an excerpt)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.symlinkSync("/proc/self/environ", path.join(dir, "charters/evil.charter"));
    for (const args of [["check"], ["check", "charters"], ["check", "charters/*.charter"], ["check", "--format", "json"], ["check", "--format", "github"], ["check", "--format", "sarif"], ["fmt", "--check"], ["build", "-o", "site"]]) {
      const r = charterc(dir, args, { [SECRET]: SECRET_VALUE });
      expect(r.stdout + r.stderr, args.join(" ")).not.toContain(SECRET_VALUE);
      expect(r.stdout + r.stderr, args.join(" ")).not.toContain(SECRET);
      expect(r.stdout + r.stderr, args.join(" ")).toMatch(/evil\.charter/);
      expect(r.code, args.join(" ")).toBe(args[0] === "build" ? 1 : 1);
    }
    const text = charterc(dir, ["check"], { [SECRET]: SECRET_VALUE });
    expect(text.stdout).toContain("charters/evil.charter:1:1 - error CH0303: `charters/evil.charter` leads outside the project root");
  });

  it("charters/root -> / is not crawled (was: heap out of memory after 208 s)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.symlinkSync("/", path.join(dir, "charters/root"));
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file checked: 0 errors/);
    // Named explicitly, the link is refused rather than entered.
    const named = charterc(dir, ["check", "charters/root"]);
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/`charters\/root` leads outside the project root/);
    // A pattern whose folder is the link is refused too.
    expect(charterc(dir, ["check", "charters/root/etc/*.charter"]).stdout).toMatch(/leads outside the project root/);
  });

  it("charters/ext.charter -> ../outside/x.charter: refused by check, and fmt leaves the outside file alone (was: rewritten)", () => {
    const { dir, outside } = sandbox({ "charters/a.charter": GOOD });
    fs.writeFileSync(path.join(outside, "x.charter"), GOOD.replace('  version: "1.0.0"', '  version:     "1.0.0"'));
    const before = fs.readFileSync(path.join(outside, "x.charter"));
    fs.symlinkSync("../../outside/x.charter", path.join(dir, "charters/ext.charter"));
    expect(charterc(dir, ["check"]).stdout).toMatch(/charters\/ext\.charter:1:1 - error CH0303/);
    const f = charterc(dir, ["fmt"]);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/charters\/ext\.charter leads outside the project root/);
    expect(fs.readFileSync(path.join(outside, "x.charter"))).toEqual(before);
    expect(charterc(dir, ["fmt", "charters/ext.charter"]).code).toBe(1);
    expect(fs.readFileSync(path.join(outside, "x.charter"))).toEqual(before);
  });

  it("a link that stays inside the root is followed as before", () => {
    const { dir } = sandbox({ "shared/a.charter": GOOD });
    fs.mkdirSync(path.join(dir, "charters"));
    fs.symlinkSync("../shared/a.charter", path.join(dir, "charters/a.charter"));
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file checked: 0 errors/);
  });

  it("a FIFO matched by the default glob is refused, not opened (no hang)", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    mkfifo(path.join(dir, "charters/pipe.charter"));
    const r = charterc(dir, ["check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/`charters\/pipe\.charter` is not a regular file/);
    expect(charterc(dir, ["fmt", "--check"]).code).toBe(1);
  });

  it('include: ["/proc/self/environ", "../../../etc/host*"] is a configuration error, nothing read (exit 2)', () => {
    for (const pattern of ["/proc/self/environ", "../../../etc/host*", "{..,charters}/*.charter"]) {
      const { dir } = sandbox({ "charters/a.charter": GOOD, "charterc.yaml": `include: ["charters/*.charter", ${JSON.stringify(pattern)}]\n` });
      const r = charterc(dir, ["check"], { [SECRET]: SECRET_VALUE });
      expect(r.stdout + r.stderr).not.toContain(SECRET_VALUE);
      expect(r.stdout + r.stderr).not.toMatch(/localhost/);
      expect(r.stdout).toBe("");
      expect(r.code, pattern).toBe(2);
      expect(r.stderr.trim()).toMatch(/^charterc: .*charterc\.yaml:1:\d+: the `include` pattern `.*` leaves the project root .*patterns must stay inside it/);
    }
  });

  it("a file named on the command line outside the root is refused the same way by every command", () => {
    const { dir, outside } = sandbox({ "charters/a.charter": GOOD });
    fs.writeFileSync(path.join(outside, "x.charter"), GOOD);
    // Shown as an absolute path (never a climb of `../`), with the root it is outside of.
    const abs = path.join(outside, "x.charter");
    expect(charterc(dir, ["check", "../outside/x.charter"]).stdout).toContain(`${abs}:1:1 - error CH0303: \`${abs}\` is outside the project root \`${dir}\``);
    expect(charterc(dir, ["build", "../outside/x.charter", "-o", "site"]).stderr).toContain(`\`${abs}\` is outside the project root`);
    expect(charterc(dir, ["fmt", "../outside/x.charter"]).stderr).toContain(`charterc: ${abs} is outside the project root \`${dir}\``);
    expect(charterc(dir, ["validate", "r.yaml", "--charter", "../outside/x.charter"]).stderr).toMatch(/is outside the project root/);
  });
});

describe("imports read through the same reader", () => {
  it("an import of a FIFO, of a link to /dev/zero and of a link to /proc/self/environ: refused or unreadable, no hang, nothing printed of them", () => {
    const { dir } = sandbox();
    fs.mkdirSync(path.join(dir, "charters"));
    mkfifo(path.join(dir, "charters/pipe.charter"));
    fs.symlinkSync("/dev/zero", path.join(dir, "charters/zero.charter"));
    fs.symlinkSync("/proc/self/environ", path.join(dir, "charters/env.charter"));
    const main = 'import "./pipe.charter" as p\nimport "./zero.charter" as z\nimport "./env.charter" as e\n' + GOOD;
    fs.writeFileSync(path.join(dir, "main.charter"), main.replaceAll('"./', '"./charters/'));
    const r = charterc(dir, ["check", "main.charter"], { [SECRET]: SECRET_VALUE });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET_VALUE);
    expect(r.stdout).toMatch(/import `\.\/charters\/zero\.charter` leaves the project root/);
    expect(r.stdout).toMatch(/import `\.\/charters\/env\.charter` leaves the project root/);
    expect(r.stdout).toMatch(/cannot read imported file `\.\/charters\/pipe\.charter`/);
  });
});

describe("records files", () => {
  it("a records file that is a link to /dev/zero or a FIFO is refused (CH0401), not read", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.symlinkSync("/dev/zero", path.join(dir, "zero.yaml"));
    mkfifo(path.join(dir, "pipe.yaml"));
    const r = charterc(dir, ["validate", "zero.yaml", "pipe.yaml", "--charter", "charters/a.charter"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/zero\.yaml:1:1 - error CH0401: cannot read the records: `zero\.yaml` leads outside the project root/);
    expect(r.stdout).toMatch(/pipe\.yaml:1:1 - error CH0401: cannot read the records: `pipe\.yaml` is not a regular file/);
  });

  it("a missing records file or charter is one line, exit 2", () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    const r = charterc(dir, ["validate", "nope.yaml", "--charter", "charters/a.charter"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("charterc: cannot read the records file `nope.yaml`: no such file");
  });
});
