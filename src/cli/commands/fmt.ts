// `charterc fmt [paths]` — rewrite charters in the canonical layout (the
// prettier plugin in src/prettier; a project's prettier configuration —
// printWidth, tabWidth, useTabs — applies, as it does for `prettier`). A file with syntax errors is reported
// and left byte for byte as it was; writes are atomic (temporary file in the
// same folder, fsync, rename), so an interrupted run never leaves half a
// charter behind. Files are read and written through the project layer
// (src/project/safe-fs.ts): only regular files inside the root, never a file
// that is not valid UTF-8 (CH0016), mode and owner kept, and never over a
// file that changed since it was read.
import path from "node:path";
import { lineStartSafe, type Colors } from "../../diagnostics/render-text.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { LineIndex } from "../../text/line-index.js";
import { toPosix } from "../../compiler.js";
import { formatCharter, type FormatCharterOptions } from "../../prettier/generated.js";
import { FormatterBugError } from "../../prettier/format.js";
import { resolveCharterOptions } from "../../prettier/config.js";
import { colors, wantColor } from "../colors.js";
import { diag } from "../../diagnostics/codes.js";
import { readCharterFile } from "../../project/node-host.js";
import { FileError, replaceFile } from "../../project/safe-fs.js";
import { invalidUtf8 } from "../../text/utf8.js";
import { sanitizeForTerminal } from "../../text/terminal.js";
import { projectInputs } from "../inputs.js";
import { displayPath } from "../../project/root.js";
import { UsageError, type Io } from "../io.js";
import { Printer } from "../print.js";

export interface FmtFlags {
  check?: boolean;
  stdin?: boolean;
  stdinFilepath?: string;
  config?: string;
  color?: boolean;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The diagnostics, then what they mean for this file (as build's `not built: FILE has N errors`). */
function report(printer: Printer, c: Colors, file: string, text: string, diagnostics: readonly Diagnostic[], why?: string): void {
  printer.diagnostics(diagnostics.map((d) => ({ ...d, file })), { lines: new LineIndex(text) }, c);
  const n = diagnostics.filter((d) => d.severity === "error").length;
  printer.line(`charterc: not formatted: ${sanitizeForTerminal(file)} ${why ?? `has ${n === 1 ? "a syntax error" : `${n} syntax errors`}`}`);
}

/** Run `charterc fmt`; returns the exit code (0 formatted, 1 would change or syntax errors, 2 could not run). */
export async function runFmt(paths: readonly string[], flags: FmtFlags, io: Io, readStdin: () => Promise<string> = readAllStdin): Promise<number> {
  const c = colors(wantColor(process.stderr, flags.color));
  const printer = new Printer((t) => io.err(t));
  if (flags.stdin) {
    if (paths.length > 0) throw new UsageError("`--stdin` formats standard input: give no paths with it");
    const name = flags.stdinFilepath ?? "<stdin>";
    const text = await readStdin();
    const options = flags.stdinFilepath !== undefined ? await resolveCharterOptions(path.resolve(io.cwd, flags.stdinFilepath)) : {};
    const r = await formatOne(text, name, options, printer);
    if (r === "bug") return 2;
    if ("diagnostics" in r) {
      report(printer, c, name, text, r.diagnostics);
      return 1;
    }
    if (flags.check) {
      if (r.formatted === text) return 0;
      io.out(lineStartSafe(name));
      return 1;
    }
    io.out(r.formatted);
    return 0;
  }
  if (flags.stdinFilepath !== undefined) throw new UsageError("`--stdin-filepath` only goes with `--stdin`");

  const { project, files, refused } = await projectInputs(paths, io, flags.config, "format");
  let exit = 0;
  for (const r of refused) {
    printer.line(`charterc: ${sanitizeForTerminal(displayPath(io.cwd, project.root, r.abs))} ${r.reason}`);
    exit = 1;
  }
  const unformatted: string[] = [];
  for (const abs of files) {
    const shown = toPosix(path.relative(io.cwd, abs)) || abs;
    const read = readCharterFile(abs, project.root);
    if (!read.ok) {
      printer.line(`charterc: ${sanitizeForTerminal(shown)} ${read.missing ? "cannot be read" : read.detail}`);
      exit = Math.max(exit, 1);
      continue;
    }
    const text = read.text;
    if (!read.clean) {
      // Never format what does not decode: the rewrite would replace the bytes.
      const bad = invalidUtf8(text)!;
      const d = diag("CH0016", shown, { start: bad.offset, end: bad.offset + 1 }, { byte: `0x${bad.byte.toString(16).padStart(2, "0")}`, at: String(bad.byteOffset), more: bad.count > 1 ? ` (${bad.count} invalid bytes in the file)` : "" });
      report(printer, c, shown, text, [d], "is not valid UTF-8");
      exit = Math.max(exit, 1);
      continue;
    }
    const r = await formatOne(text, shown, await resolveCharterOptions(abs), printer);
    if (r === "bug") {
      exit = 2;
      continue;
    }
    if ("diagnostics" in r) {
      report(printer, c, shown, text, r.diagnostics);
      exit = Math.max(exit, 1);
      continue;
    }
    if (r.formatted === text) continue;
    if (flags.check) {
      unformatted.push(shown);
      io.out(lineStartSafe(shown));
      exit = Math.max(exit, 1);
      continue;
    }
    try {
      replaceFile(read.real, shown, read, r.formatted);
      io.out(lineStartSafe(shown));
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      printer.line(`charterc: ${sanitizeForTerminal(e.message)}`);
      exit = 2;
    }
  }
  if (flags.check && unformatted.length > 0) {
    const n = unformatted.length;
    printer.block(`charterc: ${n} file${n === 1 ? " is" : "s are"} not formatted; run \`charterc fmt\` to fix`);
  }
  return exit;
}

async function formatOne(text: string, file: string, options: FormatCharterOptions, printer: Printer) {
  try {
    return await formatCharter(text, { ...options, file });
  } catch (e) {
    if (e instanceof FormatterBugError) {
      printer.line(`charterc: internal error: ${sanitizeForTerminal(e.message)}`);
      return "bug" as const;
    }
    throw e;
  }
}
