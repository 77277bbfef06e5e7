// `charterc check --format github`: GitHub Actions workflow commands, one
// line per diagnostic, so findings show as annotations on the pull request:
//
//   ::error file=charters/a.charter,line=3,col=5,endLine=3,endColumn=9,title=CH0203::message
//
// Escaping follows the runner's rules: in the message `%`, `\r`, `\n`; in
// property values also `:` and `,`. A pure function; no IO.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { LineIndex } from "../text/line-index.js";

/** The part of `CheckResult` (src/compiler.ts) this needs. */
export interface GithubInput {
  readonly files: readonly { readonly file: string; readonly text: string; readonly diagnostics: readonly Diagnostic[] }[];
}

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One annotation per diagnostic; with `quiet`, errors only. Empty string when there is nothing to say. */
export function toGithub(result: GithubInput, options: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  const indexes = new Map<string, LineIndex>();
  for (const f of result.files) indexes.set(f.file, new LineIndex(f.text));
  for (const f of result.files) {
    for (const d of f.diagnostics) {
      if (options.quiet && d.severity !== "error") continue;
      const li = indexes.get(d.file) ?? indexes.get(f.file)!;
      const s = li.position(d.span.start);
      const e = li.position(Math.max(d.span.end, d.span.start));
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${s.line}`,
        `col=${s.column}`,
        `endLine=${e.line}`,
        `endColumn=${e.column}`,
        `title=${escapeProperty(d.code)}`,
      ];
      const message = d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
      lines.push(`::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(message)}`);
    }
  }
  return lines.join("\n");
}
