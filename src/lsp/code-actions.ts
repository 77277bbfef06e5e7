// Code actions: the compiler's own fixes (did-you-mean, missing `:`/`}`),
// adding a missing required field (CH0104), "entrench this clause"
// (`amendable: never`), and adding a `disputes` section when
// dispute-resolution fails.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver";
import type { Section } from "../ast/ast.js";
import type { FileResult } from "../compiler.js";
import { KIND_KEYWORDS, SECTIONS, type FieldSpec } from "../language/schema.js";
import type { DiagnosticData } from "./diagnostics.js";
import type { FeatureContext } from "./context.js";
import { nameTable, sectionAt } from "./locate.js";
import { toOffset, toPosition, toRange } from "./positions.js";

/** A value that makes a new required field well-formed. */
function placeholder(spec: FieldSpec, result: FileResult): string {
  const n = nameTable(result.ast);
  const firstDecision = n.decisions.keys().next().value as string | undefined;
  const firstBody = n.bodies.keys().next().value as string | undefined;
  switch (spec.kind) {
    case "string":
    case "body-or-string":
      return '""';
    case "decision":
      return firstDecision ?? "TODO";
    case "body":
      return firstBody ?? "TODO";
    case "open-or-by":
      return "open";
    case "withdrawal":
      return "unilateral";
    default:
      return KIND_KEYWORDS[spec.kind][0] ?? '""';
  }
}

/** Indentation of the line holding an offset. */
function indentAt(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** An edit that adds a line `name: value` as the section's last field. */
function insertField(result: FileResult, section: Section, line: string): TextEdit | null {
  const text = result.text;
  const body = section.bodySpan;
  if (!body) return null;
  const close = body.end - 1;
  if (text[close] !== "}") return null;
  const lastField = section.fields[section.fields.length - 1];
  const onOneLine = !text.slice(body.start, body.end).includes("\n");
  if (onOneLine) {
    // `body x { members: all members }` → add before the brace on the same line.
    const at = lastField ? lastField.span.end : body.start + 1;
    return { range: toRange(result.lines, { start: at, end: at }), newText: ` ${line}` };
  }
  const fieldIndent = lastField ? indentAt(text, lastField.span.start) : `${indentAt(text, section.span.start)}  `;
  const at = lastField ? lastField.span.end : body.start + 1;
  return { range: toRange(result.lines, { start: at, end: at }), newText: `\n${fieldIndent}${line}` };
}

function sectionFor(result: FileResult, offset: number): Section | null {
  const inside = sectionAt(result.ast, offset);
  if (inside) return inside;
  for (const e of result.ast.entries) if (e.kind === "section" && e.span.start <= offset && offset <= e.span.end) return e;
  return null;
}

export function codeActions(ctx: FeatureContext, result: FileResult, range: { start: number; end: number }, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const uri = ctx.uriOf(result.file);
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });

  for (const d of diagnostics) {
    const data = (d.data ?? {}) as DiagnosticData;
    if (data.fix && data.fix.edits.every((e) => e.file === result.file)) {
      out.push({
        title: data.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: edit(data.fix.edits.map((e) => ({ range: toRange(result.lines, e.span), newText: e.newText }))),
      });
    }
    if (d.code === "CH0104") {
      const m = /required field `([^`]+)`/.exec(d.message);
      const offset = toOffset(result.lines, d.range.start);
      const section = sectionFor(result, offset);
      const spec = m && section ? SECTIONS.get(section.keyword)?.fields.find((f) => f.name === m[1]) : undefined;
      if (m && section && spec) {
        const e = insertField(result, section, `${spec.name}: ${placeholder(spec, result)}`);
        if (e) out.push({ title: `Add the required field \`${spec.name}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([e]) });
      }
    }
    if (data.rule === "dispute-resolution" && !result.ast.entries.some((e) => e.kind === "section" && e.keyword === "disputes")) {
      const close = result.text.lastIndexOf("}");
      if (close >= 0) {
        const indent = `${indentAt(result.text, result.ast.header?.span.start ?? 0)}  `;
        const at = toPosition(result.lines, close);
        const lineStart = result.lines.lineStart(at.line + 1);
        const onItsOwnLine = result.text.slice(lineStart, close).trim() === "";
        const pos = onItsOwnLine ? lineStart : close;
        out.push({
          title: "Add a `disputes` section",
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: edit([
            { range: toRange(result.lines, { start: pos, end: pos }), newText: `${onItsOwnLine ? "" : "\n"}\n${indent}disputes { by: "an arbiter both parties accept" }\n` },
          ]),
        });
      }
    }
  }

  // Refactor: entrench the clause under the cursor.
  const section = sectionFor(result, range.start);
  if (section) {
    const s = section;
    const amend = s.fields.find((f) => f.name.name === "amendable");
    const already = amend?.value?.items.length === 1 && amend.value.items[0]!.terms.length === 1 && amend.value.items[0]!.terms[0]!.kind === "ident" && (amend.value.items[0]!.terms[0] as { name: string }).name === "never";
    if (!already) {
      const entrench = amend?.value
        ? { range: toRange(result.lines, amend.value.span), newText: "never" }
        : insertField(result, s, "amendable: never");
      const related = diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.rule === "exit-entrenched");
      if (entrench) {
        out.push({
          title: `Entrench \`${s.keyword}${s.name ? ` ${s.name.name}` : ""}\` (amendable: never)`,
          kind: related.length > 0 ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
          diagnostics: related.length > 0 ? related : undefined,
          edit: edit([entrench]),
        });
      }
    }
  }
  return out;
}
