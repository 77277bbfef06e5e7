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
import { compareCharters, comparisonToJson, comparisonToMarkdown, comparisonToText, type CompareInput, type Comparison } from "../../diff/compare.js";
import { checkInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";
import { Printer } from "../print.js";
import { sanitizeForTerminal } from "../../text/terminal.js";

export interface CompareFlags {
  format: "text" | "markdown" | "json";
  profile?: Profile;
  config?: string;
  color?: boolean;
}

/**
 * The widest line of the text table: the terminal's width, or 160 columns
 * when the output is not a terminal. More charters than fit are shown in
 * groups, each with the row labels.
 */
export function textWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns ? Math.max(80, stream.columns) : 160;
}

const GLOB = /[*?[\]{}]/;

export async function runCompare(args: readonly string[], flags: CompareFlags, io: Io): Promise<number> {
  if (args.length < 1) throw new UsageError("`compare` takes two or more charter files");
  // One file (not a folder or a glob, which may hold several) has nothing to be compared with.
  if (args.length === 1 && !GLOB.test(args[0]!) && !isDirectory(path.resolve(io.cwd, args[0]!)) && fs.existsSync(path.resolve(io.cwd, args[0]!))) {
    throw new UsageError(`\`compare\` takes two or more charter files (got one: \`${args[0]}\`)`);
  }
  // A named file that does not exist is reported by checkInputs ("no charter files match"); it makes the exit 1.
  let broken = args.some((a) => !GLOB.test(a) && !fs.existsSync(path.resolve(io.cwd, a)));
  const { project, result } = await checkInputs(args, io, flags, "compare");
  // Every entry of the check, refused ones included (they carry check's diagnostic).
  const entries = new Map<string, FileResult>();
  for (const f of result.files) if (f.entry) entries.set(path.join(project.root, ...f.file.split("/")), f);
  // The same file named twice is one charter (compared once); a comparison needs two.
  // (A named file that is missing was reported above: that is the error, exit 1.)
  if (entries.size === 1 && !broken) throw new UsageError(`\`compare\` takes two or more different charter files (got one: \`${relativeId(io.cwd, [...entries.keys()][0]!)}\`)`);
  const inputs: CompareInput[] = [];
  const printer = new Printer((t) => io.err(t));
  for (const abs of inArgumentOrder([...entries.keys()], args, io.cwd)) {
    const f = entries.get(abs)!;
    const shown = relativeId(io.cwd, abs);
    const errs = f.diagnostics.filter((d) => d.severity === "error" && d.rule === undefined);
    if (!f.charter || errs.length > 0) {
      broken = true;
      printer.diagnostics(errs, f, NO_COLORS);
      printer.line(errs.length === 0 ? `charterc: \`${shown}\` could not be read as a charter` : `charterc: not compared: ${sanitizeForTerminal(shown)} has ${errs.length} error${errs.length === 1 ? "" : "s"}`);
      continue;
    }
    inputs.push({ file: shown, charter: f.charter, properties: f.properties });
  }
  if (inputs.length === 0 || entries.size < 2) return 1;
  const c = compareCharters(inputs);
  io.out(flags.format === "json" ? JSON.stringify(comparisonToJson(c), null, 2) : flags.format === "markdown" ? comparisonToMarkdown(c) : textInGroups(c, textWidth()));
  return broken ? 1 : 0;
}

/**
 * The text table, or — when it would be wider than `width` — the charters in
 * groups that fit, one table per group (each with the row labels and a
 * `charters 1–3 of 8` line above it), so eight charters are not one line of
 * 970 columns. Each charter's column is as wide on its own as in the whole
 * table, so the groups are found from each column's width (linear).
 */
export function textInGroups(c: Comparison, width: number): string {
  const whole = comparisonToText(c);
  const n = c.charters.length;
  if (n <= 1 || longest(whole) <= width) return whole;
  const label = Math.max(0, ...c.rows.map((r) => r.label.length));
  const columns = c.charters.map((_, i) => longest(comparisonToText(slice(c, i, i + 1))) - label - 2);
  const groups: [number, number][] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    let used = label + 2 + columns[i]!;
    while (j < n && used + 2 + columns[j]! <= width) used += 2 + columns[j++]!;
    groups.push([i, j]);
    i = j;
  }
  return groups.map(([i, j]) => `${j - i === 1 ? `charter ${i + 1}` : `charters ${i + 1}–${j}`} of ${n}\n${comparisonToText(slice(c, i, j))}`).join("\n\n");
}

/** Charters [from, to) of a comparison, with their cells. */
function slice(c: Comparison, from: number, to: number): Comparison {
  return { charters: c.charters.slice(from, to), rows: c.rows.map((r) => ({ ...r, cells: r.cells.slice(from, to) })) };
}

function longest(text: string): number {
  let max = 0;
  for (const line of text.split("\n")) max = Math.max(max, line.length);
  return max;
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
