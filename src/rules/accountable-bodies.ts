// accountable-bodies (§6.2): every seated body has a `recall` other than
// `none`, and no body is selected or recalled only through itself.
//
// "Through itself": the bodies that control a decision are its body and, for
// a seated body, whoever fills its seats (the electing decision's controllers,
// or the appointing body and whoever fills that), transitively. A seated body
// that appears among the controllers of its own election, appointment or
// recall answers to no one but itself.
import { live } from "../analysis/coalition.js";
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
 * iterative depth-first numbering answers by interval containment.
 */
function controlIndex(charter: Charter): (from: Body | null, target: Body) => boolean {
  const next = new Map<string, Body>();
  for (const b of charter.bodies.values()) {
    if (b.members?.kind !== "seats") continue;
    const sel = b.selection;
    const n = sel?.kind === "election" ? live(live(sel.by, charter.decisions)?.by, charter.bodies) : sel?.kind === "appointment" ? live(sel.by, charter.bodies) : null;
    if (n) next.set(b.name, n);
  }
  // Components: the cycle (or the body with no filler) each walk ends at.
  const root = new Map<string, string>();
  const onCycle = new Set<string>();
  const onWalk = new Map<string, number>();
  for (const start of charter.bodies.values()) {
    if (root.has(start.name)) continue;
    const walk: string[] = [];
    let cur: string | undefined = start.name;
    while (cur !== undefined && !root.has(cur) && !onWalk.has(cur)) {
      onWalk.set(cur, walk.length);
      walk.push(cur);
      cur = next.get(cur)?.name;
    }
    let r: string;
    if (cur === undefined) r = walk[walk.length - 1]!;
    else if (root.has(cur)) r = root.get(cur)!;
    else {
      r = cur;
      for (const x of walk.slice(onWalk.get(cur)!)) onCycle.add(x);
    }
    for (const x of walk) {
      root.set(x, r);
      onWalk.delete(x);
    }
  }
  // Depth-first numbering of the forest of off-cycle bodies, over reversed `next` edges.
  const children = new Map<string, string[]>();
  for (const [from, to] of next) {
    if (onCycle.has(from)) continue;
    let list = children.get(to.name);
    if (!list) children.set(to.name, (list = []));
    list.push(from);
  }
  const tin = new Map<string, number>();
  const tout = new Map<string, number>();
  let clock = 0;
  for (const b of charter.bodies.values()) {
    const isRoot = onCycle.has(b.name) || !next.has(b.name);
    if (!isRoot || tin.has(b.name)) continue;
    const stack: { name: string; i: number }[] = [{ name: b.name, i: 0 }];
    tin.set(b.name, clock++);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children.get(top.name) ?? [];
      if (top.i < kids.length) {
        const k = kids[top.i++]!;
        tin.set(k, clock++);
        stack.push({ name: k, i: 0 });
      } else {
        tout.set(top.name, clock++);
        stack.pop();
      }
    }
  }
  return (from, target) => {
    if (!from) return false;
    if (from.name === target.name) return true;
    if (onCycle.has(target.name)) return root.get(from.name) === root.get(target.name);
    const a = tin.get(target.name);
    const x = tin.get(from.name);
    if (a === undefined || x === undefined || onCycle.has(from.name)) return false;
    return a <= x && x <= tout.get(target.name)!;
  };
}

export const accountableBodies: Rule = {
  id: "accountable-bodies",
  code: "CH0209",
  evaluate({ charter }) {
    const findings: Finding[] = [];
    const controls = controlIndex(charter);
    const decisionControllers = (d: Decision | null) => ({ has: (name: string) => controls(d ? live(d.by, charter.bodies) : null, charter.bodies.get(name)!) });
    for (const b of charter.bodies.values()) {
      if (b.members?.kind !== "seats") continue;
      const recall = b.recall;
      const recallDecision = recall?.kind === "by" ? live(recall.decision, charter.decisions) : null;
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
      } else if (decisionControllers(recallDecision).has(b.name)) {
        findings.push({
          span: recall.span,
          message: `seated body \`${b.name}\` can be recalled only by \`${recallDecision.name}\`, which \`${b.name}\` itself controls`,
          related: [{ file: charter.file, span: recallDecision.headSpan, message: `\`${recallDecision.name}\` is decided by \`${recallDecision.by?.name ?? "?"}\`` }],
        });
      }
      const sel = b.selection;
      if (sel?.kind === "election") {
        const e = live(sel.by, charter.decisions);
        if (e && decisionControllers(e).has(b.name)) {
          findings.push({
            span: sel.span,
            message: `seated body \`${b.name}\` is elected by \`${e.name}\`, which \`${b.name}\` itself controls`,
            related: [{ file: charter.file, span: e.headSpan, message: `\`${e.name}\` is decided by \`${e.by?.name ?? "?"}\`` }],
          });
        }
      } else if (sel?.kind === "appointment") {
        const a = live(sel.by, charter.bodies);
        if (a && controls(a, b)) {
          findings.push({ span: sel.span, message: `seated body \`${b.name}\` is appointed by \`${a.name}\`, which \`${b.name}\` itself controls` });
        }
      }
    }
    return verdict(findings);
  },
};
