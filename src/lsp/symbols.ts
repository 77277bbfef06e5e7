// The outline: imports, the charter, its fields and sections, each
// section's fields.
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { Field, Section } from "../ast/ast.js";
import { valueText } from "../ast/ast.js";
import type { FileResult } from "../compiler.js";
import { toRange } from "./positions.js";

const SECTION_KIND: Record<Section["keyword"], SymbolKind> = {
  membership: SymbolKind.Namespace,
  exit: SymbolKind.Namespace,
  secession: SymbolKind.Namespace,
  body: SymbolKind.Class,
  decision: SymbolKind.Function,
  amendments: SymbolKind.Namespace,
  rights: SymbolKind.Namespace,
  disputes: SymbolKind.Namespace,
  dissolution: SymbolKind.Namespace,
  "member of": SymbolKind.Module,
};

export function documentSymbols(result: FileResult): DocumentSymbol[] {
  const { ast, lines } = result;
  const field = (f: Field): DocumentSymbol => {
    const detail = f.value ? valueText(f.value) : "";
    return {
      name: f.name.name,
      detail: detail.length > 60 ? `${detail.slice(0, 57)}…` : detail,
      kind: SymbolKind.Field,
      range: toRange(lines, f.span),
      selectionRange: toRange(lines, f.name.span),
    };
  };
  const out: DocumentSymbol[] = ast.imports.map((imp) => ({
    name: imp.alias?.name ?? imp.path,
    detail: imp.path,
    kind: SymbolKind.Module,
    range: toRange(lines, imp.span),
    selectionRange: toRange(lines, imp.alias?.span ?? imp.pathSpan),
  }));
  const children: DocumentSymbol[] = ast.entries.map((e) => {
    if (e.kind === "field") return field(e);
    const name = e.name ? `${e.keyword} ${e.name.name}` : e.keyword;
    const selection = e.name ? { start: e.keywordSpan.start, end: e.name.span.end } : e.keywordSpan;
    return { name, kind: SECTION_KIND[e.keyword], range: toRange(lines, e.span), selectionRange: toRange(lines, selection), children: e.fields.map(field) };
  });
  const h = ast.header;
  if (h) {
    out.push({
      name: h.name ?? h.kind,
      detail: h.kind,
      kind: h.kind === "federation" ? SymbolKind.Package : SymbolKind.Module,
      range: toRange(lines, h.span),
      selectionRange: toRange(lines, h.nameSpan ?? h.keywordSpan),
      children,
    });
  } else {
    out.push(...children);
  }
  return out;
}
