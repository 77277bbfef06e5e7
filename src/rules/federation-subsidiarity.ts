// federation-subsidiarity (§6.2): each federation's `powers` ⊆ the `delegates`
// of every member tie that names it. A missing delegation is reported on the
// member's tie (where the community states what it hands over), with the
// federation's power as a related location; the federation's own verdict
// fails too, with the reasons, but without a second diagnostic.
import type { Charter, Tie } from "../semantics/model.js";
import { type Finding, type Rule, tiesTo, verdict } from "./rule.js";

function missingPowers(tie: Tie, federation: Charter) {
  const delegated = new Set(tie.delegates.map((d) => d.name));
  return federation.powers.filter((p) => !delegated.has(p.name));
}

export const federationSubsidiarity: Rule = {
  id: "federation-subsidiarity",
  code: "CH0213",
  evaluate({ charter, workspace }) {
    const findings: Finding[] = [];
    for (const tie of charter.ties) {
      const fed = tie.federationFile ? workspace.get(tie.federationFile) : undefined;
      if (!fed || fed.kind !== "federation") continue;
      const missing = missingPowers(tie, fed);
      if (missing.length === 0) continue;
      const list = missing.map((p) => `\`${p.name}\``).join(", ");
      findings.push({
        span: tie.headSpan,
        message: `federation \`${fed.name}\` claims ${missing.length === 1 ? "the power" : "powers"} ${list} that this community does not delegate`,
        related: missing.map((p) => ({ file: fed.file, span: p.span, message: `\`${fed.name}\` claims \`${p.name}\` here` })),
        help: `add ${list} to \`delegates\`, or remove ${missing.length === 1 ? "it" : "them"} from the federation's \`powers\``,
      });
    }
    const reasons: string[] = [];
    if (charter.kind === "federation") {
      for (const { member, tie } of tiesTo(workspace, charter.file)) {
        const missing = missingPowers(tie, charter);
        if (missing.length > 0) reasons.push(`member \`${member.file}\` does not delegate ${missing.map((p) => `\`${p.name}\``).join(", ")}`);
      }
    }
    return verdict(findings, {}, reasons);
  },
};
