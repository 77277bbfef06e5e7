// `charterc build [paths] --out DIR --emit markdown,json,schema,ig,html` —
// publish each charter: its Markdown constitution, canonical JSON, records
// schema and Institutional Grammar CSV, and (html) a static site of the whole
// workspace: DIR/index.html, a page per charter, compare.html; with
// `--git REV` a "what changed" page per charter. Output paths mirror the inputs' paths relative
// to their common folder (`charters/federations/x.charter` built with
// `charters` → `DIR/federations/x.md`). Same input, same bytes. Every output
// is collected first and written by the project layer (`writeOutputs`):
// colliding names, links and wrong kinds of file in the way are refused
// before anything is written, and each file is replaced atomically.
import path from "node:path";
import { relativeId, type CheckResult } from "../../compiler.js";
import type { Profile } from "../../config/options.js";
import { buildConstitution, EMIT_KINDS, emitCharter, type Constitution, type EmitKind } from "../../emit/index.js";
import { writeOutputs, type Output } from "../../project/safe-fs.js";
import type { Charter } from "../../semantics/model.js";
import { sanitizeForTerminal } from "../../text/terminal.js";
import { colors, wantColor } from "../colors.js";
import { checkInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";
import { Printer } from "../print.js";

export interface BuildFlags {
  out: string;
  emit?: string;
  profile?: Profile;
  config?: string;
  color?: boolean;
  /** With `html`: a "what changed" page per charter, against this git revision. */
  git?: string;
  /** Force (true) or suppress (false) the per-file progress lines; default: stderr is a terminal. */
  progress?: boolean;
}

/** Progress lines appear only when more than this many files are built. */
const PROGRESS_AFTER = 3;

export function parseEmitList(value: string | undefined): EmitKind[] {
  if (value === undefined || value.trim() === "" || value.trim() === "all") return [...EMIT_KINDS];
  const kinds: EmitKind[] = [];
  for (const raw of value.split(",")) {
    const k = raw.trim();
    if (!(EMIT_KINDS as readonly string[]).includes(k)) throw new UsageError(`unknown output \`${k}\` for --emit; expected a comma-separated list of ${EMIT_KINDS.map((x) => `\`${x}\``).join(", ")}`);
    if (!kinds.includes(k as EmitKind)) kinds.push(k as EmitKind);
  }
  return kinds;
}

/** The longest common folder of absolute file paths. */
export function commonDir(files: readonly string[]): string {
  if (files.length === 0) return "";
  let parts = path.dirname(files[0]!).split(path.sep);
  for (const f of files.slice(1)) {
    const p = path.dirname(f).split(path.sep);
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(path.sep) || path.sep;
}

/** Every charter of the run by file (names the federations a charter is a member of). */
function chartersOf(result: CheckResult): Map<string, Charter> {
  const map = new Map<string, Charter>();
  for (const f of result.files) if (f.charter) map.set(f.file, f.charter);
  return map;
}

export async function runBuild(paths: readonly string[], flags: BuildFlags, io: Io): Promise<number> {
  const kinds = parseEmitList(flags.emit);
  if (flags.git !== undefined && !kinds.includes("html")) throw new UsageError("--git makes the site's \"what changed\" pages; add `html` to --emit");
  const { project, files, options, result } = await checkInputs(paths, io, flags, "build");
  const outDir = path.resolve(io.cwd, flags.out);
  const c = colors(wantColor(process.stderr, flags.color));
  const common = commonDir(files);
  const entries = result.files.filter((f) => f.entry);
  const progress = (flags.progress ?? process.stderr.isTTY === true) && entries.length > PROGRESS_AFTER;
  const printer = new Printer((t) => io.err(t));
  const byFile = new Map(result.files.map((f) => [f.file, f]));
  let failed = 0;
  const outputs: Output[] = [];
  const built: { file: string; base: string; constitution?: Constitution }[] = [];
  // The Markdown and the site render one document model: built once per charter when both are asked for.
  const shareModel = kinds.includes("markdown") && kinds.includes("html");
  const charters = chartersOf(result);
  for (const [i, f] of entries.entries()) {
    const abs = path.join(project.root, f.file);
    const rel = path.relative(common, abs).replace(/\.charter$/, "");
    if (progress) printer.line(`[${i + 1}/${entries.length}] ${sanitizeForTerminal(f.file)}`);
    const errors = f.diagnostics.filter((d) => d.severity === "error" && !d.rule);
    if (!f.charter || errors.length > 0) {
      failed++;
      printer.diagnostics(errors, f, c, (other) => byFile.get(other));
      printer.line(`charterc: not built: ${sanitizeForTerminal(f.file)} has ${errors.length || 1} error${errors.length === 1 ? "" : "s"}`);
      continue;
    }
    const input = { charter: f.charter, properties: f.properties, lines: f.lines, charters };
    const constitution = shareModel ? buildConstitution(input) : undefined;
    built.push({ file: f.file, base: rel.split(path.sep).join("/"), ...(constitution ? { constitution } : {}) });
    for (const o of await emitCharter(constitution ? { ...input, constitution } : input, rel, kinds)) outputs.push({ path: o.name, bytes: o.content, from: relativeId(io.cwd, abs) });
  }
  const shownOut = sanitizeForTerminal(relativeId(io.cwd, outDir));
  if (built.length === 0) {
    // Nothing can be built: write nothing (no site shell with an empty index
    // that looks like a published site, no output folder), and say so.
    printer.block(`charterc: nothing written to ${shownOut}: ${failed === 1 ? "the charter has" : `all ${failed} charters have`} errors`);
    return 1;
  }
  if (kinds.includes("html")) {
    const { siteFiles } = await import("./build-site.js");
    for (const o of await siteFiles({ result, projectRoot: project.root, built, kinds, options, ...(flags.git !== undefined ? { git: flags.git } : {}) })) outputs.push({ path: o.name, bytes: o.content, from: "the site" });
  }
  const written = writeOutputs(outDir, outputs, (abs) => relativeId(io.cwd, abs));
  printer.block(`${written} file${written === 1 ? "" : "s"} written to ${shownOut} from ${entries.length - failed} charter${entries.length - failed === 1 ? "" : "s"}${failed > 0 ? `; ${failed} not built` : ""}`);
  return failed > 0 ? 1 : 0;
}
