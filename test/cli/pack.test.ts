// The packed package (issue 11 item 2): `npm pack`, install the tarball into
// an empty project offline, and run the installed bins. An installed package
// without dist/ must say so in one line (exit 2) — never try to build, never
// print a stack trace. (The full adoption suite, every command and README
// example through the installed package, is test/adoption/.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/build.mjs";

const REPO = path.resolve(import.meta.dirname, "../..");
const GOOD = `charter "Packed" {
  version: "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property, data amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly threshold: majority of votes cast }
  amendments { by: ordinary delay: 30 days }
  disputes { by: "an arbiter both parties accept" }
}
`;

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 300_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, npm_config_update_notifier: "false" } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let app = "";
let tmp = "";
let tarFiles: string[] = [];

/** A consumer project whose lock pins charterc's dependencies to this repository's (so `npm ci --offline` finds them in the cache). */
function writeConsumer(dir: string, tgz: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  const spec = "file:" + tgz;
  const packages: Record<string, unknown> = {
    "": { name: "adopter", devDependencies: { charterc: spec } },
    "node_modules/charterc": { version: pkg.version, resolved: spec, dev: true, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [k, v] of Object.entries(lock.packages)) if (k !== "" && !v.dev && !v.link) packages[k] = { ...v, dev: true };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "adopter", private: true, devDependencies: { charterc: spec } }));
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "adopter", lockfileVersion: 3, requires: true, packages }));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(REPO, "dist/cli.js"))) await build({ quiet: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-pack-"));
  // dist/ is built above by the script `prepack` runs; --ignore-scripts keeps
  // this test from rewriting the bundle under other test files running in parallel.
  const packed = sh("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], REPO);
  expect(packed.status, packed.stderr).toBe(0);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  tarFiles = info[0]!.files.map((f) => f.path);
  app = path.join(tmp, "app");
  fs.mkdirSync(app);
  writeConsumer(app, path.join(tmp, info[0]!.filename));
  let inst = sh("npm", ["ci", "--offline", "--no-audit", "--no-fund"], app);
  if (inst.status !== 0 && /ENOTCACHED/.test(inst.stderr)) inst = sh("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], app);
  expect(inst.status, inst.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const charterc = (args: string[], cwd = app) => sh(path.join(app, "node_modules/.bin/charterc"), args, cwd);

describe("the installed package", () => {
  it("ships what its bins need: bin/ with the launcher, dist/cli.js and dist/lsp.js", () => {
    for (const f of ["bin/charterc.js", "bin/charterc-lsp.js", "bin/launch.js", "dist/cli.js", "dist/lsp.js", "package.json"]) expect(tarFiles).toContain(f);
    expect(tarFiles.some((f) => f.startsWith("test/") || f.startsWith("src/"))).toBe(false);
  });

  it("`charterc --version` prints the version", () => {
    const r = charterc(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
  });

  it("`check` works without and with a charterc.yaml (whose profile applies)", () => {
    const dir = fs.mkdtempSync(path.join(app, "proj-"));
    fs.mkdirSync(path.join(dir, "charters"));
    fs.writeFileSync(path.join(dir, "charters/a.charter"), GOOD.replace("  disputes { by: \"an arbiter both parties accept\" }\n", ""));
    const plain = charterc(["check"], dir);
    expect(plain.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/1 file checked: 0 errors, 1 warning/);
    fs.writeFileSync(path.join(dir, "charterc.yaml"), "profile: strict\n");
    const strict = charterc(["check"], dir);
    expect(strict.stderr).not.toMatch(/internal error/);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/1 file checked: 1 error, 0 warnings/);
  });

  it("without dist/ both bins print one line and exit 2: no build attempt, no stack trace", () => {
    const pkgDir = path.join(app, "node_modules/charterc");
    fs.renameSync(path.join(pkgDir, "dist"), path.join(pkgDir, "dist.away"));
    try {
      for (const bin of ["charterc", "charterc-lsp"]) {
        const r = sh(path.join(app, "node_modules/.bin", bin), ["--version"], app);
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).toMatch(/^charterc: this installation is incomplete: .*dist.* is missing/);
        expect(r.stderr).not.toMatch(/scripts\/build|ERR_MODULE_NOT_FOUND|\n\s+at /);
      }
      expect(fs.existsSync(path.join(pkgDir, "dist"))).toBe(false);
    } finally {
      fs.renameSync(path.join(pkgDir, "dist.away"), path.join(pkgDir, "dist"));
    }
  });
});
