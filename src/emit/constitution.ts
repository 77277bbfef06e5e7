// The constitution as a document model, built once per charter from the
// resolved charter and its analysis: the title and meta sentence, preamble,
// numbered articles of rich-text sentences, the Guarantees (✔/✘ with why,
// and for a failing guarantee the witness path step by step, each step at
// the article it passes through), and the diagrams as graph data. The
// Markdown renderer (markdown.ts) and the HTML site (html/) render this same
// value, so both say the same words.
import { analyzeCharter, atLeastUnanimity, formatCost, type CharterAnalysis, type ClauseCost, type EdgeKind } from "../analysis/index.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import type { Charter, Clause } from "../semantics/model.js";
import type { LineIndex } from "../text/line-index.js";
import { amendmentGraph, federationGraph, governanceGraph, type DiagramGraph } from "./mermaid.js";
import { cat, code, g, link, r, sentence, type Inline, type Rich } from "./rich.js";
import { clauseAnchor, clauseTitle, clauseWords, shownSteps, witnessWords, wordsFor, type ArticleBlock, type Words } from "./words.js";

export interface ConstitutionInput {
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
  /** The file's line index, for links to source lines (`#L12`). */
  readonly lines?: LineIndex | null;
  /** Other charters of the run by project-relative file, to name the federations a charter is a member of. */
  readonly charters?: ReadonlyMap<string, Charter> | null;
}

export interface Article {
  readonly number: number;
  readonly clause: Clause;
  /** The anchor of the article (`decision-expel`), from the clause id. */
  readonly anchor: string;
  readonly title: string;
  /** 1-based source line of the clause's keyword, when lines are known. */
  readonly line: number | null;
  readonly blocks: readonly ArticleBlock[];
}

export interface UndoStep {
  readonly clauseId: string;
  /** The article the step passes through (null for a procedure the charter does not define). */
  readonly anchor: string | null;
  readonly line: number | null;
  readonly edge: EdgeKind | null;
  readonly text: Rich;
}

export interface Guarantee {
  readonly id: string;
  readonly holds: boolean;
  readonly promise: string;
  /** Why: sentences (empty when it holds and there is nothing to add). */
  readonly notes: readonly Rich[];
  /** For a failing guarantee about a clause's cost: how it could be undone, step by step. */
  readonly undo: { readonly summary: Rich; readonly steps: readonly UndoStep[]; readonly omitted: number; readonly total: number } | null;
}

export interface Diagram {
  readonly key: "governance" | "amendment" | "federation";
  readonly caption: string;
  readonly graph: DiagramGraph;
}

export interface Constitution {
  readonly charter: Charter;
  readonly analysis: CharterAnalysis;
  readonly words: Words;
  readonly meta: Rich;
  readonly preamble: string | null;
  /** The first sentence of the preamble, at most SUMMARY_MAX characters (for the index). */
  readonly summary: string | null;
  readonly articles: readonly Article[];
  /** Null when no analysis results are available. */
  readonly guarantees: readonly Guarantee[] | null;
  readonly diagrams: readonly Diagram[];
  /** The cost to weaken exit, in words ("more than 10% of members"), or null without an exit clause. */
  readonly exitCost: string | null;
}

/** What each property promises, in words a member reads. */
export const PROMISES: Readonly<Record<string, string>> = {
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

export const SUMMARY_MAX = 160;

/** A rule's message as rich text: the parts in backticks are code, the rest charter-derived text. */
export function codeSpans(message: string): Rich {
  const parts = message.replace(/[\r\n]+/g, " ").split("`");
  if (parts.length % 2 === 0) return [message];
  const out: Inline[] = [];
  parts.forEach((part, i) => {
    if (part.length === 0) return;
    out.push(i % 2 === 0 ? part : code(part));
  });
  return out;
}

/** The first sentence of a preamble, shortened to SUMMARY_MAX characters at a word boundary. */
export function summaryOf(preamble: string): string | null {
  const head = preamble.slice(0, SUMMARY_MAX * 4).replace(/\s+/g, " ").trim();
  if (head.length === 0) return null;
  const m = /^(.+?[.!?])(\s|$)/.exec(head);
  const first = m ? m[1]! : head;
  if (first.length <= SUMMARY_MAX) return first;
  const cut = first.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function undoSteps(cc: ClauseCost, charter: Charter, lineOf: (c: Clause) => number | null, summary: Rich): Guarantee["undo"] {
  // Only the steps shown are kept (one pass over the links), not the whole path.
  const shown = shownSteps(cc.walk());
  if (shown.total === 0) return null;
  const clauses = new Map<string, Clause>();
  for (const c of charter.clauses) clauses.set(c.id, c);
  const pick = [...shown.head, ...shown.tail];
  const out: UndoStep[] = pick.map((s, i) => {
    const clause = clauses.get(s.id);
    const anchor = clause ? clauseAnchor(clause.id) : null;
    const title: Rich = anchor ? [link(`#${anchor}`, [code(s.id)])] : [code(s.id)];
    let text: Rich;
    if (i === 0 && s.edge === null) text = r`${title}: the article to be weakened.`;
    else if (s.edge === "amender") text = cc.procedure ? r`${title}: the procedure that amends the article before; a coalition carries it with ${cc.procedure.explanation}.` : r`${title}: the procedure that amends the article before.`;
    else if (s.edge === "decision") text = r`${title}: defines the procedure that amends the article before; whoever rewrites it sets that procedure's terms.`;
    else if (s.edge === "control") text = r`${title}: controls who carries that procedure (its seats, or who fills them).`;
    else text = r`${title}: the article before follows its default protection, so amending it changes how the article before is amended.`;
    return { clauseId: s.id, anchor, line: clause ? lineOf(clause) : null, edge: s.edge, text };
  });
  return { summary, steps: out, omitted: shown.omitted, total: shown.total };
}

export function buildConstitution({ charter, properties, lines, charters }: ConstitutionInput): Constitution {
  const w = wordsFor(charter, charters ? (file) => charters.get(file)?.name ?? null : undefined);
  const analysis = analyzeCharter(charter);
  const lineOf = (c: Clause) => (lines ? lines.position(c.headSpan.start).line : null);

  const meta: Inline[] = [g(charter.kind === "federation" ? "A federation of communities." : "A community charter.")];
  if (charter.version) meta.push(...r` Version ${charter.version.text}.`);
  if (charter.jurisdiction) {
    meta.push(...(charter.jurisdiction.kind === "personal" ? [g(` Its authority rests on each ${w.one}'s consent, not on territory.`)] : r` Its authority extends over a territory: ${charter.jurisdiction.territory}.`));
  }

  const preamble = charter.preamble && charter.preamble.text.trim().length > 0 ? charter.preamble.text.trim() : null;

  const articles: Article[] = charter.clauses.map((c, i) => ({
    number: i + 1,
    clause: c,
    anchor: clauseAnchor(c.id),
    title: clauseTitle(c, w),
    line: lineOf(c),
    blocks: clauseWords(c, charter, w),
  }));

  let guarantees: Guarantee[] | null = null;
  if (properties && Object.keys(properties).length > 0) {
    const ids = [...PROPERTY_IDS.filter((id) => properties[id]), ...Object.keys(properties).filter((id) => !(PROPERTY_IDS as readonly string[]).includes(id)).sort()];
    guarantees = ids.map((id) => guarantee(id, properties[id]!, charter, analysis, w, lineOf));
  }

  const diagrams: Diagram[] = [];
  const gov = governanceGraph(charter);
  if (gov) diagrams.push({ key: "governance", caption: "Who decides, and who selects and recalls each body", graph: gov });
  const am = amendmentGraph(charter, analysis.clauses);
  if (am) diagrams.push({ key: "amendment", caption: "Which procedure amends which article", graph: am });
  const fed = federationGraph(charter, w);
  if (fed) diagrams.push({ key: "federation", caption: "Federation ties", graph: fed });

  return {
    charter,
    analysis,
    words: w,
    meta,
    preamble,
    summary: preamble ? summaryOf(preamble) : null,
    articles,
    guarantees,
    diagrams,
    exitCost: analysis.exit ? formatCost(analysis.exit.cost, w.many) : null,
  };
}

function guarantee(id: string, p: PropertyResult, charter: Charter, analysis: CharterAnalysis, w: Words, lineOf: (c: Clause) => number | null): Guarantee {
  const notes: Rich[] = [];
  const wc = WITNESS_CLAUSE[id];
  const cc = wc ? analysis.clauses.get(wc.clause) : undefined;
  const entrenchment = cc !== undefined && cc.cost.kind !== "never" && !atLeastUnanimity(cc.cost);
  let undo: Guarantee["undo"] = null;
  if (!p.holds) {
    for (const reason of p.reasons ?? []) {
      // The coalition that breaks exit is told below, in words, with its path.
      if (entrenchment && /coalition|entrenched/.test(reason)) continue;
      notes.push(sentence(codeSpans(reason)));
    }
    if (entrenchment) {
      const words = sentence(witnessWords(cc!, w.many, wc!.verb));
      notes.push(words);
      undo = undoSteps(cc!, charter, lineOf, words);
    }
    if (notes.length === 0 && p.witness && p.witness.length > 0) {
      const path = shownSteps(p.witness);
      const shown = path.omitted > 0 ? [...path.head, `… ${path.omitted} more …`, ...path.tail] : path.head;
      const parts: Inline[] = [g("Path: ")];
      shown.forEach((s, i) => {
        if (i > 0) parts.push(g(" → "));
        parts.push(s.startsWith("… ") ? g(s) : code(s));
      });
      parts.push(g("."));
      notes.push(parts);
    }
  } else if (cc && id === "exit-entrenched") {
    notes.push(cc.cost.kind === "never" ? r`${code("exit")} can never be amended.` : r`Only ${formatCost(cc.cost, w.many)} can change ${code("exit")}.`);
  }
  return { id, holds: p.holds, promise: PROMISES[id] ?? "", notes, undo };
}
