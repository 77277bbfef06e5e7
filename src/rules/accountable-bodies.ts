// accountable-bodies (§6.2): every seated body has a `recall` other than
// `none`, and no body is selected or recalled only through itself.
//
// "Through itself": the bodies that control a decision are its body and, for
// a seated body, whoever fills its seats (the electing decision's controllers,
// or the appointing body and whoever fills that), transitively. A seated body
// that appears among the controllers of its own election, appointment or
// recall answers to no one but itself.
import { FILL_APPOINTMENT, FILL_ELECTION, LISTED_BODY, tablesOf } from "../analysis/tables.js";
import type { Body, Charter, Decision } from "../semantics/model.js";
import { type Finding, type Rule, verdict } from "./rule.js";

/**
 * "Does `target` control body `from`?" for every pair, in time linear in the
 * bodies: each body has at most one filler (`next`: the electing decision's
 * body, or the appointing body), so the bodies form a functional graph, and
 * the controllers of a body are the bodies on its walk along `next`. A body
 * on a cycle is reached from every body whose walk enters that cycle; a body
 * off the cycles is reached exactly from the bodies below it in the forest
 * that hangs off the cycles (or off a body with no filler), which one
 * iterative depth-first numbering answers by interval containment. Bodies
 * are named by clause index (the shared tables of src/analysis/tables.ts),
 * so the whole index is a few integer arrays.
 */
function controlIndex(charter: Charter): (from: number, target: number) => boolean {
  const t = tablesOf(charter);
  const C = t.size;
  const { decisionBody, fillKind, filler } = t;
  const next = new Int32Array(C).fill(-1);
  for (let b = 0; b < C; b++) {
    const f = filler[b]!;
    if (f < 0) continue;
    if (fillKind[b] === FILL_ELECTION) next[b] = decisionBody[f]!;
    else if (fillKind[b] === FILL_APPOINTMENT) next[b] = f;
  }
  // Components: the cycle (or the body with no filler) each walk ends at.
  const root = new Int32Array(C).fill(-1);
  const onCycle = new Uint8Array(C);
  const onWalk = new Int32Array(C).fill(-1);
  const walk: number[] = [];
  for (let start = 0; start < C; start++) {
    if (root[start]! >= 0 || charter.clauses[start]!.kind !== "body") continue;
    walk.length = 0;
    let cur = start;
    while (cur >= 0 && root[cur]! < 0 && onWalk[cur]! < 0) {
      onWalk[cur] = walk.length;
      walk.push(cur);
      cur = next[cur]!;
    }
    let r: number;
    if (cur < 0) r = walk[walk.length - 1]!;
    else if (root[cur]! >= 0) r = root[cur]!;
    else {
      r = cur;
      for (let k = onWalk[cur]!; k < walk.length; k++) onCycle[walk[k]!] = 1;
    }
    for (const x of walk) {
      root[x] = r;
      onWalk[x] = -1;
    }
  }
  // Depth-first numbering of the forest of off-cycle bodies, over reversed `next` edges (flat child lists).
  const childStart = new Int32Array(C + 1);
  for (let b = 0; b < C; b++) if (next[b]! >= 0 && !onCycle[b]) childStart[next[b]! + 1]!++;
  for (let b = 0; b < C; b++) childStart[b + 1]! += childStart[b]!;
  const children = new Int32Array(childStart[C]!);
  const fill = childStart.slice(0, C);
  for (let b = 0; b < C; b++) if (next[b]! >= 0 && !onCycle[b]) children[fill[next[b]!]!++] = b;
  const tin = new Int32Array(C).fill(-1);
  const tout = new Int32Array(C).fill(-1);
  const stack = new Int32Array(C);
  const cursor = new Int32Array(C);
  let clock = 0;
  for (let b = 0; b < C; b++) {
    if (root[b]! < 0) continue; // not a body
    const isRoot = onCycle[b] || next[b]! < 0;
    if (!isRoot || tin[b]! >= 0) continue;
    let top = 0;
    stack[top++] = b;
    cursor[b] = childStart[b]!;
    tin[b] = clock++;
    while (top > 0) {
      const n = stack[top - 1]!;
      if (cursor[n]! < childStart[n + 1]!) {
        const k = children[cursor[n]!++]!;
        tin[k] = clock++;
        cursor[k] = childStart[k]!;
        stack[top++] = k;
      } else {
        tout[n] = clock++;
        top--;
      }
    }
  }
  return (from, target) => {
    if (from < 0 || target < 0) return false;
    if (from === target) return true;
    if (onCycle[target]) return root[from] === root[target];
    const a = tin[target]!;
    const x = tin[from]!;
    if (a < 0 || x < 0 || onCycle[from]) return false;
    return a <= x && x <= tout[target]!;
  };
}

export const accountableBodies: Rule = {
  id: "accountable-bodies",
  code: "CH0209",
  evaluate({ charter }) {
    const findings: Finding[] = [];
    const controls = controlIndex(charter);
    const { listed, decisionAt, decisionBody, fillKind, filler } = tablesOf(charter);
    const clauses = charter.clauses;
    /** Does body `b` control decision `d` (its body, or whoever fills it)? */
    const controlsDecision = (d: number, b: number) => controls(decisionBody[d]!, b);
    // The bodies in table order (clause order), each named by its clause index.
    for (let i = 0; i < clauses.length; i++) {
      if (listed[i] !== LISTED_BODY) continue;
      const b = clauses[i] as Body;
      if (b.members?.kind !== "seats") continue;
      const recall = b.recall;
      const r = recall?.kind === "by" && recall.decision.resolved ? (decisionAt.get(recall.decision.name) ?? -1) : -1;
      const recallDecision = r >= 0 ? (clauses[r] as Decision) : null;
      if (recall === null) {
        findings.push({
          span: b.headSpan,
          message: `seated body \`${b.name}\` states no \`recall\`, so its seat holders cannot be removed before their term ends`,
          help: "add `recall: by DECISION` naming a decision of the members",
        });
      } else if (recall.kind === "none") {
        findings.push({ span: recall.span ?? b.headSpan, message: `seated body \`${b.name}\` has \`recall: none\`, so its seat holders cannot be removed before their term ends` });
      } else if (!recallDecision) {
        findings.push({ span: recall.span, message: `seated body \`${b.name}\` names an unknown recall decision \`${recall.decision.name}\`` });
      } else if (controlsDecision(r, i)) {
        findings.push({
          span: recall.span,
          message: `seated body \`${b.name}\` can be recalled only by \`${recallDecision.name}\`, which \`${b.name}\` itself controls`,
          related: [{ file: charter.file, span: recallDecision.headSpan, message: `\`${recallDecision.name}\` is decided by \`${recallDecision.by?.name ?? "?"}\`` }],
        });
      }
      const sel = b.selection;
      const f = filler[i]!;
      if (sel?.kind === "election" && fillKind[i] === FILL_ELECTION) {
        const e = f >= 0 ? (clauses[f] as Decision) : null;
        if (e && controlsDecision(f, i)) {
          findings.push({
            span: sel.span,
            message: `seated body \`${b.name}\` is elected by \`${e.name}\`, which \`${b.name}\` itself controls`,
            related: [{ file: charter.file, span: e.headSpan, message: `\`${e.name}\` is decided by \`${e.by?.name ?? "?"}\`` }],
          });
        }
      } else if (sel?.kind === "appointment" && fillKind[i] === FILL_APPOINTMENT) {
        const a = f >= 0 ? (clauses[f] as Body) : null;
        if (a && controls(f, i)) {
          findings.push({ span: sel.span, message: `seated body \`${b.name}\` is appointed by \`${a.name}\`, which \`${b.name}\` itself controls` });
        }
      }
    }
    return verdict(findings);
  },
};
