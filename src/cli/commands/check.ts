// `charterc check [paths]` — parse, resolve and analyse, then report.
import { displayPath } from "../../project/root.js";
import path from "node:path";
import { relativeId, type CheckResult, type FileResult } from "../../compiler.js";
import type { Profile } from "../../config/options.js";
import { lineStartSafe, type Colors } from "../../diagnostics/render-text.js";
import { sanitizeForTerminal } from "../../text/terminal.js";
import { jsonDiagnostic, type JsonReport } from "../../diagnostics/render-json.js";
import { PROPERTY_IDS } from "../../language/properties.js";
import { colors, wantColor } from "../colors.js";
import { checkInputs } from "../inputs.js";
import { diagnosticBlocks, joinBlocks } from "../print.js";
import type { Io } from "../io.js";

export interface CheckFlags {
  format: "text" | "json" | "sarif" | "github";
  quiet?: boolean;
  maxWarnings?: number;
  profile?: Profile;
  config?: string;
  color?: boolean;
}

/** Run a check from command-line arguments; returns the exit code. */
export async function runCheck(paths: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const { project, result } = await checkInputs(paths, io, flags, "check");
  const displayed = displayPaths(result, project.root, io.cwd);

  switch (flags.format) {
    case "json":
      io.out(JSON.stringify(jsonReport(displayed), null, 2));
      break;
    case "sarif": {
      const [{ toSarif, PACKAGE_LINKS }, { explain, packageRoot }] = await Promise.all([import("../format-sarif.js"), import("./explain.js")]);
      // The full docs page as the rule's help, for the codes this run reports
      // (code-scanning UIs show it beside the finding); the summary for the rest.
      const reported = new Set(displayed.files.flatMap((f) => f.diagnostics.map((d) => d.code)));
      const root = packageRoot(); // found once, not once per code
      io.out(JSON.stringify(toSarif(displayed, { links: PACKAGE_LINKS, helpFor: (code) => (reported.has(code) ? explain(code, { root }) : undefined) }), null, 2));
      break;
    }
    case "github": {
      const { toGithub } = await import("../format-github.js");
      const text = toGithub(displayed, { quiet: flags.quiet === true });
      if (text) io.out(text);
      break;
    }
    default:
      io.out(textReport(displayed, colors(wantColor(process.stdout, flags.color)), flags.quiet === true));
  }
  if (result.errors > 0) return 1;
  if (flags.maxWarnings !== undefined && flags.maxWarnings >= 0 && result.warnings > flags.maxWarnings) {
    if (flags.format === "text") io.err(`charterc: ${result.warnings} warnings exceed --max-warnings ${flags.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** Show paths relative to the working directory, as people typed them. */
function displayPaths(result: CheckResult, root: string, cwd: string): CheckResult {
  const show = (f: string) => displayPath(cwd, root, path.join(root, f));
  return {
    ...result,
    files: result.files.map((f) => ({
      ...f,
      file: show(f.file),
      diagnostics: f.diagnostics.map((d) => ({ ...d, file: show(d.file), related: d.related?.map((r) => ({ ...r, file: show(r.file) })) })),
    })),
  };
}

export function jsonReport(result: CheckResult): JsonReport {
  const byFile = new Map(result.files.map((f) => [f.file, f]));
  return {
    version: 1,
    files: result.files.map((f) => ({
      file: f.file,
      charter: f.charter?.name ?? f.ast.header?.name ?? null,
      kind: f.charter?.kind ?? f.ast.header?.kind ?? null,
      properties: f.properties ? orderedProperties(f.properties) : {},
      provisional: errorCount(f) > 0,
      diagnostics: f.diagnostics.map((d) => jsonDiagnostic(d, f.lines, (other) => byFile.get(other)?.lines)),
    })),
    summary: { files: result.files.length, errors: result.errors, warnings: result.warnings },
  };
}

function orderedProperties(p: NonNullable<FileResult["properties"]>) {
  const out: Record<string, (typeof p)[string]> = {};
  for (const id of PROPERTY_IDS) if (p[id]) out[id] = p[id];
  for (const id of Object.keys(p)) if (!out[id]) out[id] = p[id]!;
  return out;
}

export function textReport(result: CheckResult, c: Colors, quiet: boolean): string {
  const byFile = new Map(result.files.map((f) => [f.file, f]));
  const blocks: string[] = [];
  for (const f of result.files) {
    const shown = quiet ? f.diagnostics.filter((d) => d.severity === "error") : f.diagnostics;
    blocks.push(...diagnosticBlocks(shown, f, c, (other) => byFile.get(other)));
    if (!quiet && f.properties) blocks.push(propertySummary(f, c));
  }
  const { errors, warnings } = result;
  const n = result.files.length;
  const tally = `${n} file${n === 1 ? "" : "s"} checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  blocks.push(errors > 0 ? c.red(tally) : warnings > 0 ? c.yellow(tally) : c.green(tally));
  return joinBlocks(blocks);
}

function errorCount(f: FileResult): number {
  let n = 0;
  for (const d of f.diagnostics) if (d.severity === "error") n += d.omitted?.count ?? 1;
  return n;
}

function propertySummary(f: FileResult, c: Colors): string {
  const props = f.properties!;
  const ids = PROPERTY_IDS.filter((id) => props[id]);
  const holding = ids.filter((id) => props[id]!.holds);
  const failing = ids.filter((id) => !props[id]!.holds);
  const name = f.charter ? ` ${f.charter.kind} "${sanitizeForTerminal(f.charter.name)}"` : "";
  // Over errors the verdicts are provisional: the parts in error were dropped
  // (a bad `notice` counts as absent, its default applies), so say so.
  const errors = errorCount(f);
  const provisional = errors > 0 ? c.yellow(` (verdicts provisional: ${errors} error${errors === 1 ? "" : "s"} in this file; they are computed without the parts in error)`) : "";
  const lines = [`${c.bold(lineStartSafe(f.file))}${name}: ${holding.length} of ${ids.length} properties hold${provisional}`];
  if (holding.length > 0) lines.push(`  ${c.green("✔")} ${holding.join(", ")}`);
  for (const id of failing) {
    const reasons = props[id]!.reasons ?? [];
    lines.push(`  ${c.red("✘")} ${id}${reasons.length > 0 ? c.dim(` — ${sanitizeForTerminal(reasons[0]!)}`) : ""}`);
  }
  return lines.join("\n");
}
