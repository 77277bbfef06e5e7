// GitHub Actions workflow commands (`charterc check --format github`): one
// `::error`/`::warning`/`::notice` line per diagnostic, which GitHub shows as
// annotations on the pull request's diff.
import type { CheckResult } from "../compiler.js";

/** Escaping from GitHub's toolkit (`escapeData` / `escapeProperty`). */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function toGithub(result: CheckResult, { quiet = false } = {}): string {
  const lines: string[] = [];
  for (const f of result.files) {
    for (const d of f.diagnostics) {
      if (quiet && d.severity !== "error") continue;
      const s = f.lines.position(d.span.start);
      const e = f.lines.position(d.span.end);
      const cmd = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props = [`file=${escapeProperty(d.file)}`, `line=${s.line}`, `col=${s.column}`, `endLine=${e.line}`, `endColumn=${e.column}`, `title=${escapeProperty(`${d.code}${d.rule ? ` ${d.rule}` : ""}`)}`];
      lines.push(`::${cmd} ${props.join(",")}::${escapeData(d.help ? `${d.message} (${d.help})` : d.message)}`);
    }
  }
  return lines.join("\n");
}
