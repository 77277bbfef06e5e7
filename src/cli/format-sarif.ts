// SARIF 2.1.0 output (`charterc check --format sarif`): one run, the rules
// that fired with their help text, results with 1-based regions.
import type { CheckResult } from "../compiler.js";
import { CODES, docsLink } from "../diagnostics/codes.js";
import type { Severity } from "../diagnostics/diagnostic.js";
import { VERSION } from "../version.js";

const REPO = "https://github.com/charterc/charterc/blob/main/";

function level(s: Severity): "error" | "warning" | "note" {
  return s === "info" ? "note" : s;
}

export function toSarif(result: CheckResult): Record<string, unknown> {
  const used = [...new Set(result.files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const index = new Map(used.map((c, i) => [c, i]));
  const byFile = new Map(result.files.map((f) => [f.file, f]));
  const region = (file: string, span: { start: number; end: number }) => {
    const lines = byFile.get(file)?.lines;
    if (!lines) return undefined;
    const s = lines.position(span.start);
    const e = lines.position(span.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  const location = (file: string, span: { start: number; end: number }, message?: string) => {
    const r = region(file, span);
    return {
      physicalLocation: { artifactLocation: { uri: encodeURI(file) }, ...(r ? { region: r } : {}) },
      ...(message ? { message: { text: message } } : {}),
    };
  };
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "charterc",
            version: VERSION,
            informationUri: "https://github.com/charterc/charterc",
            rules: used.map((code) => {
              const info = CODES.get(code)!;
              return {
                id: code,
                name: info.name,
                shortDescription: { text: info.summary },
                helpUri: REPO + docsLink(code),
                help: { text: `${info.summary} See ${docsLink(code)} or run \`charterc explain ${code}\`.` },
                defaultConfiguration: { level: level(info.severity) },
              };
            }),
          },
        },
        columnKind: "utf16CodeUnits",
        results: result.files.flatMap((f) =>
          f.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code)!,
            level: level(d.severity),
            message: { text: d.help ? `${d.message} (${d.help})` : d.message },
            locations: [location(d.file, d.span)],
            ...(d.related && d.related.length > 0 ? { relatedLocations: d.related.map((r, i) => ({ id: i, ...location(r.file, r.span, r.message) })) } : {}),
          })),
        ),
      },
    ],
  };
}
