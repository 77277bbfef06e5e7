// Diagrams of the constitution as graph data — who selects and recalls which
// body, which procedure amends what, the federation ties — and their Mermaid
// source for the Markdown (the HTML site lays the same graphs out as SVG,
// src/emit/html/svg.ts). Node ids are generated (n1, n2, …) and every label
// is quoted and escaped, so no name or text from the charter can change a
// diagram's structure.
import type { ClauseCost } from "../analysis/index.js";
import type { Charter } from "../semantics/model.js";
import { mermaidLabel } from "./escape.js";
import { clauseAnchor, tieName, type Words } from "./words.js";

export type NodeShape = "box" | "round" | "stadium";

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly shape: NodeShape;
  /** The anchor of the article the node stands for, when there is one. */
  readonly anchor: string | null;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly dotted: boolean;
}

export interface DiagramGraph {
  readonly direction: "LR" | "TD";
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

class Graph {
  private readonly ids = new Map<string, string>();
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];
  private readonly edgeKeys = new Set<string>();

  node(key: string, label: string, shape: NodeShape = "box", anchor: string | null = null): string {
    const hit = this.ids.get(key);
    if (hit) return hit;
    const id = `n${this.ids.size + 1}`;
    this.ids.set(key, id);
    this.nodes.push({ id, label, shape, anchor });
    return id;
  }

  edge(from: string, to: string, label: string, dotted = false): void {
    const key = `${from}>${to}>${label}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label, dotted });
  }

  done(direction: "LR" | "TD" = "LR"): DiagramGraph | null {
    return this.edges.length === 0 ? null : { direction, nodes: this.nodes, edges: this.edges };
  }
}

const anchorOf = clauseAnchor;

/** Bodies, the procedures they decide, and how seats are filled and emptied. Null when there is nothing to draw. */
export function governanceGraph(charter: Charter): DiagramGraph | null {
  const g = new Graph();
  const unit = charter.kind === "federation" ? "member communities" : "members";
  const bodyNode = (name: string) => g.node(`body:${name}`, name, "round", charter.bodies.has(name) ? anchorOf(`body ${name}`) : null);
  const procNode = (name: string) => g.node(`proc:${name}`, `${name} (procedure)`, "stadium", charter.decisions.has(name) ? anchorOf(`decision ${name}`) : null);
  for (const b of charter.bodies.values()) {
    const id = bodyNode(b.name);
    if (b.members?.kind === "all" || b.members?.kind === "per-member") g.edge(g.node("members", `all ${unit}`), id, "sit in");
    const sel = b.selection;
    if (sel?.kind === "election") g.edge(procNode(sel.by.name), id, "elects");
    else if (sel?.kind === "appointment") g.edge(bodyNode(sel.by.name), id, "appoints");
    else if (sel?.kind === "sortition") g.edge(g.node("lot", "drawn by lot"), id, "selects");
    if (b.recall?.kind === "by") g.edge(procNode(b.recall.decision.name), id, "recalls", true);
  }
  for (const d of charter.decisions.values()) {
    if (d.by) g.edge(bodyNode(d.by.name), procNode(d.name), "decides");
  }
  return g.done("LR");
}

/** Which procedure amends which clause; entrenched clauses point at "never". */
export function amendmentGraph(charter: Charter, costs: ReadonlyMap<string, ClauseCost>): DiagramGraph | null {
  const g = new Graph();
  for (const c of charter.clauses) {
    const cc = costs.get(c.id);
    if (!cc) continue;
    const p = cc.protection;
    const clause = g.node(`clause:${c.id}`, c.id, "box", anchorOf(c.id));
    if (p.kind === "never") g.edge(clause, g.node("never", "cannot be amended", "round"), "protected", true);
    else if (p.kind === "contract") g.edge(g.node("unanimous", "unanimous consent of all members", "stadium"), clause, "amends");
    else g.edge(g.node(`proc:${p.decision}`, `${p.decision} (procedure)`, "stadium", charter.decisions.has(p.decision) ? anchorOf(`decision ${p.decision}`) : null), clause, p.kind === "own" ? "amends" : "amends (default)");
  }
  return g.done("LR");
}

/** This charter's federation ties (and a federation's powers). */
export function federationGraph(charter: Charter, w: Words): DiagramGraph | null {
  const g = new Graph();
  const self = g.node("self", charter.name, "round");
  for (const t of charter.ties) {
    const fed = g.node(`fed:${t.alias.name}`, tieName(t, w), "round", anchorOf(t.id));
    const delegated = t.delegates.map((d) => d.name).join(", ");
    g.edge(self, fed, delegated ? `member of; delegates ${delegated}` : "member of");
    const wd = t.withdrawal;
    if (wd) g.edge(self, fed, wd.kind === "unilateral" ? `may withdraw unilaterally${wd.notice ? `, ${wd.notice.text} notice` : ""}` : `withdraws by ${wd.decision.name}`, true);
  }
  if (charter.kind === "federation" && charter.powers.length > 0) {
    for (const p of charter.powers) g.edge(self, g.node(`power:${p.name}`, p.name), "may decide");
  }
  return g.done("LR");
}

/** Mermaid flowchart source of a graph. */
export function toMermaid(graph: DiagramGraph): string {
  const lines = [`flowchart ${graph.direction}`];
  for (const n of graph.nodes) {
    const l = `"${mermaidLabel(n.label)}"`;
    lines.push(n.shape === "round" ? `  ${n.id}(${l})` : n.shape === "stadium" ? `  ${n.id}([${l}])` : `  ${n.id}[${l}]`);
  }
  for (const e of graph.edges) lines.push(`  ${e.from} ${e.dotted ? "-.->" : "-->"}|"${mermaidLabel(e.label)}"| ${e.to}`);
  return lines.join("\n");
}
