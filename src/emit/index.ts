// Every published form of one charter, as file names and contents. Pure;
// the CLI's `build` command writes what this returns (and the HTML site,
// src/emit/html/, for the whole workspace).
import type { PropertyResult } from "../rules/api.js";
import type { Charter } from "../semantics/model.js";
import type { LineIndex } from "../text/line-index.js";
import type { Constitution } from "./constitution.js";
import { toIgCsv } from "./ig.js";
import { stringifyCanonical, toCanonicalJson } from "./json.js";
import { emitMarkdown } from "./markdown.js";
import { recordSchemas } from "./record-schemas.js";

/** Outputs of one charter; `html` is the site for the whole workspace (src/emit/html/site.ts). */
export const CHARTER_KINDS = ["markdown", "json", "schema", "ig"] as const;
export const EMIT_KINDS = [...CHARTER_KINDS, "html"] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];

/** File suffix of each output, appended to the charter's base name. */
export const EMIT_SUFFIX: Readonly<Record<EmitKind, string>> = {
  markdown: ".md",
  json: ".json",
  schema: ".records.schema.json",
  ig: ".ig.csv",
  html: ".html",
};

export interface EmittedFile {
  readonly kind: EmitKind;
  /** `<base><suffix>`. */
  readonly name: string;
  readonly content: string;
}

export interface EmitInput {
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
  /** The file's line index (links to source lines). */
  readonly lines?: LineIndex | null;
  /** Every charter of the run by project-relative file (to name federations). */
  readonly charters?: ReadonlyMap<string, Charter> | null;
  /** The document model already built from these same fields (build shares one with the site), or absent. */
  readonly constitution?: Constitution;
}

/** The per-charter outputs among `kinds` (the site is built by `buildSite`). */
export async function emitCharter(input: EmitInput, base: string, kinds: readonly EmitKind[] = CHARTER_KINDS): Promise<EmittedFile[]> {
  const out: EmittedFile[] = [];
  for (const kind of CHARTER_KINDS) {
    if (!kinds.includes(kind)) continue;
    let content: string;
    switch (kind) {
      case "markdown":
        content = await emitMarkdown(input);
        break;
      case "json":
        content = stringifyCanonical(toCanonicalJson(input.charter, input.properties));
        break;
      case "schema":
        content = stringifyCanonical(recordSchemas(input.charter));
        break;
      case "ig":
        content = toIgCsv(input.charter);
        break;
    }
    out.push({ kind, name: base + EMIT_SUFFIX[kind], content });
  }
  return out;
}

export { renderMarkdown, emitMarkdown, mermaidBlocks, constitutionToMarkdown } from "./markdown.js";
export { buildConstitution, type Constitution } from "./constitution.js";
export { buildSite, type SiteCharter, type SiteInput, type SiteFile } from "./html/site.js";
export { createHighlighter, type Highlighter } from "./html/highlight.js";
export { toCanonicalJson, stringifyCanonical, CHARTER_SCHEMA_ID } from "./json.js";
export { recordSchemas, recordsSchemaId } from "./record-schemas.js";
export { igStatements, toIgCsv, IG_COLUMNS } from "./ig.js";
