// The Markdown constitution: title, version, preamble, contents, numbered
// articles, the Guarantees table and Mermaid diagrams. `renderMarkdown` is
// pure and synchronous; `emitMarkdown` passes its output through prettier's
// Markdown formatter for the final layout.
//
// Article numbers are assigned here, in source order; anchors come from the
// clause ids (`#decision-expel`), so deep links survive renumbering. Headings
// use only text whose GitHub slug equals the anchor, so no HTML is needed.
import { analyzeCharter, atLeastUnanimity, formatCost, type ClauseCost } from "../analysis/index.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import type { Charter } from "../semantics/model.js";
import { code, escapeMarkdownInline, escapeTableCell, escapeText } from "./escape.js";
import { amendmentDiagram, federationDiagram, governanceDiagram } from "./mermaid.js";
import { clauseAnchor, clauseTitle, clauseWords, prose, witnessWords, wordsFor } from "./words.js";

export interface MarkdownInput {
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
}

/** What each property promises, in words a member reads. */
const PROMISES: Record<string, string> = {
  "exit-guaranteed": "Any member may leave: no approval, no penalty, short notice, property kept, and exit entrenched.",
  "exit-entrenched": "Only unanimity of members (or nothing) can weaken the exit clause.",
  "exit-before-change": "Amendments take effect no sooner than a member could leave.",
  "consent-based": "Authority rests on each member's explicit consent, not on residence or birth.",
  "concurrent-membership": "Members may belong to other communities at the same time.",
  "group-secession": "A group of members may leave together.",
  "amendment-stricter": "Changing the charter is never easier than taking an ordinary decision.",
  "accountable-bodies": "Every seated body can be recalled, and no body selects or recalls itself.",
  "decision-sound": "Quorums are in range, vote thresholds are above one half, and every reference resolves.",
  "due-process": "Expulsion needs notice and an appeal to someone other than the deciding body.",
  "dispute-resolution": "The charter says who resolves disputes.",
  "federation-withdrawal": "A member community may withdraw on its own, with bounded notice.",
  "federation-subsidiarity": "A federation decides only what its members delegated to it.",
  "federation-requirements": "Each member charter satisfies what its federation requires.",
};

/** The clause a property's witness is about, when it concerns one clause's cost. */
const WITNESS_CLAUSE: Record<string, { clause: string; verb: string }> = {
  "exit-guaranteed": { clause: "exit", verb: "weaken" },
  "exit-entrenched": { clause: "exit", verb: "weaken" },
};

function guaranteeRow(id: string, p: PropertyResult, charter: Charter, costs: ReadonlyMap<string, ClauseCost>): string {
  const w = wordsFor(charter);
  const mark = p.holds ? "✔ holds" : "✘ fails";
  const promise = PROMISES[id] ?? "";
  const notes: string[] = [];
  const wc = WITNESS_CLAUSE[id];
  const cc = wc ? costs.get(wc.clause) : undefined;
  const entrenchment = cc && cc.cost.kind !== "never" && !atLeastUnanimity(cc.cost);
  if (!p.holds) {
    for (const r of p.reasons ?? []) {
      // The coalition that breaks exit is told below, in words, with its path.
      if (entrenchment && /coalition|entrenched/.test(r)) continue;
      notes.push(sentenceOf(codeSpans(r)));
    }
    if (entrenchment) notes.push(sentenceOf(witnessWords(cc, w.many, wc!.verb)));
    if (notes.length === 0 && p.witness && p.witness.length > 0) notes.push(`Path: ${p.witness.map((s) => code(s)).join(" → ")}.`);
  } else if (cc && id === "exit-entrenched") {
    notes.push(cc.cost.kind === "never" ? `${code("exit")} can never be amended.` : `Only ${escapeTableCell(formatCost(cc.cost, w.many))} can change ${code("exit")}.`);
  }
  return `| ${code(id)} | ${mark} | ${escapeTableCell(promise)} | ${notes.join(" ")} |`;
}

function sentenceOf(s: string): string {
  const t = s.trim();
  return t.length === 0 ? t : t[0]!.toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

/**
 * A rule's message as table-cell Markdown: the parts in backticks become code
 * spans (which render literally), everything else is escaped text.
 */
export function codeSpans(message: string): string {
  const parts = message.replace(/[\r\n]+/g, " ").split("`");
  if (parts.length % 2 === 0) return escapeTableCell(message);
  return parts.map((part, i) => (i % 2 === 0 ? escapeText(part) : codeSpan(part))).join("");
}

function codeSpan(text: string): string {
  const inner = text.replace(/\|/g, "\\|");
  return inner.length === 0 ? "" : `\`${inner.startsWith(" ") || inner.endsWith(" ") ? ` ${inner} ` : inner}\``;
}

/** The constitution as Markdown (before prettier's layout pass). */
export function renderMarkdown({ charter, properties }: MarkdownInput): string {
  const w = wordsFor(charter);
  const analysis = analyzeCharter(charter);
  const out: string[] = [];
  const title = escapeMarkdownInline(charter.name);
  out.push(`# ${title}`, "");
  const meta: string[] = [];
  meta.push(charter.kind === "federation" ? "A federation of communities." : "A community charter.");
  if (charter.version) meta.push(`Version ${escapeMarkdownInline(charter.version.text)}.`);
  if (charter.jurisdiction) {
    meta.push(
      charter.jurisdiction.kind === "personal"
        ? `Its authority rests on each ${w.one}'s consent, not on territory.`
        : `Its authority extends over a territory: ${escapeMarkdownInline(charter.jurisdiction.territory)}.`,
    );
  }
  out.push(meta.join(" "), "");

  if (charter.preamble && charter.preamble.text.trim().length > 0) {
    out.push(`## Preamble`, "", prose(charter.preamble.text), "");
  }

  const articles = charter.clauses.map((c, i) => {
    const titleText = clauseTitle(c, w);
    const anchor = clauseAnchor(c.id);
    return { clause: c, number: i + 1, titleText, anchor };
  });

  out.push("## Contents", "");
  for (const a of articles) out.push(`${a.number}. [${escapeMarkdownInline(a.titleText)}](#${a.anchor})`);
  out.push(`${articles.length + 1}. [Guarantees](#guarantees)`);
  out.push(`${articles.length + 2}. [Diagrams](#diagrams)`, "");

  if (charter.kind === "federation") {
    out.push("## Powers", "");
    out.push(
      charter.powers.length > 0
        ? `The federation may decide only these matters: ${charter.powers.map((p) => code(p.name)).join(", ")}.`
        : "The charter lists no powers: the federation may decide nothing on its members' behalf.",
    );
    if (charter.requires.length > 0) out.push("", `Every member community's own charter must guarantee: ${charter.requires.map((p) => code(p.name)).join(", ")}.`);
    out.push("");
  }

  for (const a of articles) {
    out.push(`## ${escapeMarkdownInline(a.titleText)}`, "");
    const paragraphs = clauseWords(a.clause, charter, w);
    out.push(`**Article ${a.number}.**${paragraphs[0]?.startsWith("- ") ? "" : " " + (paragraphs[0] ?? "")}`);
    if (paragraphs[0]?.startsWith("- ")) out.push("", paragraphs[0]);
    for (const p of paragraphs.slice(1)) out.push("", p);
    out.push("");
  }

  out.push("## Guarantees", "");
  if (properties && Object.keys(properties).length > 0) {
    out.push("What `charterc` proved about this charter.", "");
    out.push("| Property | Verdict | What it means | Why |", "| --- | --- | --- | --- |");
    const ids = [...PROPERTY_IDS.filter((id) => properties[id]), ...Object.keys(properties).filter((id) => !(PROPERTY_IDS as readonly string[]).includes(id)).sort()];
    for (const id of ids) out.push(guaranteeRow(id, properties[id]!, charter, analysis.clauses));
  } else {
    out.push("No analysis results are available for this charter.");
  }
  out.push("");

  out.push("## Diagrams", "");
  const diagrams: [string, string | null][] = [
    ["Who decides, and who selects and recalls each body", governanceDiagram(charter)],
    ["Which procedure amends which article", amendmentDiagram(charter, analysis.clauses)],
    ["Federation ties", federationDiagram(charter)],
  ];
  let drawn = 0;
  for (const [caption, diagram] of diagrams) {
    if (!diagram) continue;
    drawn++;
    out.push(`### ${caption}`, "", "```mermaid", diagram, "```", "");
  }
  if (drawn === 0) out.push("Nothing to draw.", "");
  return out.join("\n");
}

/** The constitution, laid out by prettier's Markdown formatter. */
export async function emitMarkdown(input: MarkdownInput): Promise<string> {
  const { formatMarkdown } = await import("../prettier/generated.js");
  return formatMarkdown(renderMarkdown(input));
}

/** The Mermaid sources in a generated page, in order (for tests and tools). */
export function mermaidBlocks(markdown: string): string[] {
  const out: string[] = [];
  const re = /^```mermaid\n([\s\S]*?)\n```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) out.push(m[1]!);
  return out;
}
