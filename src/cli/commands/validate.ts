// `charterc validate RECORDS... --charter FILE` — check records (members,
// decisions, exit notices; YAML or JSON) against a charter. Exit 0 when every
// record obeys the charter, 1 when a record does not (or a records file is
// unreadable or hostile), 2 when the command cannot run (no charter, a
// charter with errors, bad arguments).
import path from "node:path";
import { check, relativeId } from "../../compiler.js";
import { displayPath } from "../../project/root.js";
import { jsonDiagnostic } from "../../diagnostics/render-json.js";
import { LineIndex } from "../../text/line-index.js";
import { validateRecords, type ValidateResult } from "../../validate/index.js";
import { MAX_RECORDS_BYTES } from "../../config/limits.js";
import { readInside, realInside } from "../../project/safe-fs.js";
import { decodeUtf8, invalidUtf8 } from "../../text/utf8.js";
import { sanitizeForTerminal } from "../../text/terminal.js";
import { diag } from "../../diagnostics/codes.js";
import { colors, wantColor } from "../colors.js";
import { diagnosticBlocks, joinBlocks, Printer } from "../print.js";
import { entryIds, openProject } from "../../project/project.js";
import { NoInputError, UsageError, type Io } from "../io.js";
import { nodeHost } from "../../project/node-host.js";

export interface ValidateFlags {
  charter: string;
  format?: "text" | "json";
  config?: string;
  color?: boolean;
}

export async function runValidate(records: readonly string[], flags: ValidateFlags, io: Io): Promise<number> {
  const project = await openProject(io.cwd, flags.config);
  const charterAbs = path.resolve(io.cwd, flags.charter);
  const charterAt = realInside(charterAbs, undefined);
  if (!charterAt.ok && charterAt.why === "missing") throw new NoInputError(`cannot read the charter \`${sanitizeForTerminal(flags.charter)}\`: no such file`);
  // Any other refusal (outside the root, not a file) is reported by check() as CH0303.
  const entry = entryIds(project, io.cwd, [flags.charter])[0]!;
  const result = check({ entries: [entry], host: nodeHost(project.root), options: project.options });
  const f = result.files.find((x) => x.entry);
  const c = colors(wantColor(process.stdout, flags.color));
  const errors = f ? f.diagnostics.filter((d) => d.severity === "error" && !d.rule) : [];
  if (!f || !f.charter || errors.length > 0) {
    const printer = new Printer((t) => io.err(t));
    printer.diagnostics(errors.map((d) => ({ ...d, file: displayPath(io.cwd, project.root, path.join(project.root, d.file)) })), f, c);
    printer.end(); // main prints the closing line
    const unread = errors.some((d) => d.code === "CH0302" || d.code === "CH0303");
    throw new UsageError(`cannot validate records against \`${sanitizeForTerminal(flags.charter)}\`: ${unread ? "the charter could not be read" : "the charter has errors"}`);
  }
  const results: ValidateResult[] = [];
  for (const r of records) {
    const abs = path.resolve(io.cwd, r);
    const shown = relativeId(io.cwd, abs);
    const read = readInside(abs, { root: project.root, limit: MAX_RECORDS_BYTES });
    if (!read.ok && read.why === "missing") throw new NoInputError(`cannot read the records file \`${sanitizeForTerminal(r)}\`: no such file`);
    const unreadable = (detail: string) =>
      results.push({ file: shown, lines: new LineIndex(""), diagnostics: [diag("CH0401", shown, { start: 0, end: 0 }, { detail })], counts: { members: 0, decisions: 0, exits: 0 } });
    if (!read.ok) {
      // Refused before reading: outside the root, not a regular file, or larger than any records file needs to be.
      unreadable(`cannot read the records: \`${shown}\` ${read.detail}`);
      continue;
    }
    const { text, clean } = decodeUtf8(read.bytes);
    if (!clean) {
      const bad = invalidUtf8(text)!;
      unreadable(`cannot read the records: the file is not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, "0")} at byte offset ${bad.byteOffset})`);
      continue;
    }
    results.push(validateRecords({ file: shown, text, charter: f.charter }));
  }
  const errorCount = results.reduce((n, x) => n + x.diagnostics.filter((d) => d.severity === "error").length, 0);
  const warningCount = results.reduce((n, x) => n + x.diagnostics.filter((d) => d.severity === "warning").length, 0);
  if (flags.format === "json") {
    io.out(
      JSON.stringify(
        {
          version: 1,
          charter: relativeId(io.cwd, charterAbs),
          files: results.map((x) => ({ file: x.file, records: x.counts, diagnostics: x.diagnostics.map((d) => jsonDiagnostic(d, x.lines, () => undefined)) })),
          summary: { files: results.length, errors: errorCount, warnings: warningCount },
        },
        null,
        2,
      ),
    );
  } else {
    const blocks: string[] = [];
    for (const x of results) blocks.push(...diagnosticBlocks(x.diagnostics, x, c));
    const n = results.reduce((k, x) => k + x.counts.members + x.counts.decisions + x.counts.exits, 0);
    const tally = `${n} record${n === 1 ? "" : "s"} in ${results.length} file${results.length === 1 ? "" : "s"} checked against ${sanitizeForTerminal(f.charter.name)}: ${errorCount} error${errorCount === 1 ? "" : "s"}, ${warningCount} warning${warningCount === 1 ? "" : "s"}`;
    blocks.push(errorCount > 0 ? c.red(tally) : warningCount > 0 ? c.yellow(tally) : c.green(tally));
    io.out(joinBlocks(blocks));
  }
  return errorCount > 0 ? 1 : 0;
}
