// "Did you mean" over many names, fast: the same answer as `suggest()` in
// src/text/suggest.ts, for when one charter has thousands of bodies and
// decisions and a damaged file has thousands of unresolved references (a
// 10,000-clause charter with 1% of its tokens corrupted spent most of its
// check in `suggest`: every miss lower-cased and compared against every
// name). Names are lower-cased once into a trie, searched with Myers'
// bit-parallel edit distance: shared prefixes are computed once and hopeless
// subtrees cut.
import { suggest } from "../text/suggest.js";

interface TrieNode {
  readonly children: Map<number, TrieNode>;
  /** Candidates whose lower-cased form ends here, in candidate order. */
  names: string[] | null;
}

/** Below this many candidates the plain scan is as fast. */
const SMALL = 128;

export class Suggester {
  private readonly all: readonly string[];
  private trie: TrieNode | null = null;
  /** Lower-cased form → candidates with that form, in candidate order. */
  private readonly byLower = new Map<string, string[]>();

  /** `small`: below this many candidates, scan them as `suggest` does (tests set 0 to force the trie). */
  constructor(
    candidates: Iterable<string>,
    private readonly small = SMALL,
  ) {
    this.all = [...candidates];
  }

  private build(): TrieNode {
    const root: TrieNode = { children: new Map(), names: null };
    for (const name of this.all) {
      const lower = name.toLowerCase();
      const same = this.byLower.get(lower);
      if (same) same.push(name);
      else this.byLower.set(lower, [name]);
      let node = root;
      for (let i = 0; i < lower.length; i++) {
        const c = lower.charCodeAt(i);
        let next = node.children.get(c);
        if (!next) node.children.set(c, (next = { children: new Map(), names: null }));
        node = next;
      }
      (node.names ??= []).push(name);
    }
    return root;
  }

  /** Exactly `suggest(word, candidates)`. */
  suggest(word: string): string | undefined {
    const lower = word.toLowerCase();
    const m = lower.length;
    if (m === 0 || m > 32 || this.all.length < this.small) return suggest(word, this.all);
    const root = (this.trie ??= this.build());
    // `suggest` returns the first case-insensitive match in candidate order.
    for (const name of this.byLower.get(lower) ?? []) if (name !== word) return name;
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    const ascii = new Int32Array(128);
    let wide: Map<number, number> | null = null;
    for (let i = 0; i < m; i++) {
      const c = lower.charCodeAt(i);
      if (c < 128) ascii[c]! |= 1 << i;
      else (wide ??= new Map()).set(c, (wide.get(c) ?? 0) | (1 << i));
    }
    // Walk the trie carrying Myers' column state for the prefix so far;
    // a subtree is cut when every cell of the column exceeds the limit
    // (distances along a path never fall below the column minimum).
    // Among candidates within the limit: least distance, then least name —
    // which is what the linear scan of `suggest` ends with.
    let best: string | undefined;
    let bestD = limit + 1;
    const last = 1 << (m - 1);
    const stack: { node: TrieNode; pv: number; mv: number; score: number; depth: number }[] = [{ node: root, pv: -1, mv: 0, score: m, depth: 0 }];
    while (stack.length > 0) {
      const { node, pv, mv, score, depth } = stack.pop()!;
      if (node.names !== null && score <= limit) {
        for (const name of node.names) {
          if (score < bestD || (score === bestD && best !== undefined && name < best)) {
            best = name;
            bestD = score;
          }
        }
      }
      for (const [c, child] of node.children) {
        const eq = c < 128 ? ascii[c]! : (wide?.get(c) ?? 0);
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        let next = score;
        if (ph & last) next++;
        else if (mh & last) next--;
        ph = (ph << 1) | 1;
        mh = mh << 1;
        const npv = mh | ~(xv | ph);
        const nmv = ph & xv;
        // Column minimum: D[0] = depth + 1, then the vertical deltas.
        let v = depth + 1;
        let min = v;
        for (let i = 0; i < m && min > limit; i++) {
          if (npv & (1 << i)) v++;
          else if (nmv & (1 << i)) v--;
          if (v < min) min = v;
        }
        if (min <= limit) stack.push({ node: child, pv: npv, mv: nmv, score: next, depth: depth + 1 });
      }
    }
    return best;
  }
}

/**
 * Levenshtein distance between a pattern of length m ≤ 32 — given by its
 * match masks: `ascii` for code units below 128, `wide` for the rest — and a
 * text (Myers 1999, as formulated by Hyyrö).
 */
export function myers(ascii: Int32Array, wide: ReadonlyMap<number, number> | null, m: number, text: string): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const eq = c < 128 ? ascii[c]! : (wide?.get(c) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}
