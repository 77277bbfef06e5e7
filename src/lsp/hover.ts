// Hover: field documentation from the schema table (the one the checker
// uses); on a clause head its coalition cost and witness; on the charter
// name the property verdicts; on a reference what it names.
import type { Hover } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import { analyzeCharter, describeClauseCost, describeCoalition, formatCost } from "../analysis/index.js";
import { KIND_EXPECTED } from "../language/schema.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { Charter, Clause } from "../semantics/model.js";
import { locate, namesOf, sectionSpec, siteAt, specOf, type Located } from "./locate.js";
import { toRange } from "./positions.js";

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
    const why = !p.holds && p.reasons && p.reasons.length > 0 ? ` — ${p.reasons[0]}` : "";
    out.push(`${p.holds ? "✔" : "✘"} \`${id}\`${why}`);
  }
  return out;
}

function clauseText(charter: Charter, clause: Clause): string | null {
  const analysis = analyzeCharter(charter);
  const parts: string[] = [];
  const cc = analysis.clauses.get(clause.id);
  if (cc) parts.push(`**cost:** ${describeClauseCost(cc, analysis.unit)}`);
  if (cc && cc.witness.length > 0) parts.push(`**witness:** ${cc.witness.map((w) => `\`${w}\``).join(" → ")}`);
  if (clause.kind === "decision") {
    const c = analysis.coalitions.get(clause.name);
    if (c) parts.push(`**coalition:** ${describeCoalition(c, analysis.unit)} — carried by ${formatCost(c.cost, analysis.unit)}`);
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
      const title = `**${h.kind}** ${h.name ? `"${h.name}"` : ""}`.trimEnd();
      const body = lines.length > 0 ? lines.join("  \n") : "_no verdicts: the file has errors that stop the analyses_";
      return md(`${title}\n\n${body}`, result, at.kind === "header-name" ? h.nameSpan! : h.keywordSpan);
    }
    case "import-path":
    case "import-alias": {
      const imp = at.imp;
      const target = result.charter?.imports.find((i) => i.pathSpan.start === imp.pathSpan.start);
      const what = target?.file ? `\`${target.file}\`${target.targetKind ? ` (a ${target.targetKind})` : ""}` : "a file that cannot be read";
      return md(`**import** \`${imp.alias?.name ?? "?"}\` → ${what}`, result, at.kind === "import-path" ? imp.pathSpan : imp.alias!.span);
    }
    case "section-keyword":
    case "section-name": {
      const s = at.section;
      if (at.kind === "section-name" && s.keyword === "member of") {
        const imp = namesOf(doc).aliases.get(s.name!.name);
        const head = `**member of** \`${s.name!.name}\`${imp ? ` — imports \`${imp.path}\`` : ""}`;
        const clause = clauseAt(result.charter, s.span.start);
        const cost = result.charter && clause ? clauseText(result.charter, clause) : null;
        return md(cost ? `${head}\n\n${cost}` : head, result, s.name!.span);
      }
      const spec = sectionSpec(doc, s);
      const title = `**${s.keyword}${s.name ? ` ${s.name.name}` : ""}** — ${spec?.doc ?? ""}`;
      const clause = clauseAt(result.charter, s.span.start);
      const cost = result.charter && clause ? clauseText(result.charter, clause) : null;
      return md(cost ? `${title}\n\n${cost}` : title, result, at.kind === "section-name" ? s.name!.span : s.keywordSpan);
    }
    case "field-name": {
      const spec = specOf(doc, at.section, at.field);
      if (!spec) {
        if (at.section?.keyword === "rights") return md(`**right** \`${at.field.name.name}\` — a right in plain words`, result, at.field.name.span);
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
        const text = clauseText(charter, d);
        return md(`**decision ${site.name}**${text ? `\n\n${text}` : ""}`, result, site.span);
      }
      if (site.kind === "body") return md(`**body ${site.name}**`, result, site.span);
      return null;
    }
  }
}
