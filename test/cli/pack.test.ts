// The packed package (issue 11 item 2): `npm pack`, install the tarball into
// an empty project offline, and run the installed bins. An installed package
// without dist/ must say so in one line (exit 2) — never try to build, never
// print a stack trace. (The full adoption suite, every command and README
// example through the installed package, is test/adoption/.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePacked, project, type Project } from "../adoption/helpers/pack.js";
import { GOOD } from "../hostile/fs/helpers.js";

const REPO = path.resolve(import.meta.dirname, "../..");

// The tarball is packed and installed once per test run by the adoption
// suite's helper (a real `npm pack` of the files a fresh clone has, so
// `prepack` builds what ships); each test copies that installed project.
let tarFiles: string[] = [];
let app: Project;

beforeAll(async () => {
  tarFiles = (await ensurePacked()).files;
  app = await project();
}, 900_000);

afterAll(() => app?.remove());

describe("the installed package", () => {
  it("ships what its bins need: bin/ with the launcher, dist/cli.js and dist/lsp.js", () => {
    for (const f of ["bin/charterc.js", "bin/charterc-lsp.js", "bin/launch.js", "dist/cli.js", "dist/lsp.js", "package.json"]) expect(tarFiles).toContain(f);
    // What the README relies on: the examples (and their records) for its first command and the tour, the files it links, the licence.
    for (const f of ["charters/free-commons.charter", "charters/records/free-commons-2024.yaml", "ARCHITECTURE.md", "bench/results.md", "LICENSE"]) expect(tarFiles).toContain(f);
    expect(tarFiles.some((f) => f.startsWith("test/") || f.startsWith("src/"))).toBe(false);
    // The fuzzer is a developer tool that reads test/: `npm run fuzz` builds it to dist-dev/, which is not packed.
    expect(tarFiles.filter((f) => /fuzz|^dist-dev\//.test(f))).toEqual([]);
  });

  it("`charterc --version` prints the version", () => {
    const r = app.charterc(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
  });

  it("`check` works without and with a charterc.yaml (whose profile applies)", () => {
    app.write("charters/a.charter", GOOD.replace("  disputes { by: \"an arbiter both parties accept\" }\n", ""));
    const plain = app.charterc(["check"]);
    expect(plain.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/1 file checked: 0 errors, 1 warning/);
    app.write("charterc.yaml", "profile: strict\n");
    const strict = app.charterc(["check"]);
    expect(strict.stderr).not.toMatch(/internal error/);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/1 file checked: 1 error, 0 warnings/);
  });

  it("without dist/ both bins print one line and exit 2: no build attempt, no stack trace", () => {
    const pkgDir = path.join(app.dir, "node_modules/charterc");
    fs.renameSync(path.join(pkgDir, "dist"), path.join(pkgDir, "dist.away"));
    try {
      for (const bin of ["charterc", "charterc-lsp"]) {
        const r = spawnSync(path.join(app.dir, "node_modules/.bin", bin), ["--version"], { cwd: app.dir, encoding: "utf8" });
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
