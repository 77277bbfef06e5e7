// Completion: section keywords, the fields valid in the current section,
// value keywords for the current field (KIND_KEYWORDS, the same table the
// checker uses), and names of bodies, decisions and import aliases in scope.
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import { SECTION_KEYWORDS } from "../ast/ast.js";
import type { FileResult } from "../compiler.js";
import { KIND_EXPECTED, KIND_KEYWORDS, SECTIONS, type FieldSpec } from "../language/schema.js";
import { PROPERTY_IDS } from "../language/properties.js";
import { nameTable, sectionAt, sectionKey } from "./locate.js";

const FIELD_BEFORE = /([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*([^:]*)$/;

function names(map: ReadonlyMap<string, unknown>, kind: CompletionItemKind, detail: string): CompletionItem[] {
  return [...map.keys()].map((name) => ({ label: name, kind, detail }));
}

function fieldItem(spec: FieldSpec): CompletionItem {
  return {
    label: spec.name,
    kind: CompletionItemKind.Field,
    detail: spec.required ? "required" : spec.default ? `default: ${spec.default}` : undefined,
    documentation: { kind: "markdown", value: `${spec.doc}\n\nexpects ${KIND_EXPECTED[spec.kind]}` },
    insertText: `${spec.name}: `,
  };
}

export function complete(result: FileResult, offset: number): CompletionItem[] {
  const text = result.text;
  const doc = result.ast;
  const lineStart = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  // Inside a string or a line comment: nothing to offer.
  if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || before.includes("//")) return [];
  const n = nameTable(doc);
  const decisions = () => names(n.decisions, CompletionItemKind.Function, "decision");
  const bodies = () => names(n.bodies, CompletionItemKind.Class, "body");

  if (/\bmember\s+of\s+[A-Za-z0-9_-]*$/.test(before)) return names(n.aliases, CompletionItemKind.Module, "import alias");
  if (/\b(body|decision)\s+[A-Za-z0-9_-]*$/.test(before)) return [];

  const section = sectionAt(doc, offset);
  const m = FIELD_BEFORE.exec(before);
  if (m) {
    const key = sectionKey(doc, section);
    const spec = SECTIONS.get(key)?.fields.find((f) => f.name === m[1]);
    if (!spec) return [];
    const words = m[2]!.split(/[\s,]+/).filter(Boolean);
    const typing = /[A-Za-z0-9_-]$/.test(m[2]!);
    const prev = (typing ? words[words.length - 2] : words[words.length - 1]) ?? "";
    if (prev === "by") return spec.kind === "selection" && words.includes("appointment") ? bodies() : decisions();
    if (prev === "to") return spec.kind === "assets" ? [{ label: "members", kind: CompletionItemKind.EnumMember }] : bodies();
    const items: CompletionItem[] = KIND_KEYWORDS[spec.kind].map((k) => ({ label: k, kind: CompletionItemKind.EnumMember, detail: spec.name }));
    if (spec.kind === "decision" || spec.kind === "secession-by") items.push(...decisions());
    if (spec.kind === "body" || spec.kind === "body-or-string") items.push(...bodies());
    if (spec.kind === "property-list") items.push(...PROPERTY_IDS.map((id) => ({ label: id, kind: CompletionItemKind.EnumMember, detail: "property" })));
    return items;
  }

  const header = doc.header;
  const inHeader = header !== null && offset > (header.nameSpan ?? header.keywordSpan).end;
  if (!inHeader) {
    return ["import", "charter", "federation"].map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
  }
  if (section) {
    const spec = SECTIONS.get(section.keyword);
    const present = new Set(section.fields.map((f) => f.name.name));
    return (spec?.fields ?? []).filter((f) => !present.has(f.name)).map(fieldItem);
  }
  const key = sectionKey(doc, null);
  const present = new Set(doc.entries.filter((e) => e.kind === "field").map((e) => (e.kind === "field" ? e.name.name : "")));
  const presentSections = new Set(doc.entries.filter((e) => e.kind === "section").map((e) => (e.kind === "section" ? e.keyword : "")));
  const fields = (SECTIONS.get(key)?.fields ?? []).filter((f) => !present.has(f.name)).map(fieldItem);
  const sections = SECTION_KEYWORDS.filter((k) => k === "body" || k === "decision" || k === "member of" || !presentSections.has(k)).map((k) => ({
    label: k,
    kind: CompletionItemKind.Keyword,
    detail: "section",
    documentation: SECTIONS.get(k)?.doc,
  }));
  return [...sections, ...fields];
}
