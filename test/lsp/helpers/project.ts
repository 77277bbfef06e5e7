// Temporary copies of the example charters for the LSP tests, and the CLI's
// own JSON report over them (the same code path as `charterc check --format json`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { runCheck } from "../../../src/cli/commands/check.js";
import type { JsonReport } from "../../../src/diagnostics/render-json.js";
import { REPO } from "./client.js";

export function copyProject(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-lsp-"));
  fs.cpSync(path.join(REPO, "charters"), path.join(dir, "charters"), { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export async function cliReport(cwd: string, paths: string[] = []): Promise<JsonReport> {
  let out = "";
  await runCheck(paths, { format: "json" }, { cwd, out: (t) => (out += t), err: () => {} });
  return JSON.parse(out) as JsonReport;
}

export interface Comparable {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  related?: { file: string; message: string }[];
}

const SEV = ["", "error", "warning", "info", "hint"];

/** An LSP diagnostic in the CLI JSON's terms (1-based, related files by path). */
export function fromLsp(d: Diagnostic, root: string): Comparable {
  const out: Comparable = {
    code: String(d.code),
    severity: SEV[d.severity ?? 1]!,
    message: d.message,
    range: { start: { line: d.range.start.line + 1, column: d.range.start.character + 1 }, end: { line: d.range.end.line + 1, column: d.range.end.character + 1 } },
  };
  if (d.relatedInformation?.length) {
    out.related = d.relatedInformation.map((r) => ({ file: path.relative(root, new URL(r.location.uri).pathname).split(path.sep).join("/"), message: r.message }));
  }
  return out;
}

export function fromCli(d: JsonReport["files"][number]["diagnostics"][number]): Comparable {
  const out: Comparable = { code: d.code, severity: d.severity, message: d.message, range: d.range };
  if (d.related?.length) out.related = d.related.map((r) => ({ file: r.file, message: r.message }));
  return out;
}
