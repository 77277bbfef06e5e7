// Mermaid diagrams for the constitution: who selects and recalls which body,
// which procedure amends what, and the federation ties. Node ids are
// generated (n1, n2, …) and every label is quoted and escaped, so no name or
// text from the charter can change the diagram's structure.
import type { ClauseCost } from "../analysis/index.js";
import type { Charter } from "../semantics/model.js";
import { mermaidLabel } from "./escape.js";

class Graph {
  private readonly ids = new Map<string, string>();
  private readonly nodes: string[] = [];
  private readonly edges: string[] = [];
  private readonly edgeKeys = new Set<string>();

  node(key: string, label: string, shape: "box" | "round" | "stadium" = "box"): string {
    const hit = this.ids.get(key);
    if (hit) return hit;
    const id = `n${this.ids.size + 1}`;
    this.ids.set(key, id);
    const l = `"${mermaidLabel(label)}"`;
    this.nodes.push(shape === "round" ? `  ${id}(${l})` : shape === "stadium" ? `  ${id}([${l}])` : `  ${id}[${l}]`);
    return id;
  }

  edge(from: string, to: string, label: string, dotted = false): void {
    const key = `${from}>${to}>${label}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push(`  ${from} ${dotted ? "-.->" : "-->"}|"${mermaidLabel(label)}"| ${to}`);
  }

  get empty(): boolean {
    return this.edges.length === 0;
  }

  render(direction: "LR" | "TD" = "LR"): string {
    return [`flowchart ${direction}`, ...this.nodes, ...this.edges].join("\n");
  }
}

/** Bodies, the procedures they decide, and how seats are filled and emptied. Null when there is nothing to draw. */
export function governanceDiagram(charter: Charter): string | null {
  const g = new Graph();
  const unit = charter.kind === "federation" ? "member communities" : "members";
  const bodyNode = (name: string) => g.node(`body:${name}`, name, "round");
  const procNode = (name: string) => g.node(`proc:${name}`, `${name} (procedure)`, "stadium");
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
  return g.empty ? null : g.render("LR");
}

/** Which procedure amends which clause; entrenched clauses point at "never". */
export function amendmentDiagram(charter: Charter, costs: ReadonlyMap<string, ClauseCost>): string | null {
  const g = new Graph();
  for (const c of charter.clauses) {
    const cc = costs.get(c.id);
    if (!cc) continue;
    const p = cc.protection;
    const clause = g.node(`clause:${c.id}`, c.id);
    if (p.kind === "never") g.edge(clause, g.node("never", "cannot be amended", "round"), "protected", true);
    else if (p.kind === "contract") g.edge(g.node("unanimous", "unanimous consent of all members", "stadium"), clause, "amends");
    else g.edge(g.node(`proc:${p.decision}`, `${p.decision} (procedure)`, "stadium"), clause, p.kind === "own" ? "amends" : "amends (default)");
  }
  return g.empty ? null : g.render("LR");
}

/** This charter's federation ties (and a federation's powers). */
export function federationDiagram(charter: Charter): string | null {
  const g = new Graph();
  const self = g.node("self", charter.name, "round");
  for (const t of charter.ties) {
    const fed = g.node(`fed:${t.alias.name}`, t.federationFile ? `${t.alias.name} (${t.federationFile})` : t.alias.name, "round");
    const delegated = t.delegates.map((d) => d.name).join(", ");
    g.edge(self, fed, delegated ? `member of; delegates ${delegated}` : "member of");
    const w = t.withdrawal;
    if (w) g.edge(self, fed, w.kind === "unilateral" ? `may withdraw unilaterally${w.notice ? `, ${w.notice.text} notice` : ""}` : `withdraws by ${w.decision.name}`, true);
  }
  if (charter.kind === "federation" && charter.powers.length > 0) {
    for (const p of charter.powers) g.edge(self, g.node(`power:${p.name}`, p.name), "may decide");
  }
  return g.empty ? null : g.render("LR");
}
