// `charterc check --format sarif`: the check result as SARIF 2.1.0 (one run),
// for code-scanning tools. A pure function of the result; no IO.
//
// Rules are the registry's codes (`CH0203`), named by their rule id or code
// name; regions are 1-based with an exclusive end column, as SARIF wants.
import { CODES, docsLink } from "../diagnostics/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { RULES } from "../rules/index.js";
import { LineIndex } from "../text/line-index.js";
import { VERSION } from "../version.js";

/** The part of `CheckResult` (src/compiler.ts) this needs. */
export interface SarifInput {
  readonly files: readonly { readonly file: string; readonly text: string; readonly diagnostics: readonly Diagnostic[] }[];
}

export interface SarifOptions {
  /** Extra help (markdown) for a code, e.g. its docs page; the registry summary is always included. */
  readonly helpFor?: (code: string) => string | undefined;
  /** Where the tool and its docs are on the web; without it, no `informationUri` or `helpUri` (SARIF makes both optional). */
  readonly links?: SourceLinks;
}

/**
 * Web addresses derived at build time from package.json (scripts/build.mjs,
 * `sourceLinks`): `informationUri` from `homepage` or `repository`, and
 * `docsBase`, the web address of the package's root folder on a GitHub
 * `repository`, under which each rule's page (`docs/rules/…`, shipped in the
 * package) is found. Neither is set when package.json declares nothing: an
 * address is never made up.
 */
export interface SourceLinks {
  readonly informationUri?: string;
  readonly docsBase?: string;
}

// A JSON string: esbuild defines an object by a module of its own, initialised in every module of the bundle.
declare const __CHARTERC_LINKS__: string | undefined;
/** The links of this build (none when the sources run unbundled). */
export const PACKAGE_LINKS: SourceLinks = typeof __CHARTERC_LINKS__ === "string" ? (JSON.parse(__CHARTERC_LINKS__) as SourceLinks) : {};

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toSarif(result: SarifInput, options: SarifOptions = {}): { [k: string]: Json } {
  const links = options.links ?? {};
  const ruleIdOf = new Map(RULES.map((r) => [r.code as string, r.id as string]));
  const codes = [...CODES.values()];
  const indexOf = new Map(codes.map((c, i) => [c.code, i]));
  const rules: Json[] = codes.map((c) => {
    const extra = options.helpFor?.(c.code);
    const name = ruleIdOf.get(c.code) ?? c.name;
    const text = `${c.summary} Run \`charterc explain ${c.code}\` for details.`;
    const rule: { [k: string]: Json } = {
      id: c.code,
      name,
      shortDescription: { text: c.summary },
      fullDescription: { text: c.summary },
      help: { text, markdown: extra ?? text },
      ...(links.docsBase !== undefined ? { helpUri: `${links.docsBase}${ruleIdOf.has(c.code) ? `docs/rules/${name}.md` : docsLink(c.code)}` } : {}),
      defaultConfiguration: { level: LEVEL[c.severity] },
      properties: { tags: [ruleIdOf.has(c.code) ? "property" : c.code.startsWith("CH00") ? "syntax" : c.code.startsWith("CH01") ? "semantics" : "project"] },
    };
    return rule;
  });

  const lineIndexes = new Map<string, LineIndex>();
  const linesOf = (file: string): LineIndex | undefined => {
    let li = lineIndexes.get(file);
    if (!li) {
      const f = result.files.find((x) => x.file === file);
      if (!f) return undefined;
      lineIndexes.set(file, (li = new LineIndex(f.text)));
    }
    return li;
  };
  const location = (file: string, span: { start: number; end: number }): { [k: string]: Json } => {
    const physicalLocation: { [k: string]: Json } = { artifactLocation: { uri: encodeUri(file), uriBaseId: "%SRCROOT%" } };
    const li = linesOf(file);
    if (li) {
      const s = li.position(span.start);
      const e = li.position(Math.max(span.end, span.start));
      // SARIF regions need endColumn ≥ startColumn on one line; an empty span covers nothing, so widen to one column.
      const endColumn = e.line === s.line && e.column <= s.column ? s.column + 1 : e.column;
      physicalLocation.region = { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn };
    }
    return { physicalLocation };
  };

  const results: Json[] = [];
  const artifacts = new Set<string>();
  for (const f of result.files) {
    for (const d of f.diagnostics) {
      artifacts.add(d.file);
      const r: { [k: string]: Json } = {
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: d.help ? `${d.message} (${d.help})` : d.message },
        locations: [location(d.file, d.span)],
      };
      const idx = indexOf.get(d.code);
      if (idx !== undefined) r.ruleIndex = idx;
      if (d.related && d.related.length > 0) {
        r.relatedLocations = d.related.map((rel, i) => ({ id: i + 1, ...location(rel.file, rel.span), message: { text: rel.message } }));
      }
      if (d.rule) r.properties = { rule: d.rule };
      results.push(r);
    }
  }

  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "charterc", version: VERSION, semanticVersion: VERSION.replace(/^(\d+\.\d+\.\d+).*$/, "$1"), ...(links.informationUri !== undefined ? { informationUri: links.informationUri } : {}), rules } },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The project root (the folder of charterc.yaml, or where charterc ran)." } } },
        artifacts: [...artifacts].sort().map((file) => ({ location: { uri: encodeUri(file), uriBaseId: "%SRCROOT%" }, sourceLanguage: "charter" })),
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}

/** A relative path as a URI reference: `/`-separated, each segment percent-encoded. */
function encodeUri(file: string): string {
  return file
    .split("/")
    .map((seg) => (seg === ".." || seg === "." ? seg : encodeURIComponent(seg)))
    .join("/");
}
