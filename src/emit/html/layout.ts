// A layered (Sugiyama) layout for the site's diagrams, in time near-linear
// in the drawn graph: cycles broken by a depth-first search, ranks by longest
// path (sources pulled next to their targets), every edge two ranks long
// with its label as a box on the rank between, long edges through dummy
// points, layers ordered by barycenter sweeps (the order with the fewest
// crossings kept), positions across the ranks pulled towards each node's
// neighbours under the separation constraints. It replaces dagre, whose
// per-graph cost (~9 ms of CPU for a 16-node diagram, most of it in its
// general graph library) made a workspace of 80 small charters spend more
// on diagrams than `check` spends on the whole analysis.
//
// Pure and deterministic: same graph, same numbers. Sizes are in the SVG's
// units; `x`, `y` are centres.

export interface LayoutOptions {
  readonly direction: "LR" | "TD";
  /** Between neighbours in a rank. */
  readonly nodesep: number;
  /** Between the ranks of two nodes joined by an edge (half of it on each side of the label). */
  readonly ranksep: number;
  /** Between an edge's points or labels and their neighbours in a rank. */
  readonly edgesep: number;
  readonly marginx: number;
  readonly marginy: number;
}

export interface LayoutInput {
  readonly nodes: readonly { readonly id: string; readonly width: number; readonly height: number }[];
  /** `width`/`height`: the label's box (0 × 0 for none). */
  readonly edges: readonly { readonly from: string; readonly to: string; readonly width: number; readonly height: number }[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** By node id. */
  readonly nodes: ReadonlyMap<string, Point & { readonly width: number; readonly height: number }>;
  /** In the order of the input's edges: the polyline from the source's border to the target's, and the label's centre. */
  readonly edges: readonly { readonly points: readonly Point[]; readonly label: Point }[];
}

/** A vertex of the layered graph: a node, an edge's label box, or a bend point of a long edge. */
interface Vertex {
  rank: number;
  /** Extent along the rank axis (height when top-down) and across it. */
  along: number;
  across: number;
  /** Extra room across, on the far side (a node's self-loop and its label), and the depth its rank needs for them. */
  extra: number;
  band: number;
  dummy: boolean;
  pos: number;
  order: number;
  up: number[];
  down: number[];
}

const SWEEPS = 8;
const PULLS = 6;
const LOOP = 22;

export function layeredLayout(input: LayoutInput, o: LayoutOptions): Layout {
  const td = o.direction === "TD";
  const index = new Map<string, number>();
  const V: Vertex[] = [];
  const vertex = (along: number, across: number, dummy: boolean): number => {
    V.push({ rank: 0, along, across, extra: 0, band: along, dummy, pos: 0, order: 0, up: [], down: [] });
    return V.length - 1;
  };
  for (const n of input.nodes) if (!index.has(n.id)) index.set(n.id, vertex(td ? n.height : n.width, td ? n.width : n.height, false));
  const n = V.length;
  const ends = input.edges.map((e) => [index.get(e.from), index.get(e.to)] as const);

  // Self-loops are drawn beside their node; the rest break their cycles by a depth-first search.
  const out: number[][] = Array.from({ length: n }, () => []);
  ends.forEach(([a, b], i) => {
    if (a !== undefined && b !== undefined && a !== b) out[a]!.push(i);
  });
  const reversed = new Array<boolean>(ends.length).fill(false);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  for (let s = 0; s < n; s++) {
    if (state[s] !== 0) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, k] = top;
      if (k < out[v]!.length) {
        top[1]++;
        const e = out[v]![k]!;
        const w = ends[e]![1]!;
        if (state[w] === 1) reversed[e] = true;
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  const tail = (e: number) => (reversed[e] ? ends[e]![1]! : ends[e]![0]!);
  const head = (e: number) => (reversed[e] ? ends[e]![0]! : ends[e]![1]!);
  const drawn: number[] = [];
  ends.forEach(([a, b], i) => {
    if (a !== undefined && b !== undefined && a !== b) drawn.push(i);
  });

  // Ranks: longest path, two ranks per edge (the label between), in topological order.
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (const e of drawn) {
    succ[tail(e)]!.push(head(e));
    pred[head(e)]!.push(tail(e));
  }
  const indeg = pred.map((p) => p.length);
  const topo: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) topo.push(v);
  for (let i = 0; i < topo.length; i++) {
    const v = topo[i]!;
    for (const w of succ[v]!) {
      V[w]!.rank = Math.max(V[w]!.rank, V[v]!.rank + 2);
      if (--indeg[w]! === 0) topo.push(w);
    }
  }
  // A source sits just before its nearest target rather than at rank 0.
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i]!;
    if (pred[v]!.length === 0 && succ[v]!.length > 0) V[v]!.rank = Math.min(...succ[v]!.map((w) => V[w]!.rank)) - 2;
  }
  let minRank = Infinity;
  for (let v = 0; v < n; v++) minRank = Math.min(minRank, V[v]!.rank);
  for (let v = 0; v < n; v++) V[v]!.rank -= minRank;

  // Self-loops: room beside the node for the loop and its label.
  // Several loops of one node nest, each label beyond the one before.
  const loopAt = new Array<number>(ends.length).fill(0);
  ends.forEach(([a, b], i) => {
    if (a !== undefined && a === b) {
      const e = input.edges[i]!;
      const reach = (V[a]!.extra || LOOP) + (V[a]!.extra ? 4 : 0);
      loopAt[i] = reach;
      V[a]!.extra = reach + 2 + (td ? e.width : e.height) + 4;
      V[a]!.band = Math.max(V[a]!.band, td ? e.height : e.width);
    }
  });

  // Each drawn edge becomes a chain through one vertex per rank between its ends; the label's is the middle one.
  const chains: number[][] = new Array(ends.length);
  const labelAt: number[] = new Array(ends.length).fill(-1);
  for (const e of drawn) {
    const a = tail(e);
    const b = head(e);
    const lr = (V[a]!.rank + V[b]!.rank) >> 1;
    const chain = [a];
    for (let r = V[a]!.rank + 1; r < V[b]!.rank; r++) {
      const label = r === lr;
      const le = input.edges[e]!;
      const d = vertex(label ? (td ? le.height : le.width) : 0, label ? (td ? le.width : le.height) : 0, true);
      V[d]!.rank = r;
      if (label) labelAt[e] = d;
      chain.push(d);
    }
    chain.push(b);
    for (let k = 1; k < chain.length; k++) {
      V[chain[k - 1]!]!.down.push(chain[k]!);
      V[chain[k]!]!.up.push(chain[k - 1]!);
    }
    chains[e] = chain;
  }

  // Layers, first in depth-first order from the nodes in input order.
  let ranks = 0;
  for (const v of V) ranks = Math.max(ranks, v.rank + 1);
  const layers: number[][] = Array.from({ length: ranks }, () => []);
  const seen = new Uint8Array(V.length);
  for (let s = 0; s < V.length; s++) {
    if (seen[s]) continue;
    const stack = [s];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      layers[V[v]!.rank]!.push(v);
      for (let k = V[v]!.down.length - 1; k >= 0; k--) if (!seen[V[v]!.down[k]!]) stack.push(V[v]!.down[k]!);
    }
  }
  const setOrder = (layer: number[]) => layer.forEach((v, i) => (V[v]!.order = i));
  layers.forEach(setOrder);

  const crossings = (): number => {
    let total = 0;
    for (let r = 0; r + 1 < ranks; r++) {
      const pairs: [number, number][] = [];
      for (const v of layers[r]!) for (const w of V[v]!.down) pairs.push([V[v]!.order, V[w]!.order]);
      pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      // Inversions of the lower ends, by a Fenwick tree over the lower layer.
      const size = layers[r + 1]!.length;
      const tree = new Int32Array(size + 1);
      let count = 0;
      pairs.forEach(([, b], i) => {
        let le = 0;
        for (let k = b + 1; k > 0; k -= k & -k) le += tree[k]!;
        count += i - le;
        for (let k = b + 1; k <= size; k += k & -k) tree[k]!++;
      });
      total += count;
    }
    return total;
  };
  let best = layers.map((l) => [...l]);
  let fewest = crossings();
  for (let s = 0; s < SWEEPS && fewest > 0; s++) {
    const downward = s % 2 === 0;
    for (let i = 0; i < ranks; i++) {
      const r = downward ? i : ranks - 1 - i;
      const layer = layers[r]!;
      const keys = new Map<number, number>();
      for (const v of layer) {
        const nb = downward ? V[v]!.up : V[v]!.down;
        keys.set(v, nb.length === 0 ? V[v]!.order : nb.reduce((t, w) => t + V[w]!.order, 0) / nb.length);
      }
      layer.sort((a, b) => keys.get(a)! - keys.get(b)! || V[a]!.order - V[b]!.order);
      setOrder(layer);
    }
    const c = crossings();
    if (c < fewest) {
      fewest = c;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((l, r) => {
    layers[r] = l;
    setOrder(l);
  });

  // Across the ranks: packed in order, then pulled towards the neighbours, keeping the separations.
  const gap = (a: number, b: number) => {
    const A = V[a]!;
    const B = V[b]!;
    return A.across / 2 + A.extra + B.across / 2 + ((A.dummy ? o.edgesep : o.nodesep) + (B.dummy ? o.edgesep : o.nodesep)) / 2;
  };
  for (const layer of layers) {
    let p = 0;
    layer.forEach((v, i) => {
      if (i > 0) p += gap(layer[i - 1]!, v);
      V[v]!.pos = p;
    });
  }
  const settle = (layer: number[], want: number[]) => {
    const m = layer.length;
    const lo = new Array<number>(m);
    const hi = new Array<number>(m);
    for (let i = 0; i < m; i++) lo[i] = i === 0 ? want[i]! : Math.max(want[i]!, lo[i - 1]! + gap(layer[i - 1]!, layer[i]!));
    for (let i = m - 1; i >= 0; i--) hi[i] = i === m - 1 ? want[i]! : Math.min(want[i]!, hi[i + 1]! - gap(layer[i]!, layer[i + 1]!));
    // Each pass meets every separation; so does their mean.
    for (let i = 0; i < m; i++) V[layer[i]!]!.pos = (lo[i]! + hi[i]!) / 2;
  };
  for (let s = 0; s < PULLS; s++) {
    const downward = s % 2 === 0;
    for (let i = 0; i < ranks; i++) {
      const layer = layers[downward ? i : ranks - 1 - i]!;
      const want = layer.map((v) => {
        const nb = [...V[v]!.up, ...V[v]!.down];
        return nb.length === 0 ? V[v]!.pos : nb.reduce((t, w) => t + V[w]!.pos, 0) / nb.length;
      });
      settle(layer, want);
    }
  }

  // Along the ranks: each rank as deep as its deepest vertex, half the rank separation between ranks.
  const depth = layers.map((l) => l.reduce((d, v) => Math.max(d, V[v]!.band), 0));
  const at: number[] = [];
  let cursor = 0;
  for (let r = 0; r < ranks; r++) {
    if (r > 0) cursor += depth[r - 1]! / 2 + o.ranksep / 2 + depth[r]! / 2;
    at.push(cursor);
  }

  // To SVG coordinates, margins included.
  let minAcross = Infinity;
  let maxAcross = -Infinity;
  for (const v of V) {
    minAcross = Math.min(minAcross, v.pos - v.across / 2);
    maxAcross = Math.max(maxAcross, v.pos + v.across / 2 + v.extra);
  }
  if (V.length === 0) minAcross = maxAcross = 0;
  const alongLen = ranks > 0 ? at[ranks - 1]! + depth[0]! / 2 + depth[ranks - 1]! / 2 : 0;
  const shiftAlong = ranks > 0 ? depth[0]! / 2 : 0;
  const [mAlong, mAcross] = td ? [o.marginy, o.marginx] : [o.marginx, o.marginy];
  const point = (along: number, across: number): Point => {
    const a = along + shiftAlong + mAlong;
    const c = across - minAcross + mAcross;
    return td ? { x: c, y: a } : { x: a, y: c };
  };
  const centre = (v: number) => point(at[V[v]!.rank]!, V[v]!.pos);
  const nodes = new Map<string, Point & { width: number; height: number }>();
  for (const nd of input.nodes) {
    const v = index.get(nd.id)!;
    nodes.set(nd.id, { ...centre(v), width: nd.width, height: nd.height });
  }
  /** Where the segment from a node's centre towards `p` leaves its box. */
  const border = (v: number, p: Point): Point => {
    const c = centre(v);
    const w = (td ? V[v]!.across : V[v]!.along) / 2;
    const h = (td ? V[v]!.along : V[v]!.across) / 2;
    const dx = p.x - c.x;
    const dy = p.y - c.y;
    if (dx === 0 && dy === 0) return c;
    const t = Math.abs(dy) * w > Math.abs(dx) * h ? h / Math.abs(dy) : w / Math.abs(dx);
    return { x: c.x + dx * t, y: c.y + dy * t };
  };
  const edges = input.edges.map((e, i) => {
    const [a, b] = ends[i]!;
    if (a === undefined || b === undefined) return { points: [], label: { x: 0, y: 0 } };
    if (a === b) {
      // A loop out of the node's far side and back, its label beyond it.
      const c = centre(a);
      const half = V[a]!.across / 2;
      const side = (d: number, s: number) => (td ? { x: c.x + half + d, y: c.y + s } : { x: c.x + s, y: c.y + half + d });
      const reach = loopAt[i]!;
      const points = [side(0, -6), side(reach, -10), side(reach, 10), side(0, 6)];
      return { points, label: side(reach + 2 + (td ? e.width : e.height) / 2, 0) };
    }
    const chain = chains[i]!;
    const inner = chain.slice(1, -1).map(centre);
    const first = border(chain[0]!, inner[0] ?? centre(chain[chain.length - 1]!));
    const last = border(chain[chain.length - 1]!, inner[inner.length - 1] ?? centre(chain[0]!));
    const points = [first, ...inner, last];
    if (reversed[i]) points.reverse();
    return { points, label: labelAt[i]! >= 0 ? centre(labelAt[i]!) : points[points.length >> 1]! };
  });
  const acrossLen = maxAcross - minAcross + 2 * mAcross;
  const alongTotal = alongLen + 2 * mAlong;
  return { width: td ? acrossLen : alongTotal, height: td ? alongTotal : acrossLen, nodes, edges };
}
