// The static constitution site for a whole workspace: an index of every
// community and federation, a page per charter (constitution, Guarantees,
// how a failing guarantee could be undone, diagrams as inline SVG, the
// highlighted source with line anchors), federation members, a compare page
// and, when built against a git revision, a "what changed" page per charter.
//
// Pure: `buildSite` returns file names and contents; the CLI writes them.
// Every page links one stylesheet and one script under assets/ and carries a
// Content-Security-Policy of `default-src 'self'` with no inline script or
// style; nothing is requested from outside the site. All charter text is
// HTML-escaped (src/emit/html/escape.ts). Same input, same bytes.
import { compareCharters, type CompareInput } from "../../diff/compare.js";
import { headline } from "../../diff/render.js";
import { isEmptyDiff, type CharterDiff } from "../../diff/types.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { PROPERTY_IDS } from "../../language/properties.js";
import type { PropertyResult } from "../../rules/api.js";
import type { Charter, Tie } from "../../semantics/model.js";
import type { LineIndex } from "../../text/line-index.js";
import { VERSION } from "../../version.js";
import type { Cost } from "../../analysis/index.js";
import { buildConstitution, codeSpans, PROMISES, type Constitution, type Guarantee } from "../constitution.js";
import { toHtml, type Rich } from "../rich.js";
import { tieName } from "../words.js";
import { SITE_CSS, SITE_JS } from "./assets.js";
import { escapeHtml } from "./escape.js";
import { plainLines, type Highlighter } from "./highlight.js";
import { graphToSvg } from "./svg.js";

export interface SiteCharter {
  /** Project-relative path of the charter (`charters/free-commons.charter`). */
  readonly file: string;
  /** Output path without suffix, `/`-separated (`free-commons`, `federations/cascadia-confederacy`). */
  readonly base: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
  readonly diagnostics: readonly Diagnostic[];
  /** What changed since the git revision, when built with one (null: new, or not built from git). */
  readonly diff?: CharterDiff | null;
  /** The document model already built for this charter (with `all` as its charters), shared with the Markdown output; built here when absent. */
  readonly constitution?: Constitution;
}

export interface SiteInput {
  readonly charters: readonly SiteCharter[];
  /** Every charter of the run (entries and imports) by project-relative file. */
  readonly all: ReadonlyMap<string, Charter>;
  /** Sibling outputs written next to each page (`.md`, `.json`, …), linked from it: suffix → label. */
  readonly outputs: readonly { readonly suffix: string; readonly label: string }[];
  readonly highlighter: Highlighter | null;
  /** A playground page exists at the site's root (`playground.html`). */
  readonly playground: boolean;
  /** The revision "what changed" pages compare against, when built with `--git`. */
  readonly gitRev: string | null;
}

export interface SiteFile {
  readonly name: string;
  readonly content: string;
}

/** Headline properties shown as badges on the index. */
export const HEADLINE = ["exit-guaranteed", "exit-entrenched", "consent-based", "amendment-stricter", "accountable-bodies", "due-process"] as const;

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const RESERVED = new Set(["index", "compare", "playground"]);

/** The page of a charter, relative to the site's root. */
export function pageOf(base: string): string {
  return RESERVED.has(base) || base.startsWith("assets/") ? `${base}.charter.html` : `${base}.html`;
}

/** A relative URL from one site file to another (both `/`-separated, relative to the root), each segment percent-encoded. */
export function hrefFrom(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => "..");
  return [...up, ...b.slice(i)].map((s) => (s === ".." ? s : encodeURIComponent(s))).join("/");
}

const rootOf = (page: string) => "../".repeat(page.split("/").length - 1);
const esc = escapeHtml;
const rich = (r: Rich) => toHtml(r);

interface PageOptions {
  readonly page: string;
  readonly title: string;
  readonly current?: "index" | "compare" | "playground";
  readonly playground: boolean;
  readonly body: string;
}

function page(o: PageOptions): string {
  const root = rootOf(o.page);
  const nav = [
    `<a href="${root}index.html"${o.current === "index" ? ' aria-current="page"' : ""}>Charters</a>`,
    `<a href="${root}compare.html"${o.current === "compare" ? ' aria-current="page"' : ""}>Compare</a>`,
    ...(o.playground ? [`<a href="${root}playground.html">Playground</a>`] : []),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="charterc ${esc(VERSION)}">
<title>${esc(o.title)}</title>
<link rel="stylesheet" href="${root}assets/site.css">
<script src="${root}assets/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><nav aria-label="Site">${nav.join(" ")}</nav></header>
<main id="main">
${o.body}
</main>
<footer>Published with charterc ${esc(VERSION)}. Verdicts are what <code>charterc check</code> proved from the charter's text.</footer>
</body>
</html>
`;
}

function badge(id: string, p: PropertyResult | undefined, label = id): string {
  if (!p) return `<span class="badge none" title="${esc(PROMISES[id] ?? id)}">– ${esc(label)}</span>`;
  const verdict = p.holds ? "holds" : "fails";
  // The verdict in words for screen readers, unless the label already says it.
  const spoken = label === verdict ? "" : `<span class="skip"> ${verdict}</span>`;
  return `<span class="badge ${p.holds ? "ok" : "fail"}" title="${esc(PROMISES[id] ?? id)}">${p.holds ? "✔" : "✘"} ${esc(label)}${spoken}</span>`;
}

/** A number that orders costs as `compareCost` does (seats before shares, never last). */
export function costSortKey(c: Cost | undefined): string {
  if (!c) return "9";
  if (c.kind === "never") return "3";
  if (c.kind === "seats") return (c.of > 0 ? c.seats / c.of : 0).toFixed(6);
  return (1 + c.value + (c.strict ? 1e-7 : 0)).toFixed(7);
}

function jurisdictionText(c: Charter): string {
  if (!c.jurisdiction) return "not stated";
  return c.jurisdiction.kind === "personal" ? "personal" : `territorial: ${c.jurisdiction.territory}`;
}

// ---------------------------------------------------------------- charter page

function paragraphs(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${esc(p.replace(/\s*\r?\n\s*/g, " "))}</p>`)
    .join("\n");
}

function guaranteesHtml(doc: Constitution): string {
  if (!doc.guarantees) return `<p>No analysis results are available for this charter.</p>`;
  const rows = doc.guarantees.map(
    (g) =>
      `<tr id="g-${esc(g.id)}"><th scope="row"><code>${esc(g.id)}</code></th><td>${g.holds ? '<span class="badge ok">✔ holds</span>' : '<span class="badge fail">✘ fails</span>'}</td><td>${esc(g.promise)}</td><td>${g.notes.map(rich).join(" ")}${g.undo ? ` <a href="#undo-${esc(g.id)}">How it could be undone</a>` : ""}</td></tr>`,
  );
  const undo = doc.guarantees.filter((g): g is Guarantee & { undo: NonNullable<Guarantee["undo"]> } => !g.holds && g.undo !== null).map(undoHtml);
  return `<p>What <code>charterc</code> proved about this charter.</p>
<div class="table-wrap" tabindex="0"><table><caption class="skip">Guarantees</caption><thead><tr><th scope="col">Property</th><th scope="col">Verdict</th><th scope="col">What it means</th><th scope="col">Why</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>
${undo.join("\n")}`;
}

function undoHtml(g: Guarantee & { undo: NonNullable<Guarantee["undo"]> }): string {
  const items = g.undo.steps.map((s, i) => {
    const line = s.line !== null ? ` <a class="src" href="#L${s.line}">line ${s.line}</a>` : "";
    const gap = g.undo.omitted > 0 && i === g.undo.steps.length - 3 ? `<li class="omitted">… ${g.undo.omitted} more steps along the same chain …</li>` : "";
    return `${gap}<li>${rich(s.text)}${line}</li>`;
  });
  return `<section id="undo-${esc(g.id)}" class="undo"><h3>How <code>${esc(g.id)}</code> could be undone</h3>
<p>${rich(g.undo.summary)}</p>
<p>Step by step along the cheapest path (${g.undo.total} step${g.undo.total === 1 ? "" : "s"}):</p>
<ol class="undo">${items.join("")}</ol></section>`;
}

function diagnosticsHtml(sc: SiteCharter): string {
  const own = sc.diagnostics.filter((d) => d.file === sc.file);
  if (own.length === 0) return "";
  const shown = own.slice(0, 200);
  const items = shown.map((d) => {
    const line = sc.lines.position(d.span.start).line;
    return `<li><span class="sev-${esc(d.severity)}">${esc(d.severity)}</span> <code>${esc(d.code)}</code>${d.rule ? ` (<code>${esc(d.rule)}</code>)` : ""} <a href="#L${line}">line ${line}</a>: ${rich(codeSpans(d.message))}</li>`;
  });
  const more = own.length > shown.length ? `<p>… and ${own.length - shown.length} more; run <code>charterc check</code> for all of them.</p>` : "";
  return `<section id="diagnostics"><h2>What <code>charterc check</code> reports</h2><ul class="diagnostics">${items.join("")}</ul>${more}</section>`;
}

function diagramsHtml(doc: Constitution, mdHref: string | null): string {
  if (doc.diagrams.length === 0) return "<p>Nothing to draw.</p>";
  return doc.diagrams
    .map((d) => {
      const svg = graphToSvg(d.graph, `dg-${d.key}`, d.caption);
      const body = svg ?? `<p>This diagram has ${d.graph.nodes.length} nodes and ${d.graph.edges.length} edges: too many to draw legibly.${mdHref ? ` Its Mermaid source is in the <a href="${mdHref}">Markdown constitution</a>.` : ""}</p>`;
      return `<figure class="diagram-figure" id="diagram-${d.key}"><figcaption><h3>${esc(d.caption)}</h3></figcaption>${body}</figure>`;
    })
    .join("\n");
}

function sourceHtml(sc: SiteCharter, h: Highlighter | null): string {
  const { lines, highlighted } = h ? h.highlight(sc.text) : { lines: plainLines(sc.text), highlighted: 0 };
  // One flat string from an array, not a rope of 2 × lines pieces that is flattened (copied) when written.
  const parts = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    parts[i] = `<span class="line" id="L${n}"><a class="ln" href="#L${n}" data-n="${n}" aria-label="line ${n}"></a>${lines[i]}</span>\n`;
    lines[i] = "";
  }
  const out = parts.join("");
  const note = h && highlighted < lines.length ? `<p>Colours stop after line ${highlighted}: the rest of a file this long is shown plain, as editors do for very large files.</p>` : "";
  return `${note}<pre class="source" tabindex="0" aria-label="Charter source"><code>${out}</code></pre>`;
}

interface Membership {
  readonly member: SiteCharter;
  readonly tie: Tie;
}

function membersHtml(fed: SiteCharter, members: readonly Membership[], self: string): string {
  if (members.length === 0) return `<p>No charter in this workspace is a member of this federation.</p>`;
  const c = fed.charter;
  const link = (m: Membership) => `<a href="${hrefFrom(self, pageOf(m.member.base))}">${esc(m.member.charter.name)}</a>`;
  const req = c.requires.map((r) => r.name);
  const reqTable =
    req.length === 0
      ? `<p>The federation requires nothing of its members' charters.</p>`
      : `<div class="table-wrap" tabindex="0"><table><caption>Each member's verdicts on what the federation requires</caption><thead><tr><th scope="col">Member</th>${req.map((r) => `<th scope="col"><code>${esc(r)}</code></th>`).join("")}</tr></thead><tbody>${members
          .map((m) => `<tr><th scope="row">${link(m)}</th>${req.map((r) => `<td>${badge(r, m.member.properties?.[r], m.member.properties?.[r] ? (m.member.properties[r]!.holds ? "holds" : "fails") : "not checked")}</td>`).join("")}</tr>`)
          .join("")}</tbody></table></div>`;
  const powers = c.powers.map((p) => p.name);
  const matrix =
    powers.length === 0
      ? `<p>The federation lists no powers.</p>`
      : `<div class="table-wrap" tabindex="0"><table><caption>Powers delegated by each member (subsidiarity)</caption><thead><tr><th scope="col">Power</th>${members.map((m) => `<th scope="col">${link(m)}</th>`).join("")}</tr></thead><tbody>${powers
          .map((p) => `<tr><th scope="row"><code>${esc(p)}</code></th>${members.map((m) => (m.tie.delegates.some((d) => d.name === p) ? `<td><span class="badge ok">✔ delegated</span></td>` : `<td><span class="badge none">– kept</span></td>`)).join("")}</tr>`)
          .join("")}</tbody></table></div>`;
  const withdrawal = `<ul>${members
    .map((m) => {
      const w = m.tie.withdrawal;
      const terms = !w ? "no withdrawal terms stated" : w.kind === "unilateral" ? `may withdraw on its own decision${w.notice ? `, with ${w.notice.text} of notice` : ""}` : `may withdraw only through its ${w.decision.name} procedure${w.notice ? `, with ${w.notice.text} of notice` : ""}`;
      return `<li>${link(m)}: ${esc(terms)}.</li>`;
    })
    .join("")}</ul>`;
  return `${reqTable}\n${matrix}\n<h3>Withdrawal terms</h3>\n${withdrawal}`;
}

function charterPage(sc: SiteCharter, input: SiteInput, doc: Constitution, members: readonly Membership[], byFile: ReadonlyMap<string, SiteCharter>): SiteFile {
  const self = pageOf(sc.base);
  const c = sc.charter;
  const outs = input.outputs.map((o) => `<li><a href="${hrefFrom(self, sc.base + o.suffix)}">${esc(o.label)}</a></li>`);
  const md = input.outputs.find((o) => o.suffix === ".md");
  const mdHref = md ? hrefFrom(self, sc.base + md.suffix) : null;
  if (sc.diff !== undefined && sc.diff !== null) outs.push(`<li><a href="${hrefFrom(self, changesPageOf(sc.base))}">What changed since ${esc(input.gitRev ?? "")}</a></li>`);
  const feds = c.ties
    .map((t) => ({ t, fed: t.federationFile ? byFile.get(t.federationFile) : undefined }))
    .map(({ t, fed }) => (fed ? `<a href="${hrefFrom(self, pageOf(fed.base))}#members">${esc(tieName(t, doc.words))}</a>` : esc(tieName(t, doc.words))));
  const badges = PROPERTY_IDS.filter((id) => sc.properties?.[id]).map((id) => `<li>${badge(id, sc.properties![id])}</li>`);

  const articles = doc.articles.map((a) => {
    const blocks = a.blocks.map((b, i) => {
      const lead = i === 0 ? `<strong>Article ${a.number}.</strong> ` : "";
      if (b.kind === "paragraph") return `<p>${lead}${rich(b.text)}</p>`;
      return `${lead ? `<p>${lead}</p>` : ""}<ul class="rights">${b.items.map((it) => `<li><strong>${esc(it.name)}</strong>: ${esc(it.text)}</li>`).join("")}</ul>`;
    });
    const src = a.line !== null ? `<a class="src" href="#L${a.line}">source, line ${a.line}</a>` : "";
    const fedLink = a.clause.kind === "member of" && a.clause.federationFile && byFile.get(a.clause.federationFile) ? `<p><a href="${hrefFrom(self, pageOf(byFile.get(a.clause.federationFile)!.base))}">The federation's page</a></p>` : "";
    return `<section class="article" id="${esc(a.anchor)}"><h3>${esc(a.title)}${src}</h3>${blocks.join("")}${fedLink}</section>`;
  });

  const powers =
    c.kind === "federation"
      ? `<section id="powers"><h3>Powers</h3><p>${c.powers.length > 0 ? `The federation may decide only these matters: ${c.powers.map((p) => `<code>${esc(p.name)}</code>`).join(", ")}.` : "The charter lists no powers: the federation may decide nothing on its members' behalf."}</p>${c.requires.length > 0 ? `<p>Every member community's own charter must guarantee: ${c.requires.map((p) => `<code>${esc(p.name)}</code>`).join(", ")}.</p>` : ""}</section>`
      : "";

  const tabs = [
    ["constitution", "Constitution"],
    ["guarantees", "Guarantees"],
    ...(c.kind === "federation" ? [["members", "Members"]] : []),
    ["diagrams", "Diagrams"],
    ["source", "Source"],
  ];
  const body = `<h1>${esc(c.name)}</h1>
<p class="meta">${rich(doc.meta)}${feds.length > 0 ? ` Member of ${feds.join(", ")}.` : ""}</p>
<ul class="badges" aria-label="Verdicts">${badges.join("")}</ul>
<ul class="outputs" aria-label="Downloads">${outs.join("")}</ul>
<nav class="tabs" aria-label="Sections">${tabs.map(([id, label]) => `<a href="#${id}">${label}</a>`).join("")}</nav>
<section id="constitution"><h2>Constitution</h2>
${doc.preamble ? `<section id="preamble"><h3>Preamble</h3>${paragraphs(doc.preamble)}</section>` : ""}
<nav aria-label="Contents" id="contents"><h3>Contents</h3><ol>${doc.articles.map((a) => `<li><a href="#${esc(a.anchor)}">${esc(a.title)}</a></li>`).join("")}</ol></nav>
${powers}
${articles.join("\n")}
</section>
<section id="guarantees"><h2>Guarantees</h2>
${guaranteesHtml(doc)}
</section>
${diagnosticsHtml(sc)}
${c.kind === "federation" ? `<section id="members"><h2>Members</h2>\n${membersHtml(sc, members, self)}\n</section>` : ""}
<section id="diagrams"><h2>Diagrams</h2>
${diagramsHtml(doc, mdHref)}
</section>
<section id="source"><h2>Source</h2>
<p><code>${esc(sc.file)}</code></p>
${sourceHtml(sc, input.highlighter)}
</section>`;
  return { name: self, content: page({ page: self, title: c.name, playground: input.playground, body }) };
}

// ---------------------------------------------------------------- index, compare, changes

function indexPage(input: SiteInput, docs: ReadonlyMap<string, Constitution>): SiteFile {
  const self = "index.html";
  const rows = input.charters.map((sc) => {
    const doc = docs.get(sc.file)!;
    const badges = HEADLINE.map((id) => {
      const p = sc.properties?.[id];
      return `<td data-sort="${p ? (p.holds ? "0" : "1") : "2"}">${badge(id, p, p ? (p.holds ? "holds" : "fails") : "—")}</td>`;
    });
    return `<tr><th scope="row" data-sort="${esc(sc.charter.name.toLowerCase())}"><a href="${hrefFrom(self, pageOf(sc.base))}">${esc(sc.charter.name)}</a></th><td>${sc.charter.kind === "federation" ? "federation" : "community"}</td><td>${esc(jurisdictionText(sc.charter))}</td><td class="summary">${doc.summary ? esc(doc.summary) : "—"}</td>${badges.join("")}<td data-sort="${costSortKey(doc.analysis.exit?.cost)}">${doc.exitCost ? esc(doc.exitCost) : "no exit clause"}</td></tr>`;
  });
  const body = `<h1>Charters</h1>
<p>${input.charters.length} charter${input.charters.length === 1 ? "" : "s"} in this workspace. Each name links to the charter's page: its constitution, guarantees and source. Select a column heading to sort.</p>
<div class="table-wrap" tabindex="0"><table class="sortable" id="charters"><caption class="skip">Communities and federations</caption><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Jurisdiction</th><th scope="col">Summary</th>${HEADLINE.map((id) => `<th scope="col" data-type="number"><code>${esc(id)}</code></th>`).join("")}<th scope="col" data-type="number">Cost to weaken exit</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>`;
  return { name: self, content: page({ page: self, title: "Charters", current: "index", playground: input.playground, body }) };
}

function comparePage(input: SiteInput): SiteFile {
  const self = "compare.html";
  const communities = input.charters.filter((sc) => sc.charter.kind === "charter");
  let body: string;
  if (communities.length === 0) body = `<h1>Compare</h1><p>There are no communities to compare.</p>`;
  else {
    const cmp = compareCharters(communities.map((sc): CompareInput => ({ file: sc.file, charter: sc.charter, properties: sc.properties })));
    const head = cmp.charters.map((x, i) => `<th scope="col"><a href="${hrefFrom(self, pageOf(communities[i]!.base))}">${esc(x.name)}</a><br><code>${esc(x.file)}</code></th>`);
    const rows = cmp.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((cell) => `<td>${cell.map((l) => (l === "holds" ? '<span class="badge ok">✔ holds</span>' : l === "fails" ? '<span class="badge fail">✘ fails</span>' : esc(l))).join("<br>")}</td>`).join("")}</tr>`);
    body = `<h1>Compare</h1>
<p>The communities of this workspace side by side: verdicts, exit terms, admission, jurisdiction, the cost to amend exit and decision thresholds (the table of <code>charterc compare</code>).</p>
<div class="table-wrap" tabindex="0"><table id="compare"><caption class="skip">Communities compared</caption><thead><tr><th scope="col">Row</th>${head.join("")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>`;
  }
  return { name: self, content: page({ page: self, title: "Compare charters", current: "compare", playground: input.playground, body }) };
}

export function changesPageOf(base: string): string {
  return `${base}.changes.html`;
}

function changesPage(sc: SiteCharter, d: CharterDiff, input: SiteInput): SiteFile {
  const self = changesPageOf(sc.base);
  const charterHref = hrefFrom(self, pageOf(sc.base));
  const rev = input.gitRev ?? "";
  const parts: string[] = [`<h1>What changed in ${esc(sc.charter.name)}</h1>`, `<p>Compared with <code>${esc(rev)}</code>: <a href="${charterHref}">the charter as it is now</a>.</p>`];
  if (isEmptyDiff(d)) parts.push(`<p>No semantic changes (formatting, comments and the version field are not compared).</p>`);
  else {
    parts.push(`<p>${d.summary.weakens} weakening, ${d.summary.strengthens} strengthening, ${d.summary.neutral} neutral. Suggested version bump: <strong>${esc(d.bump.suggested)}</strong>${d.bump.oldVersion !== d.bump.newVersion ? ` (version ${esc(d.bump.oldVersion ?? "none")} → ${esc(d.bump.newVersion ?? "none")})` : ""}.</p>`);
  }
  if (d.bump.warning) parts.push(`<p><strong>Warning:</strong> ${esc(d.bump.warning)}</p>`);
  if (d.changes.length > 0) {
    const rows = d.changes.map((ch) => `<tr><td class="effect-${esc(ch.effect)}">${esc(ch.effect)}</td><td>${esc(headline(ch))}</td><td>${esc(ch.description)}</td><td>${ch.newLine !== null ? `<a href="${charterHref}#L${ch.newLine}">line ${ch.newLine}</a>` : ch.oldLine !== null ? `line ${ch.oldLine} at ${esc(rev)}` : ""}</td></tr>`);
    parts.push(`<h2>Changes</h2><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Effect</th><th scope="col">Change</th><th scope="col">What it means</th><th scope="col">Where</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`);
  }
  if (d.properties.length > 0) {
    const rows = d.properties.map((p) => `<tr><td class="effect-${esc(p.effect)}">${esc(p.effect)}</td><td><a href="${charterHref}#g-${esc(p.id)}"><code>${esc(p.id)}</code></a></td><td>${esc(String(p.old))} → ${esc(String(p.new))}</td><td>${p.reasons.map(esc).join(" ")}</td></tr>`);
    parts.push(`<h2>Verdicts</h2><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Effect</th><th scope="col">Property</th><th scope="col">Verdict</th><th scope="col">Why</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`);
  }
  if (d.costs.length > 0) {
    const rows = d.costs.map((c) => `<tr><td class="effect-${esc(c.effect)}">${esc(c.effect)}</td><td>${esc(c.label)}</td><td>${esc(c.old?.text ?? "—")}</td><td>${esc(c.new?.text ?? "—")}</td></tr>`);
    parts.push(`<h2>Coalition costs</h2><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Effect</th><th scope="col">Clause</th><th scope="col">Before</th><th scope="col">Now</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`);
  }
  return { name: self, content: page({ page: self, title: `What changed: ${sc.charter.name}`, playground: input.playground, body: parts.join("\n") }) };
}

// ---------------------------------------------------------------- the site

export function buildSite(input: SiteInput): SiteFile[] {
  const charters = [...input.charters].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  const sorted: SiteInput = { ...input, charters };
  const byFile = new Map(charters.map((sc) => [sc.file, sc]));
  const docs = new Map<string, Constitution>();
  for (const sc of charters) docs.set(sc.file, sc.constitution ?? buildConstitution({ charter: sc.charter, properties: sc.properties, lines: sc.lines, charters: input.all }));
  const members = new Map<string, Membership[]>();
  for (const sc of charters) {
    for (const t of sc.charter.ties) {
      if (!t.federationFile || !byFile.has(t.federationFile)) continue;
      const list = members.get(t.federationFile) ?? [];
      list.push({ member: sc, tie: t });
      members.set(t.federationFile, list);
    }
  }
  const out: SiteFile[] = [
    { name: "assets/site.css", content: SITE_CSS },
    { name: "assets/site.js", content: SITE_JS },
    indexPage(sorted, docs),
    comparePage(sorted),
  ];
  for (const sc of charters) {
    out.push(charterPage(sc, sorted, docs.get(sc.file)!, members.get(sc.file) ?? [], byFile));
    if (sc.diff) out.push(changesPage(sc, sc.diff, sorted));
  }
  return out;
}
