// Semantic diff of two versions of a charter (issue 7): clauses added,
// removed, renamed and changed, each classified for members; property
// verdicts that flip; coalition costs that move; the version bump they call
// for. Pure: both sides come from `check()` results.
import { analyzeCharter } from "../analysis/index.js";
import type { CheckResult, FileResult } from "../compiler.js";
import type { Charter } from "../semantics/model.js";
import { checkBump, suggestBump } from "./bump.js";
import { diffHeader, diffPair, type Ctx } from "./clauses.js";
import { matchClauses } from "./match.js";
import { diffCosts, diffProperties } from "./properties.js";
import type { Change, CharterDiff, DiffSide, Summary } from "./types.js";

export * from "./types.js";
export { parseSemver, declaredBump, suggestBump, checkBump } from "./bump.js";
export { matchClauses } from "./match.js";

export function diffCharters(oldSide: DiffSide, newSide: DiffSide): CharterDiff {
  const oldA = analyzeCharter(oldSide.charter);
  const newA = analyzeCharter(newSide.charter);
  const matching = matchClauses(oldSide.charter, newSide.charter);
  const out: Change[] = [];
  const ctx: Ctx = { old: oldSide, new: newSide, oldA, newA, renames: matching.renames, out };
  diffHeader(ctx);
  for (const pair of matching.pairs) diffPair(ctx, pair);
  const properties = diffProperties(oldSide, newSide);
  const costs = diffCosts(oldA, newA);
  const effects = [...out.map((c) => c.effect), ...properties.map((p) => p.effect), ...costs.map((c) => c.effect)];
  const summary: Summary = {
    weakens: effects.filter((e) => e === "weakens").length,
    strengthens: effects.filter((e) => e === "strengthens").length,
    neutral: effects.filter((e) => e === "neutral").length,
  };
  const suggested = suggestBump(summary.weakens > 0, summary.strengthens > 0, effects.length > 0);
  return {
    oldFile: oldSide.file,
    newFile: newSide.file,
    name: newSide.charter.name,
    kind: newSide.charter.kind,
    changes: out,
    properties,
    costs,
    bump: checkBump(suggested, oldSide.charter.version?.text ?? null, newSide.charter.version?.text ?? null),
    summary,
  };
}

/** One side of a diff from a check result: the file's model, its verdicts, and the other charters it reaches. */
export function sideOf(result: CheckResult, file: string, shownAs = file): DiffSide | null {
  const { byFile, charters } = indexOf(result);
  const f: FileResult | undefined = byFile.get(file);
  if (!f?.charter) return null;
  return { file: shownAs, charter: f.charter, properties: f.properties, lines: f.lines, charters };
}

/** Per check result, once (`diff --git` takes a side of every file of one result). */
const indexes = new WeakMap<CheckResult, { byFile: Map<string, FileResult>; charters: Map<string, Charter> }>();
function indexOf(result: CheckResult) {
  let ix = indexes.get(result);
  if (!ix) {
    const byFile = new Map<string, FileResult>();
    const charters = new Map<string, Charter>();
    for (const x of result.files) {
      byFile.set(x.file, x);
      if (x.charter) charters.set(x.file, x.charter);
    }
    indexes.set(result, (ix = { byFile, charters }));
  }
  return ix;
}
