// `charterc diff OLD NEW` and `charterc diff --git REV [paths]`: the semantic
// diff of src/diff/ over files on disk, or over the working files and their
// version at a git revision (read with `git show REV:path`, imports included).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { check, relativeId, toPosix, type CheckResult, type CompilerHost, type FileResult } from "../../compiler.js";
import type { CheckOptions, Profile } from "../../config/options.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { diffCharters, isEmptyDiff, sideOf, type CharterDiff, type DiffSide } from "../../diff/index.js";
import { diffsToJson, diffsToMarkdown, diffsToText } from "../../diff/render.js";
import { colors, wantColor } from "../colors.js";
import { loadProjectConfig } from "../../project/config-file.js";
import { checkInputs, expandInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";
import { Printer } from "../print.js";
import { sanitizeForTerminal } from "../../text/terminal.js";
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
  const printer = new Printer((t) => io.err(t));
  const report = (result: CheckResult, file: string) => {
    const f = result.files.find((x) => x.file === file);
    const errors = f?.diagnostics.filter(inputError) ?? [];
    printer.diagnostics(errors, f, c);
    // As build's `not built: FILE has N errors`: what the diagnostics above mean for this command.
    printer.line(errors.length === 0 ? `charterc: \`${file}\` could not be read as a charter` : `charterc: not compared: ${sanitizeForTerminal(file)} has ${errors.length} error${errors.length === 1 ? "" : "s"}`);
    broken = true;
  };

  if (flags.git !== undefined) {
    const r = await gitDiffs(flags.git, args, project.root, project.include, options, io, report);
    diffs = r.diffs;
    unchanged = r.unchanged;
  } else {
    if (args.length !== 2) throw new UsageError("`diff` takes two files (OLD NEW), or `--git REV [paths...]`");
    const sides: (DiffSide | null)[] = [];
    for (const a of args) sides.push(await loadSide(a, io, flags, report));
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

/**
 * Check one file on disk (with its imports) and take its side of the diff.
 * The file is found and confined exactly as `check` finds it (`checkInputs`:
 * the same project root; a file outside it is refused). Each side is its
 * own check, so two versions that import different files never mix.
 */
async function loadSide(arg: string, io: Io, flags: DiffFlags, report: (r: CheckResult, f: string) => void): Promise<DiffSide | null> {
  const { result } = await checkInputs([arg], io, flags, "diff");
  const entries = result.files.filter((f) => f.entry);
  const entry = entries[0];
  if (!entry || entries.length > 1) throw new UsageError(`\`${arg}\` is not one charter file (\`diff\` takes two files, OLD NEW)`);
  const side = usableFile(entry) ? sideOf(result, entry.file, toPosix(arg)) : null;
  if (!side) report(result, entry.file);
  return side;
}

/** Errors in the text itself (syntax, names, values) — not property verdicts, which the diff reports. */
const inputError = (d: Diagnostic) => d.severity === "error" && d.rule === undefined;

/** A version with input errors is not diffed: a partial model would show phantom changes. */
function usableFile(f: FileResult | undefined): boolean {
  return !!f?.charter && !f.diagnostics.some(inputError);
}

function git(cwd: string, args: string[], input?: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, input });
  return { ok: r.status === 0, out: r.stdout ?? "", err: (r.stderr ?? "").trim() || (r.error ? r.error.message : "") };
}

/**
 * Many blobs of a revision in one `git cat-file --batch` (one process, not
 * one per file): `rel` paths from the top of the repository → text.
 */
function readBlobs(top: string, rev: string, rels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (rels.length === 0) return out;
  const r = spawnSync("git", ["cat-file", "--batch"], { cwd: top, input: rels.map((p) => `${rev}:${p}\n`).join(""), maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0 || !r.stdout) return out;
  const buf = r.stdout as Buffer;
  let at = 0;
  for (const rel of rels) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const head = buf.toString("utf8", at, nl).split(" ");
    at = nl + 1;
    if (head.length !== 3) continue; // "<object> missing"
    const size = Number(head[2]);
    if (head[1] === "blob") out.set(rel, buf.toString("utf8", at, at + size));
    at += size + 1;
  }
  return out;
}

/** A CompilerHost over the files of a git revision: prefetched blobs, else `git show REV:path`, cached. */
export function gitHost(root: string, top: string, rev: string, prefetched: ReadonlyMap<string, string> = new Map()): CompilerHost {
  const cache = new Map<string, string | undefined>();
  const read = (abs: string): string | undefined => {
    if (cache.has(abs)) return cache.get(abs);
    const rel = toPosix(path.relative(top, abs));
    let text: string | undefined = prefetched.get(rel);
    if (text === undefined && rel && !rel.startsWith("..") && !path.isAbsolute(rel)) {
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
  const idOf = (fromBase: string) => relativeId(realRoot, path.resolve(realBase, fromBase));
  const atAbs = (id: string) => path.join(realRoot, ...id.split("/"));

  // Each side is the whole set of charter files the arguments name, in its own
  // tree: the working files now, the revision's files then. Federation rules
  // read across files, so checking one side with only the files both sides
  // share would make a renamed member vanish from its federation.
  const specs = pathspecs(args, realBase);
  const oldIds = filesAtRevision(commit, specs, realBase).map(idOf).filter((id) => !id.startsWith("../"));
  const { files, unmatched } = await expandInputs(args, base);
  const newIds = files.map((f) => relativeId(realRoot, nodeHost(root).realpath(f) ?? f));
  const outside = newIds.filter((id) => id.startsWith("../"));
  if (outside.length > 0) throw new UsageError(`files outside the project root cannot be compared with --git: ${outside.map((o) => `\`${o}\``).join(", ")}`);
  const oldSet = new Set(oldIds);
  const newSet = new Set(newIds);
  const deleted = oldIds.filter((id) => !newSet.has(id));
  const added = newIds.filter((id) => !oldSet.has(id));
  const deletedSet = new Set(deleted);
  for (const u of unmatched) {
    // A path given by name that was deleted is reported as such below.
    if (!deletedSet.has(idOf(u))) io.err(`charterc: no charter files match \`${u}\``);
  }
  if (newIds.length === 0 && oldIds.length === 0) throw new UsageError(`no charter files to compare (looked for ${args.map((a) => `\`${a}\``).join(", ")})`);

  const blobs = readBlobs(top, commit, oldIds.map((id) => toPosix(path.relative(top, atAbs(id)))));
  const oldHost = gitHost(realRoot, top, commit, blobs);
  const newHost = nodeHost(realRoot);
  const renamed = pairRenames(commit, specs, realBase, deleted, added, idOf, (id) => oldHost.readFile(atAbs(id)), (id) => newHost.readFile(atAbs(id)));
  const renamedTo = new Set(renamed.values());
  for (const [from, to] of renamed) io.err(`charterc: \`${show(realRoot, io.cwd, from)}\` was renamed to \`${show(realRoot, io.cwd, to)}\` since ${rev}; compared as one charter`);
  for (const id of deleted) if (!renamed.has(id)) io.err(`charterc: \`${show(realRoot, io.cwd, id)}\` was deleted since ${rev}; nothing to compare`);
  for (const id of added) if (!renamedTo.has(id)) io.err(`charterc: \`${show(realRoot, io.cwd, id)}\` is new since ${rev}; nothing to compare`);

  const newResult = check({ entries: newIds, host: newHost, options });
  const oldResult = check({ entries: oldIds, host: oldHost, options });
  const oldFiles = new Map(oldResult.files.map((f) => [f.file, f]));
  const newFiles = new Map(newResult.files.map((f) => [f.file, f]));
  const oldIdOf = new Map<string, string>([...newIds.filter((id) => oldSet.has(id)).map((id) => [id, id] as const), ...[...renamed].map(([o, n]) => [n, o] as const)]);
  const diffs: CharterDiff[] = [];
  for (const id of newIds) {
    const was = oldIdOf.get(id);
    if (was === undefined) continue;
    const o = usableFile(oldFiles.get(was)) ? sideOf(oldResult, was, `${rev}:${show(realRoot, io.cwd, was)}`) : null;
    const n = usableFile(newFiles.get(id)) ? sideOf(newResult, id, show(realRoot, io.cwd, id)) : null;
    if (!o) report(oldResult, was);
    if (!n) report(newResult, id);
    if (o && n) diffs.push(diffCharters(o, n));
  }
  return { diffs, unchanged: 0 };
}

/** Git pathspecs for the arguments (relative to `realBase`): folders as their charter files, the rest as globs. */
function pathspecs(args: readonly string[], realBase: string): string[] {
  return args.map((a) => {
    let dir = false;
    try {
      dir = fs.statSync(path.resolve(realBase, a)).isDirectory();
    } catch {
      dir = false;
    }
    const p = toPosix(a).replace(/\/+$/, "");
    return dir ? `:(glob)${p === "." ? "" : `${p}/`}**/*.charter` : `:(glob)${p}`;
  });
}

/**
 * The charter files of a revision under the pathspecs, relative to
 * `realBase`: the revision's tree diffed against the empty tree, so git's
 * own pathspec matching applies (a deleted folder still matches its files).
 * As in the working tree's expansion, `node_modules` and dot folders are skipped.
 */
function filesAtRevision(commit: string, specs: readonly string[], realBase: string): string[] {
  const empty = git(realBase, ["hash-object", "-t", "tree", "--stdin"], "");
  if (!empty.ok) return [];
  const r = git(realBase, ["diff", "--name-only", "--relative", "--no-renames", "-z", empty.out.trim(), commit, "--", ...specs]);
  if (!r.ok) return [];
  return r.out.split("\0").filter((f) => f.endsWith(".charter") && !f.split("/").some((seg) => seg === "node_modules" || seg.startsWith(".")));
}

/**
 * Renames between the revision and the working tree: what git's rename
 * detection finds (a `git mv`, content edited or not), then a deleted file
 * and a new one with identical text (a plain `mv`, not yet added). Linear:
 * texts are bucketed, not compared pairwise. old id → new id.
 */
function pairRenames(
  commit: string,
  specs: readonly string[],
  realBase: string,
  deleted: readonly string[],
  added: readonly string[],
  idOf: (fromBase: string) => string,
  oldText: (id: string) => string | undefined,
  newText: (id: string) => string | undefined,
): Map<string, string> {
  const pairs = new Map<string, string>();
  if (deleted.length === 0 || added.length === 0) return pairs;
  const gone = new Set(deleted);
  const fresh = new Set(added);
  const r = git(realBase, ["diff", "--name-status", "--relative", "-M", "-z", commit, "--", ...specs]);
  if (r.ok) {
    const parts = r.out.split("\0");
    for (let i = 0; i < parts.length; ) {
      const status = parts[i++]!;
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = idOf(parts[i++]!);
        const to = idOf(parts[i++]!);
        if (status.startsWith("R") && gone.has(from) && fresh.has(to)) {
          pairs.set(from, to);
          gone.delete(from);
          fresh.delete(to);
        }
      } else if (status) i++;
    }
  }
  if (gone.size > 0 && fresh.size > 0) {
    const byText = new Map<string, string[]>();
    for (const id of gone) {
      const t = oldText(id);
      if (t === undefined) continue;
      const list = byText.get(t);
      if (list) list.push(id);
      else byText.set(t, [id]);
    }
    for (const id of fresh) {
      const t = newText(id);
      const from = t === undefined ? undefined : byText.get(t)?.shift();
      if (from !== undefined) pairs.set(from, id);
    }
  }
  return pairs;
}

function show(root: string, cwd: string, id: string): string {
  const rel = relativeId(path.resolve(cwd), path.join(root, ...id.split("/")));
  return rel.startsWith("../") ? id : rel;
}
