// `charterc compare A B C ...`: charters side by side (src/diff/compare.ts).
// The files are found and checked exactly as `check` finds and checks them
// (`checkInputs`: the same project root, configuration and confinement), in
// one `check()` over all of them, so a shared import closure is read and
// analysed once, not once per argument.
import fs from "node:fs";
import path from "node:path";
import { relativeId, type FileResult } from "../../compiler.js";
import type { Profile } from "../../config/options.js";
import { NO_COLORS } from "../../diagnostics/render-text.js";
import { compareCharters, comparisonToJson, comparisonToMarkdown, comparisonToText, type CompareInput } from "../../diff/compare.js";
import { checkInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";
import { Printer } from "../print.js";

export interface CompareFlags {
  format: "text" | "markdown" | "json";
  profile?: Profile;
  config?: string;
}

const GLOB = /[*?[\]{}]/;

export async function runCompare(args: readonly string[], flags: CompareFlags, io: Io): Promise<number> {
  if (args.length < 1) throw new UsageError("`compare` takes one or more charter files");
  // A named file that does not exist is reported by checkInputs ("no charter files match"); it makes the exit 1.
  let broken = args.some((a) => !GLOB.test(a) && !fs.existsSync(path.resolve(io.cwd, a)));
  const { project, result } = await checkInputs(args, io, flags, "compare");
  // Every entry of the check, refused ones included (they carry check's diagnostic).
  const entries = new Map<string, FileResult>();
  for (const f of result.files) if (f.entry) entries.set(path.join(project.root, ...f.file.split("/")), f);
  const inputs: CompareInput[] = [];
  const printer = new Printer((t) => io.err(t));
  for (const abs of inArgumentOrder([...entries.keys()], args, io.cwd)) {
    const f = entries.get(abs)!;
    const shown = relativeId(io.cwd, abs);
    const errs = f.diagnostics.filter((d) => d.severity === "error" && d.rule === undefined);
    if (!f.charter || errs.length > 0) {
      broken = true;
      printer.diagnostics(errs, f, NO_COLORS);
      if (errs.length === 0) printer.line(`charterc: \`${shown}\` could not be read as a charter`);
      continue;
    }
    inputs.push({ file: shown, charter: f.charter, properties: f.properties });
  }
  if (inputs.length === 0) return 1;
  const c = compareCharters(inputs);
  io.out(flags.format === "json" ? JSON.stringify(comparisonToJson(c), null, 2) : flags.format === "markdown" ? comparisonToMarkdown(c) : comparisonToText(c));
  return broken ? 1 : 0;
}

/**
 * The expanded files in the order the arguments name them (a charter named
 * first is the first column); files found through a folder or a glob keep
 * their sorted order, at the place of the folder that holds them (globs last).
 */
function inArgumentOrder(files: readonly string[], args: readonly string[], cwd: string): string[] {
  const named = new Map<string, number>();
  args.forEach((a, i) => {
    const abs = path.resolve(cwd, a);
    if (!named.has(abs)) named.set(abs, i);
  });
  const folders = args.map((a, i) => ({ dir: path.resolve(cwd, a), i })).filter((x) => isDirectory(x.dir)).map((x) => ({ dir: x.dir + path.sep, i: x.i }));
  const rank = (f: string): number => named.get(f) ?? folders.find((x) => f.startsWith(x.dir))?.i ?? args.length;
  return files
    .map((f, k) => ({ f, k, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.k - b.k)
    .map((x) => x.f);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
