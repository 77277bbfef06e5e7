// Go to definition and find references: bodies and decisions within a file,
// import aliases (`member of X` → the imported federation file), and a
// federation's name → every import of it across the workspace.
import type { Location } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import type { FeatureContext } from "./context.js";
import { locate, nameTable, namesOf, siteAt, type NameSite } from "./locate.js";
import { toRange } from "./positions.js";

function targetOfImport(result: FileResult, pathStart: number): string | null {
  return result.charter?.imports.find((i) => i.pathSpan.start === pathStart)?.file ?? null;
}

/** The header of an imported file (or its start when it has none). */
function fileLocation(ctx: FeatureContext, file: string): Location | null {
  const r = ctx.resultOf(file);
  if (!r) return null;
  const span = r.ast.header?.nameSpan ?? r.ast.header?.keywordSpan ?? { start: 0, end: 0 };
  return { uri: ctx.uriOf(file), range: toRange(r.lines, span) };
}

export function definition(ctx: FeatureContext, result: FileResult, offset: number): Location[] {
  const doc = result.ast;
  const at = locate(doc, offset);
  if (at?.kind === "import-path") {
    const target = targetOfImport(result, at.imp.pathSpan.start);
    const loc = target ? fileLocation(ctx, target) : null;
    return loc ? [loc] : [];
  }
  const site = siteAt(doc, offset);
  if (!site) return [];
  const here = (span: { start: number; end: number }): Location => ({ uri: ctx.uriOf(result.file), range: toRange(result.lines, span) });
  const names = nameTable(doc);
  switch (site.kind) {
    case "body": {
      const n = names.bodies.get(site.name);
      return n ? [here(n.span)] : [];
    }
    case "decision": {
      const n = names.decisions.get(site.name);
      return n ? [here(n.span)] : [];
    }
    case "alias": {
      const imp = names.aliases.get(site.name);
      if (!imp) return [];
      const target = targetOfImport(result, imp.pathSpan.start);
      const loc = target ? fileLocation(ctx, target) : null;
      // From the alias itself or a `member of`: jump to the federation file.
      return loc ? [loc] : [here(imp.alias!.span)];
    }
  }
}

/** Every site of the same name and kind in the file. */
export function sitesOf(result: FileResult, site: NameSite): NameSite[] {
  return namesOf(result.ast).sites.filter((s) => s.kind === site.kind && s.name === site.name);
}

export function references(ctx: FeatureContext, result: FileResult, offset: number, includeDeclaration: boolean): Location[] {
  const doc = result.ast;
  const at = locate(doc, offset);
  if (at?.kind === "header-name" || at?.kind === "header-keyword") {
    // A federation's (or charter's) name: every import of this file across the workspace.
    const out: Location[] = [];
    if (includeDeclaration && doc.header?.nameSpan) out.push({ uri: ctx.uriOf(result.file), range: toRange(result.lines, doc.header.nameSpan) });
    for (const other of ctx.allResults()) {
      for (const imp of other.charter?.imports ?? []) {
        if (imp.file === result.file) out.push({ uri: ctx.uriOf(other.file), range: toRange(other.lines, imp.pathSpan) });
      }
    }
    return out;
  }
  const site = siteAt(doc, offset);
  if (!site) return [];
  return sitesOf(result, site)
    .filter((s) => includeDeclaration || !s.definition)
    .map((s) => ({ uri: ctx.uriOf(result.file), range: toRange(result.lines, s.span) }));
}
