// federation-requirements (§6.2): every member charter — any charter in the
// workspace with a tie to the federation — satisfies each property the
// federation `requires`. Evaluated after every other property (it reads their
// verdicts). A failure is reported on the member's tie, with the federation's
// `requires` entry as a related location; the federation's own verdict fails
// with the reasons. `requires: federation-requirements` is satisfied by
// satisfying the others (it would otherwise refer to itself).
import { isPropertyId } from "../language/properties.js";
import type { Charter, Tie } from "../semantics/model.js";
import type { RuleContext } from "./rule.js";
import { type Finding, type Rule, tiesTo, verdict } from "./rule.js";

function unmet(ctx: RuleContext, member: Charter, federation: Charter): { name: string; span: Tie["span"] }[] {
  const verdicts = ctx.verdictsOf(member.file);
  if (!verdicts) return [];
  return federation.requires.filter((r) => isPropertyId(r.name) && r.name !== "federation-requirements" && verdicts[r.name] && !verdicts[r.name]!.holds);
}

export const federationRequirements: Rule = {
  id: "federation-requirements",
  code: "CH0214",
  late: true,
  evaluate(ctx) {
    const { charter, workspace } = ctx;
    const findings: Finding[] = [];
    for (const tie of charter.ties) {
      const fed = tie.federationFile ? workspace.get(tie.federationFile) : undefined;
      if (!fed || fed.kind !== "federation") continue;
      for (const req of unmet(ctx, charter, fed)) {
        findings.push({
          span: tie.headSpan,
          message: `federation \`${fed.name}\` requires \`${req.name}\`, which this charter does not satisfy`,
          related: [{ file: fed.file, span: req.span, message: `\`${fed.name}\` requires \`${req.name}\` here` }],
          help: `see \`charterc explain ${req.name}\``,
        });
      }
    }
    const reasons: string[] = [];
    if (charter.kind === "federation") {
      let last: Charter | null = null;
      for (const { member } of tiesTo(workspace, charter.file)) {
        if (member === last) continue; // once per member, however many ties
        last = member;
        for (const req of unmet(ctx, member, charter)) reasons.push(`member \`${member.file}\` does not satisfy \`${req.name}\``);
      }
    }
    return verdict(findings, {}, reasons);
  },
};
