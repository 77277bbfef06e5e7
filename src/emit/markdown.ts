// The Markdown constitution: title, version, preamble, contents, numbered
// articles, the Guarantees table and Mermaid diagrams, rendered from the
// document model (constitution.ts) that the HTML site renders too.
//
// The layout is produced here, in one linear pass, without a formatter: no
// dependency is asked to re-parse charter text of unbounded size. Tables are
// aligned (cells padded to their column's width in code points).
//
// Article numbers are assigned in source order; anchors come from the
// clause ids (`#decision-expel`), so deep links survive renumbering. Headings
// use only text whose GitHub slug equals the anchor, so no HTML is needed —
// except a federation tie, titled by the federation's name, whose link is
// that heading's GitHub slug.
import { escapeMarkdown, escapeMarkdownInline } from "./escape.js";
import { buildConstitution, type Constitution, type ConstitutionInput, type Guarantee } from "./constitution.js";
import { toMermaid } from "./mermaid.js";
import { code, plain, toMarkdown } from "./rich.js";

/** `constitution`: the model already built from the same fields, so a caller rendering it twice (Markdown and the site) builds it once. */
export type MarkdownInput = ConstitutionInput & { readonly constitution?: Constitution };

/** A heading's anchor as GitHub computes it from the rendered text: lower case, punctuation dropped, spaces as hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

function cellWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A GFM table, cells padded to the widest in each column. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - cellWidth(c))).join(" | ")} |`;
  return [line(header), `| ${widths.map((n) => "-".repeat(n)).join(" | ")} |`, ...rows.map(line)];
}

function guaranteeRow(gu: Guarantee): string[] {
  return [toMarkdown([code(gu.id)]), gu.holds ? "✔ holds" : "✘ fails", escapeMarkdownInline(gu.promise), gu.notes.map(toMarkdown).join(" ")];
}

/** The constitution as Markdown. */
export function renderMarkdown(input: MarkdownInput): string {
  return constitutionToMarkdown(input.constitution ?? buildConstitution(input));
}

export function constitutionToMarkdown(doc: Constitution): string {
  const { charter } = doc;
  const out: string[] = [];
  out.push(`# ${escapeMarkdownInline(charter.name)}`, "");
  out.push(toMarkdown(doc.meta), "");
  if (doc.preamble) out.push(`## Preamble`, "", escapeMarkdown(doc.preamble), "");

  const anchorOf = (a: Constitution["articles"][number]) => (a.clause.kind === "member of" ? githubSlug(plain([a.title])) : a.anchor);
  out.push("## Contents", "");
  for (const a of doc.articles) out.push(`${a.number}. [${escapeMarkdownInline(a.title)}](#${anchorOf(a)})`);
  out.push(`${doc.articles.length + 1}. [Guarantees](#guarantees)`);
  out.push(`${doc.articles.length + 2}. [Diagrams](#diagrams)`, "");

  if (charter.kind === "federation") {
    out.push("## Powers", "");
    out.push(
      charter.powers.length > 0
        ? `The federation may decide only these matters: ${charter.powers.map((p) => toMarkdown([code(p.name)])).join(", ")}.`
        : "The charter lists no powers: the federation may decide nothing on its members' behalf.",
    );
    if (charter.requires.length > 0) out.push("", `Every member community's own charter must guarantee: ${charter.requires.map((p) => toMarkdown([code(p.name)])).join(", ")}.`);
    out.push("");
  }

  for (const a of doc.articles) {
    out.push(`## ${escapeMarkdownInline(a.title)}`, "");
    a.blocks.forEach((b, i) => {
      const lead = i === 0 ? `**Article ${a.number}.**` : null;
      if (b.kind === "paragraph") out.push(lead ? `${lead} ${toMarkdown(b.text)}` : toMarkdown(b.text));
      else {
        if (lead) out.push(lead, "");
        for (const item of b.items) out.push(`- **${escapeMarkdownInline(item.name)}**: ${escapeMarkdownInline(item.text)}`);
      }
      out.push("");
    });
    if (a.blocks.length === 0) out.push(`**Article ${a.number}.**`, "");
  }

  out.push("## Guarantees", "");
  if (doc.guarantees) {
    out.push("What `charterc` proved about this charter.", "");
    out.push(...markdownTable(["Property", "Verdict", "What it means", "Why"], doc.guarantees.map(guaranteeRow)));
  } else {
    out.push("No analysis results are available for this charter.");
  }
  out.push("");

  out.push("## Diagrams", "");
  for (const d of doc.diagrams) out.push(`### ${d.caption}`, "", "```mermaid", toMermaid(d.graph), "```", "");
  if (doc.diagrams.length === 0) out.push("Nothing to draw.", "");
  return out.join("\n").replace(/\n+$/, "\n");
}

/** The constitution as Markdown (kept async for callers of the earlier, formatter-based version). */
export async function emitMarkdown(input: MarkdownInput): Promise<string> {
  return renderMarkdown(input);
}

/** The Mermaid sources in a generated page, in order (for tests and tools). */
export function mermaidBlocks(markdown: string): string[] {
  const out: string[] = [];
  const re = /^```mermaid\n([\s\S]*?)\n```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) out.push(m[1]!);
  return out;
}
