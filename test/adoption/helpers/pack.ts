// The product as shipped: `npm pack` this repository once per test run and
// install the tarball into fresh temporary projects, the way a community
// adopts charterc in its own repository. Test files run in parallel
// processes, so a lock folder serialises the packing, and a tarball newer
// than every file of the repository is reused (like the LSP tests' build
// helper).
//
// The pack runs as from a fresh clone: the repository's files (tracked and
// new, as git lists them — no dist/) are copied to a staging folder, whose
// node_modules links to this one, and `npm pack` runs there with its
// scripts, so `prepack` builds the dist/ that ships (and the repository's
// own dist/, which other tests read, is never rewritten under them).
//
// The install is offline: the temporary project gets a package-lock.json
// whose entries for charterc's runtime dependencies are copied from this
// repository's lock (same versions, same integrity), so `npm ci --offline`
// takes them from the npm cache that `npm ci` filled here. Where the cache
// lacks them, the install falls back to `--prefer-offline`.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withDirLock } from "../../helpers/dir-lock.js";

export const REPO = path.resolve(import.meta.dirname, "../../..");
const CACHE = path.join(REPO, "node_modules", ".cache", "charterc-adoption");

/** The repository's files as a fresh clone has them (tracked, plus new files not ignored). */
function cloneFiles(): string[] {
  const r = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  return r.stdout.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(REPO, f)));
}

interface PackageJson {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines?: Record<string, string>;
}

function newest(files: readonly string[]): number {
  let n = 0;
  for (const f of files) n = Math.max(n, fs.statSync(path.join(REPO, f)).mtimeMs);
  return n;
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 600_000, env: { ...process.env, npm_config_update_notifier: "false" } });
  if (r.error) throw r.error;
  return r;
}

function withLock<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  fs.mkdirSync(CACHE, { recursive: true });
  return withDirLock(path.join(CACHE, name + ".lock"), f, 900_000);
}

export interface Packed {
  /** The tarball `npm pack` wrote. */
  tgz: string;
  /** A project with only the tarball installed (copied by `project()`). */
  installed: string;
  /** The files in the tarball, relative to the package root. */
  files: string[];
}

let packed: Packed | undefined;

/** Pack and install once; later calls (in any test process) reuse the result while it is newer than the sources. */
export async function ensurePacked(): Promise<Packed> {
  if (packed) return packed;
  packed = await withLock("pack", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as PackageJson;
    const tgz = path.join(CACHE, `${pkg.name}-${pkg.version}.tgz`);
    const installed = path.join(CACHE, "installed");
    const listing = path.join(CACHE, "files.json");
    const files = cloneFiles();
    // The listing names the repository it was packed from: a worktree whose
    // node_modules is a hard-linked copy of another's shares these files
    // until one is replaced, and must not take the other's tarball for its own.
    const cached = fs.existsSync(listing) ? (JSON.parse(fs.readFileSync(listing, "utf8")) as { repo?: string; files?: string[] }) : undefined;
    const ok = fs.existsSync(path.join(installed, "node_modules", ".bin", "charterc")) && cached?.repo === REPO && Array.isArray(cached.files);
    if (ok && fs.existsSync(tgz) && fs.statSync(tgz).mtimeMs > newest(files)) {
      return { tgz, installed, files: cached.files! };
    }
    // Unlinked, not rewritten in place, so a hard-linked copy elsewhere is left alone.
    fs.rmSync(tgz, { force: true });
    fs.rmSync(listing, { force: true });
    const clone = path.join(CACHE, "clone");
    fs.rmSync(clone, { recursive: true, force: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
      fs.copyFileSync(path.join(REPO, f), path.join(clone, f));
    }
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(clone, "node_modules"), "dir");
    const r = run("npm", ["pack", "--json", "--pack-destination", CACHE], clone);
    if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
    const shipped = json[0]!.files.map((f) => f.path).sort();
    fs.rmSync(clone, { recursive: true, force: true });
    fs.rmSync(installed, { recursive: true, force: true });
    fs.mkdirSync(installed, { recursive: true });
    writeConsumer(installed, pkg, tgz);
    let inst = run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], installed);
    if (inst.status !== 0 && /ENOTCACHED/.test(inst.stderr)) inst = run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], installed);
    if (inst.status !== 0) throw new Error(`installing the tarball failed: ${inst.stderr}`);
    fs.writeFileSync(`${listing}.${process.pid}.tmp`, JSON.stringify({ repo: REPO, files: shipped }));
    fs.renameSync(`${listing}.${process.pid}.tmp`, listing);
    return { tgz, installed, files: shipped };
  });
  return packed;
}

/** A consumer project depending on the tarball, locked to this repository's versions of charterc's dependencies. */
function writeConsumer(dir: string, pkg: PackageJson, tgz: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  const spec = "file:" + tgz;
  const packages: Record<string, unknown> = {
    "": { name: "adopter", devDependencies: { charterc: spec } },
    "node_modules/charterc": { version: pkg.version, resolved: spec, dev: true, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [k, v] of Object.entries(lock.packages)) if (k !== "" && !v.dev && !v.link) packages[k] = { ...v, dev: true };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "adopter", private: true, devDependencies: { charterc: spec } }, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "adopter", lockfileVersion: 3, requires: true, packages }, null, 2) + "\n");
}

export interface Project {
  dir: string;
  /** node_modules/.bin/charterc */
  bin: string;
  /** node_modules/.bin/charterc-lsp */
  lsp: string;
  write(rel: string, text: string): void;
  /** Run the installed `charterc` with these arguments in the project (or `cwd`, relative to it). */
  charterc(args: string[], opts?: { cwd?: string; input?: string }): { status: number; stdout: string; stderr: string };
  remove(): void;
}

/** A fresh project with charterc installed from the tarball, and these files. */
export async function project(files: Record<string, string> = {}): Promise<Project> {
  const { installed } = await ensurePacked();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-adopter-"));
  fs.cpSync(installed, dir, { recursive: true, verbatimSymlinks: true });
  const p: Project = {
    dir,
    bin: path.join(dir, "node_modules", ".bin", "charterc"),
    lsp: path.join(dir, "node_modules", ".bin", "charterc-lsp"),
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    },
    charterc(args, opts = {}) {
      const r = spawnSync(p.bin, args, {
        cwd: path.resolve(dir, opts.cwd ?? "."),
        input: opts.input ?? "",
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
      });
      if (r.error) throw r.error;
      return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [rel, text] of Object.entries(files)) p.write(rel, text);
  return p;
}

/** The repository's example charters (and records), as files for `project()`. */
export function examples(...rels: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of rels) {
    const abs = path.join(REPO, rel);
    if (fs.statSync(abs).isDirectory()) {
      for (const e of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
        if (e.isFile()) {
          const full = path.join(e.parentPath, e.name);
          out[path.relative(REPO, full)] = fs.readFileSync(full, "utf8");
        }
      }
    } else out[rel] = fs.readFileSync(abs, "utf8");
  }
  return out;
}
