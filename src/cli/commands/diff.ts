// `charterc diff OLD NEW` and `charterc diff --git REV [paths]`: the semantic
// diff of src/diff/ over files on disk, or over the working files and their
// version at a git revision (read with `git show REV:path`, imports included).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { check, relativeId, toPosix, type CheckResult, type CompilerHost } from "../../compiler.js";
import type { CheckOptions, Profile } from "../../config/options.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { renderDiagnostic } from "../../diagnostics/render-text.js";
import { diffCharters, isEmptyDiff, sideOf, type CharterDiff, type DiffSide } from "../../diff/index.js";
import { diffsToJson, diffsToMarkdown, diffsToText } from "../../diff/render.js";
import { colors, wantColor } from "../colors.js";
import { loadProjectConfig } from "../../project/config-file.js";
import { expandInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";
import { nodeHost } from "../../project/node-host.js";

export interface DiffFlags {
  format: "text" | "markdown" | "json";
  failOn?: "weaken" | "any";
  git?: string;
  profile?: Profile;
  config?: string;
  color?: boolean;
}

export async function runDiff(args: readonly string[], flags: DiffFlags, io: Io): Promise<number> {
  const project = await loadProjectConfig(io.cwd, flags.config);
  const options = flags.profile ? { ...project.options, profile: flags.profile } : project.options;
  const c = colors(flags.format === "text" && wantColor(process.stdout, flags.color));
  let diffs: CharterDiff[];
  let unchanged = 0;
  let broken = false;
  const report = (result: CheckResult, file: string) => {
    const f = result.files.find((x) => x.file === file);
    const errors = f?.diagnostics.filter(inputError) ?? [];
    for (const d of errors) io.err(renderDiagnostic(d, f, c));
    if (errors.length === 0) io.err(`charterc: \`${file}\` could not be read as a charter`);
    broken = true;
  };

  if (flags.git !== undefined) {
    const r = await gitDiffs(flags.git, args, project.root, project.include, options, io, report);
    diffs = r.diffs;
    unchanged = r.unchanged;
  } else {
    if (args.length !== 2) throw new UsageError("`diff` takes two files (OLD NEW), or `--git REV [paths...]`");
    const sides = args.map((a) => loadSide(path.resolve(io.cwd, a), a, project.root, options, report));
    diffs = sides[0] && sides[1] ? [diffCharters(sides[0], sides[1])] : [];
  }
  if (broken && diffs.length === 0) return 1;

  const shown = flags.git !== undefined ? diffs.filter((d) => !isEmptyDiff(d) || d.bump.warning) : diffs;
  unchanged += diffs.length - shown.length;
  switch (flags.format) {
    case "json":
      io.out(JSON.stringify(diffsToJson(shown, unchanged), null, 2));
      break;
    case "markdown":
      io.out(diffsToMarkdown(shown, unchanged));
      break;
    default:
      io.out(shown.length === 0 ? `no semantic changes in ${unchanged} file${unchanged === 1 ? "" : "s"}` : diffsToText(shown, c, unchanged));
  }
  if (broken) return 1;
  if (flags.failOn === "weaken" && diffs.some((d) => d.summary.weakens > 0)) return 1;
  if (flags.failOn === "any" && diffs.some((d) => !isEmptyDiff(d))) return 1;
  return 0;
}

/** Check one file on disk (with its imports) and take its side of the diff. */
function loadSide(abs: string, shown: string, projectRoot: string, options: CheckOptions, report: (r: CheckResult, f: string) => void): DiffSide | null {
  const inside = !path.relative(projectRoot, abs).startsWith("..") && !path.isAbsolute(path.relative(projectRoot, abs));
  const root = inside ? projectRoot : path.dirname(abs);
  const file = relativeId(root, abs);
  const result = check({ entries: [file], host: nodeHost(root), options });
  const side = usable(result, file) ? sideOf(result, file, toPosix(shown)) : null;
  if (!side) report(result, file);
  return side;
}

/** Errors in the text itself (syntax, names, values) — not property verdicts, which the diff reports. */
const inputError = (d: Diagnostic) => d.severity === "error" && d.rule === undefined;

/** A version with input errors is not diffed: a partial model would show phantom changes. */
function usable(result: CheckResult, file: string): boolean {
  const f = result.files.find((x) => x.file === file);
  return !!f?.charter && !f.diagnostics.some(inputError);
}

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? "", err: (r.stderr ?? "").trim() || (r.error ? r.error.message : "") };
}

/** A CompilerHost over the files of a git revision: `git show REV:path`, cached. */
export function gitHost(root: string, top: string, rev: string): CompilerHost {
  const cache = new Map<string, string | undefined>();
  const read = (abs: string): string | undefined => {
    if (cache.has(abs)) return cache.get(abs);
    const rel = toPosix(path.relative(top, abs));
    let text: string | undefined;
    if (rel && !rel.startsWith("..") && !path.isAbsolute(rel)) {
      const r = git(top, ["show", `${rev}:${rel}`]);
      text = r.ok ? r.out : undefined;
    }
    cache.set(abs, text);
    return text;
  };
  return {
    root,
    readFile: read,
    realpath: (abs) => (path.resolve(abs) === path.resolve(root) ? abs : read(abs) !== undefined ? abs : undefined),
  };
}

async function gitDiffs(
  rev: string,
  paths: readonly string[],
  root: string,
  include: readonly string[],
  options: CheckOptions,
  io: Io,
  report: (r: CheckResult, f: string) => void,
): Promise<{ diffs: CharterDiff[]; unchanged: number }> {
  const topR = git(root, ["rev-parse", "--show-toplevel"]);
  if (!topR.ok) throw new UsageError(`--git needs a git repository: ${topR.err || "git rev-parse failed"}`);
  const revR = git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (!revR.ok) throw new UsageError(`\`${rev}\` is not a commit in this repository`);
  const commit = revR.out.trim();
  const top = path.resolve(topR.out.trim());
  const args = paths.length > 0 ? paths : include;
  const base = paths.length > 0 ? io.cwd : root;
  // The project root as git sees it (the real path: git reports symlink-free paths).
  const realRoot = nodeHost(root).realpath(root) ?? root;
  const realBase = nodeHost(base).realpath(base) ?? base;
  const deleted = deletedSince(commit, args, realBase, realRoot);
  const { files, unmatched } = await expandInputs(args, base);
  for (const u of unmatched) {
    // A path given by name that was deleted is reported as such below.
    if (!deleted.some((d) => path.join(realRoot, ...d.split("/")) === path.resolve(realBase, u))) io.err(`charterc: no charter files match \`${u}\``);
  }
  for (const id of deleted) io.err(`charterc: \`${show(realRoot, io.cwd, id)}\` was deleted since ${rev}; nothing to compare`);
  if (files.length === 0) {
    if (deleted.length > 0) return { diffs: [], unchanged: 0 };
    throw new UsageError(`no charter files to compare (looked for ${args.map((a) => `\`${a}\``).join(", ")})`);
  }
  const ids = files.map((f) => relativeId(realRoot, nodeHost(root).realpath(f) ?? f));
  const outside = ids.filter((id) => id.startsWith("../"));
  if (outside.length > 0) throw new UsageError(`files outside the project root cannot be compared with --git: ${outside.map((o) => `\`${o}\``).join(", ")}`);
  const newResult = check({ entries: ids, host: nodeHost(realRoot), options });
  const oldHost = gitHost(realRoot, top, commit);
  const atRev = ids.filter((id) => oldHost.readFile(path.join(realRoot, ...id.split("/"))) !== undefined);
  for (const id of ids) if (!atRev.includes(id)) io.err(`charterc: \`${show(realRoot, io.cwd, id)}\` is new since ${rev}; nothing to compare`);
  const oldResult = check({ entries: atRev, host: oldHost, options });
  const diffs: CharterDiff[] = [];
  for (const id of atRev) {
    const shown = show(realRoot, io.cwd, id);
    const o = usable(oldResult, id) ? sideOf(oldResult, id, `${rev}:${shown}`) : null;
    const n = usable(newResult, id) ? sideOf(newResult, id, shown) : null;
    if (!o) report(oldResult, id);
    if (!n) report(newResult, id);
    if (o && n) diffs.push(diffCharters(o, n));
  }
  return { diffs, unchanged: 0 };
}

/**
 * Charter files that existed at the revision, under the given paths or
 * globs, and are gone from the working tree (ids relative to the root). A
 * rename counts as a deletion and a new file.
 */
function deletedSince(commit: string, specs: readonly string[], realBase: string, realRoot: string): string[] {
  const r = git(realBase, ["diff", "--name-only", "--relative", "--no-renames", "--diff-filter=D", "-z", commit, "--", ...specs.map((s) => `:(glob)${s}`)]);
  if (!r.ok) return [];
  return r.out
    .split("\0")
    .filter((f) => f.endsWith(".charter"))
    .map((f) => relativeId(realRoot, path.resolve(realBase, f)))
    .filter((id) => !id.startsWith("../"));
}

function show(root: string, cwd: string, id: string): string {
  const rel = relativeId(path.resolve(cwd), path.join(root, ...id.split("/")));
  return rel.startsWith("../") ? id : rel;
}
