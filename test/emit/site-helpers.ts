// Shared by the site tests: the highlighter over the package's grammar (the
// WASM read from node_modules, as the CLI does) and a site built in memory.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { CheckResult } from "../../src/compiler.js";
import { createHighlighter, type Highlighter } from "../../src/emit/html/highlight.js";
import { buildSite, type SiteFile } from "../../src/emit/html/site.js";
import type { Charter } from "../../src/semantics/model.js";

let hl: Promise<Highlighter> | null = null;
export function testHighlighter(): Promise<Highlighter> {
  const require = createRequire(import.meta.url);
  hl ??= createHighlighter(fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")), fs.readFileSync("grammar/charter.tmLanguage.json", "utf8"));
  return hl;
}

export const OUTPUTS = [
  { suffix: ".md", label: "Markdown" },
  { suffix: ".json", label: "Canonical JSON" },
  { suffix: ".records.schema.json", label: "Records schema" },
  { suffix: ".ig.csv", label: "Institutional Grammar CSV" },
];

/** The site of every entry of a check result, with `base` = the file without its folder prefix and `.charter`. */
export function siteOf(result: CheckResult, highlighter: Highlighter | null, strip = /^charters\//): SiteFile[] {
  const all = new Map<string, Charter>();
  for (const f of result.files) if (f.charter) all.set(f.file, f.charter);
  const charters = result.files
    .filter((f) => f.entry && f.charter)
    .map((f) => ({ file: f.file, base: f.file.replace(strip, "").replace(/\.charter$/, ""), text: f.text, lines: f.lines, charter: f.charter!, properties: f.properties, diagnostics: f.diagnostics }));
  return buildSite({ charters, all, outputs: OUTPUTS, highlighter, playground: false, gitRev: null });
}
