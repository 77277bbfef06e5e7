// Diagrams laid out at build time (layout.ts, a layered layout) into inline
// SVG, so the site shows them without JavaScript. Every label is
// HTML-escaped into SVG text; node links point only at anchors of the page.
// A graph with more than MAX_DRAWN_NODES nodes is not laid out (the drawing
// would be unreadable): the page says so, and the Markdown keeps its Mermaid
// source.
import type { DiagramGraph } from "../mermaid.js";
import { escapeHtml } from "./escape.js";
import { layeredLayout } from "./layout.js";

export const MAX_DRAWN_NODES = 120;
const MAX_LABEL = 48;
const CHAR_W = 7.2;
const NODE_H = 34;
const EDGE_FONT_W = 6.2;

function clip(label: string): string {
  const flat = label.replace(/\s+/g, " ").trim();
  if (flat.length <= MAX_LABEL) return flat; // no more code points than code units
  const chars = [...flat];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join("")}…` : chars.join("");
}

const width = (s: string, w: number) => Math.ceil([...s].length * w);
/** `x` to one decimal, as `(Math.round(x * 10) / 10).toString()` writes it, from integers (a fraction's shortest decimal is slow to find). */
function n1(x: number): string {
  const t = Math.round(x * 10);
  if (!Number.isSafeInteger(t) || Math.abs(t) >= 1e21) return (t / 10).toString();
  const a = Math.abs(t);
  const whole = Math.floor(a / 10);
  const tenth = a - whole * 10;
  return `${t < 0 ? "-" : ""}${whole}${tenth === 0 ? "" : `.${tenth}`}`;
}

/** Inline SVG of a graph, or null when it is too large to draw. `id` must be unique on the page ([a-z0-9-]). */
export function graphToSvg(graph: DiagramGraph, id: string, caption: string): string | null {
  if (graph.nodes.length > MAX_DRAWN_NODES) return null;
  const labels = new Map<string, string>();
  const nodes = graph.nodes.map((n) => {
    const label = clip(n.label);
    labels.set(n.id, label);
    return { id: n.id, width: width(label, CHAR_W) + 28, height: NODE_H };
  });
  const edgeLabels = graph.edges.map((e) => clip(e.label));
  const layout = layeredLayout(
    { nodes, edges: graph.edges.map((e, i) => ({ from: e.from, to: e.to, width: width(edgeLabels[i]!, EDGE_FONT_W) + 8, height: 16 })) },
    { direction: graph.direction, nodesep: 24, ranksep: 56, edgesep: 12, marginx: 8, marginy: 8 },
  );
  const W = Math.ceil(layout.width);
  const H = Math.ceil(layout.height);
  const out: string[] = [];
  out.push(`<svg class="diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="group" aria-labelledby="${id}-title">`);
  out.push(`<title id="${id}-title">${escapeHtml(caption)}</title>`);
  out.push(`<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>`);
  graph.edges.forEach((e, i) => {
    const le = layout.edges[i]!;
    if (le.points.length === 0) return;
    const d = le.points.map((p, k) => `${k === 0 ? "M" : "L"}${n1(p.x)},${n1(p.y)}`).join("");
    out.push(`<g class="edge${e.dotted ? " dotted" : ""}"><path d="${d}" marker-end="url(#${id}-arrow)"/>`);
    if (edgeLabels[i]) out.push(`<text x="${n1(le.label.x)}" y="${n1(le.label.y + 4)}" text-anchor="middle">${escapeHtml(edgeLabels[i]!)}</text>`);
    out.push(`</g>`);
  });
  for (const n of graph.nodes) {
    const ln = layout.nodes.get(n.id)!;
    const x = ln.x - ln.width / 2;
    const y = ln.y - ln.height / 2;
    const rx = n.shape === "stadium" ? ln.height / 2 : n.shape === "round" ? 10 : 2;
    const label = labels.get(n.id)!;
    const shape = `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(ln.width)}" height="${n1(ln.height)}" rx="${n1(rx)}"/><text x="${n1(ln.x)}" y="${n1(ln.y + 4.5)}" text-anchor="middle">${escapeHtml(label)}</text>`;
    const full = label !== n.label ? `<title>${escapeHtml(n.label)}</title>` : "";
    out.push(n.anchor ? `<a href="#${escapeHtml(n.anchor)}" class="node ${n.shape}">${full}${shape}</a>` : `<g class="node ${n.shape}">${full}${shape}</g>`);
  }
  out.push(`</svg>`);
  return out.join("");
}
