// `charterc fmt [paths]` — rewrite charters in the canonical layout (the
// prettier plugin in src/prettier; a project's prettier configuration —
// printWidth, tabWidth, useTabs — applies, as it does for `prettier`). A file with syntax errors is reported
// and left byte for byte as it was; writes are atomic (temporary file in the
// same folder, fsync, rename), so an interrupted run never leaves half a
// charter behind.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { renderDiagnostic, type Colors } from "../../diagnostics/render-text.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { LineIndex } from "../../text/line-index.js";
import { toPosix } from "../../compiler.js";
import { formatCharter, type FormatCharterOptions } from "../../prettier/generated.js";
import { FormatterBugError } from "../../prettier/format.js";
import { resolveCharterOptions } from "../../prettier/config.js";
import { colors, wantColor } from "../colors.js";
import { loadProjectConfig } from "../../project/config-file.js";
import { expandInputs } from "../inputs.js";
import { UsageError, type Io } from "../io.js";

export interface FmtFlags {
  check?: boolean;
  stdin?: boolean;
  stdinFilepath?: string;
  config?: string;
  color?: boolean;
}

/** Same limit as `check` (CH0302). */
const MAX_BYTES = 32 * 1024 * 1024;

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function report(io: Io, c: Colors, file: string, text: string, diagnostics: readonly Diagnostic[]): void {
  const src = { lines: new LineIndex(text) };
  io.err(diagnostics.map((d) => renderDiagnostic({ ...d, file }, src, c)).join("\n\n"));
}

/** Run `charterc fmt`; returns the exit code (0 formatted, 1 would change or syntax errors, 2 could not run). */
export async function runFmt(paths: readonly string[], flags: FmtFlags, io: Io, readStdin: () => Promise<string> = readAllStdin): Promise<number> {
  const c = colors(wantColor(process.stderr, flags.color));
  if (flags.stdin) {
    if (paths.length > 0) throw new UsageError("`--stdin` formats standard input: give no paths with it");
    const name = flags.stdinFilepath ?? "<stdin>";
    const text = await readStdin();
    const options = flags.stdinFilepath !== undefined ? await resolveCharterOptions(path.resolve(io.cwd, flags.stdinFilepath)) : {};
    const r = await formatOne(text, name, options, io);
    if (r === "bug") return 2;
    if ("diagnostics" in r) {
      report(io, c, name, text, r.diagnostics);
      return 1;
    }
    if (flags.check) {
      if (r.formatted === text) return 0;
      io.out(name);
      return 1;
    }
    io.out(r.formatted);
    return 0;
  }
  if (flags.stdinFilepath !== undefined) throw new UsageError("`--stdin-filepath` only goes with `--stdin`");

  const project = await loadProjectConfig(io.cwd, flags.config);
  const args = paths.length > 0 ? paths : project.include;
  const base = paths.length > 0 ? io.cwd : project.root;
  const { files, unmatched } = await expandInputs(args, base);
  for (const u of unmatched) io.err(`charterc: no charter files match \`${u}\``);
  if (files.length === 0) throw new UsageError(`no charter files to format (looked for ${args.map((a) => `\`${a}\``).join(", ")})`);

  let exit = unmatched.length > 0 ? 1 : 0;
  const unformatted: string[] = [];
  for (const abs of files) {
    const shown = toPosix(path.relative(io.cwd, abs)) || abs;
    let text: string;
    try {
      if (fs.statSync(abs).size > MAX_BYTES) throw new Error("too large");
      text = fs.readFileSync(abs, "utf8");
    } catch {
      io.err(`charterc: cannot read \`${shown}\``);
      exit = Math.max(exit, 1);
      continue;
    }
    const r = await formatOne(text, shown, await resolveCharterOptions(abs), io);
    if (r === "bug") {
      exit = 2;
      continue;
    }
    if ("diagnostics" in r) {
      report(io, c, shown, text, r.diagnostics);
      exit = Math.max(exit, 1);
      continue;
    }
    if (r.formatted === text) continue;
    if (flags.check) {
      unformatted.push(shown);
      io.out(shown);
      exit = Math.max(exit, 1);
      continue;
    }
    try {
      writeAtomic(abs, r.formatted);
      io.out(shown);
    } catch (e) {
      io.err(`charterc: cannot write \`${shown}\`: ${e instanceof Error ? e.message : String(e)}`);
      exit = Math.max(exit, 1);
    }
  }
  if (flags.check && unformatted.length > 0) {
    const n = unformatted.length;
    io.err(`charterc: ${n} file${n === 1 ? " is" : "s are"} not formatted; run \`charterc fmt\` to fix`);
  }
  return exit;
}

async function formatOne(text: string, file: string, options: FormatCharterOptions, io: Io) {
  try {
    return await formatCharter(text, { ...options, file });
  } catch (e) {
    if (e instanceof FormatterBugError) {
      io.err(`charterc: internal error: ${e.message}`);
      return "bug" as const;
    }
    throw e;
  }
}

/**
 * Replace `file` with `text` so that a reader (or a crash) sees either the
 * old file or the new one, never a mix: write a temporary file beside it,
 * flush it to disk, give it the old file's mode, then rename it over the
 * old one. A symlink is followed: its target is rewritten, the link kept.
 */
export function writeAtomic(file: string, text: string): void {
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, text, "utf8");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    // Make the rename itself durable (not possible on every platform).
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* directories cannot be opened or fsynced here (Windows): the rename is still atomic */
  }
}
