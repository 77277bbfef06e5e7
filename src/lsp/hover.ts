// Hover: field documentation from the schema table (the one the checker
// uses); on a clause head its coalition cost and witness; on the charter
// name the property verdicts; on a reference what it names.
import type { Hover } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import { analyzeCharter, describeClauseCost, describeCoalition, formatCost, shownPath } from "../analysis/index.js";
import { code, escapeMarkdownInline, escapeText } from "../emit/escape.js";
import { KIND_EXPECTED } from "../language/schema.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { Charter, Clause } from "../semantics/model.js";
import { locate, nameTable, sectionSpec, siteAt, specOf, type Located } from "./locate.js";
import { toRange } from "./positions.js";

// Every piece of user text (names, paths, messages that quote the charter)
// reaches the Markdown through src/emit/escape.ts, the one escaper of all
// generated Markdown: `text` for plain words, `ident` for a code span,
// `quoted` for generated messages with `code spans` around names.
const text = escapeMarkdownInline;
const ident = code;

/** A generated message: its `code spans` through code(), the words between through escapeText(). */
function quoted(message: string): string {
  const parts = message.split("`");
  if (parts.length % 2 === 0) return escapeMarkdownInline(message);
  return parts.map((p, i) => (i % 2 === 1 ? ident(p) : escapeText(p))).join("");
}

function md(value: string, result: FileResult, span: { start: number; end: number }): Hover {
  return { contents: { kind: "markdown", value }, range: toRange(result.lines, span) };
}

/** The clause whose section starts where this section starts. */
export function clauseAt(charter: Charter | null, sectionStart: number): Clause | undefined {
  return charter?.clauses.find((c) => c.span.start === sectionStart || (c.headSpan.start <= sectionStart && sectionStart < c.headSpan.end));
}

/** "✔ exit-guaranteed", "✘ exit-entrenched — reason", one line each. */
export function verdictLines(result: FileResult): string[] {
  const props = result.properties;
  if (!props) return [];
  const out: string[] = [];
  for (const id of PROPERTY_IDS) {
    const p = props[id];
    if (!p) continue;
    const why = !p.holds && p.reasons && p.reasons.length > 0 ? ` — ${quoted(p.reasons[0]!)}` : "";
    out.push(`${p.holds ? "✔" : "✘"} \`${id}\`${why}`);
  }
  return out;
}

function clauseText(charter: Charter, clause: Clause): string | null {
  const analysis = analyzeCharter(charter);
  const parts: string[] = [];
  const cc = analysis.clauses.get(clause.id);
  if (cc) parts.push(`**cost:** ${quoted(describeClauseCost(cc, analysis.unit))}`);
  if (cc && cc.length > 0) parts.push(`**witness:** ${shownPath(cc).map((w) => (w.startsWith("… ") ? text(w) : ident(w))).join(" → ")}`);
  if (clause.kind === "decision") {
    const c = analysis.coalitions.get(clause.name);
    if (c) parts.push(`**coalition:** ${quoted(describeCoalition(c, analysis.unit))} — carried by ${quoted(formatCost(c.cost, analysis.unit))}`);
  }
  return parts.length > 0 ? parts.join("\n\n") : null;
}

export function hover(result: FileResult, offset: number): Hover | null {
  const doc = result.ast;
  const at: Located | null = locate(doc, offset);
  if (!at) return null;
  switch (at.kind) {
    case "header-keyword":
    case "header-name": {
      const h = doc.header!;
      const lines = verdictLines(result);
      const title = `**${h.kind}** ${h.name ? `"${text(h.name)}"` : ""}`.trimEnd();
      const body = lines.length > 0 ? lines.join("  \n") : "_no verdicts: the file has errors that stop the analyses_";
      return md(`${title}\n\n${body}`, result, at.kind === "header-name" ? h.nameSpan! : h.keywordSpan);
    }
    case "import-path":
    case "import-alias": {
      const imp = at.imp;
      const target = result.charter?.imports.find((i) => i.pathSpan.start === imp.pathSpan.start);
      const what = target?.file ? `${ident(target.file)}${target.targetKind ? ` (a ${target.targetKind})` : ""}` : "a file that cannot be read";
      return md(`**import** ${ident(imp.alias?.name ?? "?")} → ${what}`, result, at.kind === "import-path" ? imp.pathSpan : imp.alias!.span);
    }
    case "section-keyword":
    case "section-name": {
      const s = at.section;
      if (at.kind === "section-name" && s.keyword === "member of") {
        const imp = nameTable(doc).aliases.get(s.name!.name);
        const head = `**member of** ${ident(s.name!.name)}${imp ? ` — imports ${ident(imp.path)}` : ""}`;
        const clause = clauseAt(result.charter, s.span.start);
        const cost = result.charter && clause ? clauseText(result.charter, clause) : null;
        return md(cost ? `${head}\n\n${cost}` : head, result, s.name!.span);
      }
      const spec = sectionSpec(doc, s);
      const title = `**${s.keyword}${s.name ? ` ${text(s.name.name)}` : ""}** — ${spec?.doc ?? ""}`;
      const clause = clauseAt(result.charter, s.span.start);
      const cost = result.charter && clause ? clauseText(result.charter, clause) : null;
      return md(cost ? `${title}\n\n${cost}` : title, result, at.kind === "section-name" ? s.name!.span : s.keywordSpan);
    }
    case "field-name": {
      const spec = specOf(doc, at.section, at.field);
      if (!spec) {
        if (at.section?.keyword === "rights") return md(`**right** ${ident(at.field.name.name)} — a right in plain words`, result, at.field.name.span);
        return null;
      }
      const lines = [`**${spec.name}** — ${spec.doc}`, `expects ${KIND_EXPECTED[spec.kind]}`];
      if (spec.required) lines.push("required");
      else if (spec.default) lines.push(`default: ${spec.default}`);
      return md(lines.join("\n\n"), result, at.field.name.span);
    }
    case "term": {
      const site = siteAt(doc, offset);
      if (!site || site.definition) return null;
      const charter = result.charter;
      if (site.kind === "decision" && charter?.decisions.has(site.name)) {
        const d = charter.decisions.get(site.name)!;
        const cost = clauseText(charter, d);
        return md(`**decision ${text(site.name)}**${cost ? `\n\n${cost}` : ""}`, result, site.span);
      }
      if (site.kind === "body") return md(`**body ${text(site.name)}**`, result, site.span);
      return null;
    }
  }
}
