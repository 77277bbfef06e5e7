// The site's diagram layout (src/emit/html/layout.ts): on every diagram of
// the example charters and on generated graphs with cycles, self-loops,
// parallel and long edges, no two boxes overlap, every edge runs from its
// source's border to its target's, everything lies inside the drawing, and
// the same graph gives the same numbers. The highlighter's per-line memo
// gives the colours a fresh highlighter gives.
import { describe, expect, it } from "vitest";
import { buildConstitution } from "../../src/emit/constitution.js";
import { layeredLayout, type Layout, type LayoutInput } from "../../src/emit/html/layout.js";
import { graphToSvg } from "../../src/emit/html/svg.js";
import { exampleCharters, exampleChartersByFile } from "./helpers.js";
import { testHighlighter } from "./site-helpers.js";

const OPTS = { nodesep: 24, ranksep: 56, edgesep: 12, marginx: 8, marginy: 8 } as const;

interface Box {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

function assertSound(input: LayoutInput, l: Layout, where: string): void {
  const boxes: Box[] = [];
  for (const n of input.nodes) {
    const p = l.nodes.get(n.id)!;
    expect(p.width, where).toBe(n.width);
    boxes.push({ what: `node ${n.id}`, x: p.x - n.width / 2, y: p.y - n.height / 2, w: n.width, h: n.height });
  }
  input.edges.forEach((e, i) => {
    const le = l.edges[i]!;
    expect(le.points.length, `${where}: edge ${i}`).toBeGreaterThanOrEqual(2);
    if (e.width > 0) boxes.push({ what: `label ${i}`, x: le.label.x - e.width / 2, y: le.label.y - e.height / 2, w: e.width, h: e.height });
    const onBorder = (id: string, p: { x: number; y: number }) => {
      const c = l.nodes.get(id)!;
      const dx = Math.abs(p.x - c.x) - c.width / 2;
      const dy = Math.abs(p.y - c.y) - c.height / 2;
      // On the box's outline: within it, and touching one side.
      return dx <= 0.01 && dy <= 0.01 && (Math.abs(dx) < 0.01 || Math.abs(dy) < 0.01);
    };
    expect(onBorder(e.from, le.points[0]!), `${where}: edge ${i} leaves ${e.from} at its border`).toBe(true);
    expect(onBorder(e.to, le.points[le.points.length - 1]!), `${where}: edge ${i} reaches ${e.to} at its border`).toBe(true);
    for (const p of [...le.points, le.label]) {
      expect(p.x, where).toBeGreaterThanOrEqual(0);
      expect(p.y, where).toBeGreaterThanOrEqual(0);
      expect(p.x, where).toBeLessThanOrEqual(l.width);
      expect(p.y, where).toBeLessThanOrEqual(l.height);
    }
  });
  for (const b of boxes) {
    expect(b.x, `${where}: ${b.what}`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${where}: ${b.what}`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w, `${where}: ${b.what}`).toBeLessThanOrEqual(l.width + 0.01);
    expect(b.y + b.h, `${where}: ${b.what}`).toBeLessThanOrEqual(l.height + 0.01);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${where}: ${boxes[i]!.what} overlaps ${boxes[j]!.what}`).toBe(false);
}

/** A deterministic pseudo-random graph. */
function graph(seed: number, nodes: number, edges: number): LayoutInput {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const ns = Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, width: 40 + rnd(120), height: 34 }));
  const es = Array.from({ length: edges }, () => {
    const from = `n${rnd(nodes)}`;
    const to = rnd(10) === 0 ? from : `n${rnd(nodes)}`;
    const labelled = rnd(4) !== 0;
    return { from, to, width: labelled ? 20 + rnd(80) : 0, height: labelled ? 16 : 0 };
  });
  return { nodes: ns, edges: es };
}

describe("layered layout", () => {
  it("draws every diagram of the example charters without overlaps, edges from border to border", () => {
    const all = exampleChartersByFile();
    let drawn = 0;
    for (const f of exampleCharters()) {
      const doc = buildConstitution({ charter: f.charter!, properties: f.properties, lines: f.lines, charters: all });
      for (const d of doc.diagrams) {
        const input: LayoutInput = { nodes: d.graph.nodes.map((n) => ({ id: n.id, width: 28 + 7 * n.label.length, height: 34 })), edges: d.graph.edges.map((e) => ({ from: e.from, to: e.to, width: 8 + 6 * e.label.length, height: 16 })) };
        for (const direction of ["LR", "TD"] as const) assertSound(input, layeredLayout(input, { ...OPTS, direction }), `${f.file} ${d.key} ${direction}`);
        drawn++;
      }
    }
    expect(drawn).toBeGreaterThan(10);
  });

  it("lays out graphs with cycles, self-loops, parallel edges and isolated nodes soundly", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = graph(seed, 2 + (seed % 30), seed % 45);
      for (const direction of ["LR", "TD"] as const) assertSound(input, layeredLayout(input, { ...OPTS, direction }), `seed ${seed} ${direction}`);
    }
  });

  it("points every edge from its source to its target, also an edge that closes a cycle", () => {
    const input: LayoutInput = {
      nodes: [
        { id: "a", width: 60, height: 34 },
        { id: "b", width: 60, height: 34 },
        { id: "c", width: 60, height: 34 },
      ],
      edges: [
        { from: "a", to: "b", width: 30, height: 16 },
        { from: "b", to: "c", width: 30, height: 16 },
        { from: "c", to: "a", width: 30, height: 16 },
        { from: "b", to: "b", width: 30, height: 16 },
      ],
    };
    const l = layeredLayout(input, { ...OPTS, direction: "LR" });
    assertSound(input, l, "cycle");
    const ranks = ["a", "b", "c"].map((id) => l.nodes.get(id)!.x);
    expect(ranks[0]).toBeLessThan(ranks[1]!);
    expect(ranks[1]).toBeLessThan(ranks[2]!);
    // c → a runs back against the ranks: it starts at c and ends at a.
    const back = l.edges[2]!.points;
    expect(back[0]!.x).toBeGreaterThan(back[back.length - 1]!.x);
  });

  it("gives the same SVG for the same graph", () => {
    const f = exampleCharters()[0]!;
    const doc = buildConstitution({ charter: f.charter!, properties: f.properties, lines: f.lines });
    for (const d of doc.diagrams) expect(graphToSvg(d.graph, "x", d.caption)).toBe(graphToSvg(structuredClone(d.graph), "x", d.caption));
  });
});

describe("source highlighting", () => {
  it("colours each line as a fresh highlighter does, though the same line was seen before in another state", async () => {
    const { createHighlighter } = await import("../../src/emit/html/highlight.js");
    const fs = await import("node:fs");
    const { createRequire } = await import("node:module");
    const fresh = () => createHighlighter(fs.readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm")), fs.readFileSync("grammar/charter.tmLanguage.json", "utf8"));
    const code = 'charter "A" {\n  decision ordinary {\n    by: assembly\n  }\n}\n';
    const inString = 'charter "B" {\n  preamble: """\n    by: assembly\n  }\n  """\n  decision ordinary {\n    by: assembly\n  }\n}\n';
    const shared = await testHighlighter();
    const a = shared.highlight(code).lines;
    const b = shared.highlight(inString).lines;
    expect(a).toEqual((await fresh()).highlight(code).lines);
    expect(b).toEqual((await fresh()).highlight(inString).lines);
    // `    by: assembly` is a string inside the preamble and code in the decision.
    expect(b[2]).toContain("tm-string");
    expect(b[6]).not.toContain("tm-string");
    expect(b[6]).toBe(a[2]);
  });
});
