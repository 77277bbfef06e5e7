// group-secession (§6.2): a territorial charter has a `secession` section whose
// `by` is not `none`. Personal charters hold trivially: anyone can leave.
import { live } from "../analysis/coalition.js";
import { fails, holds, type Rule } from "./rule.js";

export const groupSecession: Rule = {
  id: "group-secession",
  code: "CH0207",
  evaluate({ charter }) {
    if (charter.jurisdiction?.kind !== "territorial") return holds();
    const s = charter.secession;
    if (!s) {
      return fails([
        {
          span: charter.jurisdiction.span,
          message: `territorial charter \`${charter.name}\` has no \`secession\` section, so no district or chapter can leave together`,
          help: "add a `secession` section with `by` naming a decision of the group's own members",
        },
      ]);
    }
    if (s.by?.kind === "by" && live(s.by.decision, charter.decisions)) return holds();
    const span = s.by?.span ?? s.headSpan;
    const message =
      s.by === null
        ? "`secession` does not say by what decision a group may leave"
        : s.by.kind === "none"
          ? "`secession` is `by: none`, so no group of members may leave together"
          : `\`secession\` names an unknown decision \`${s.by.decision.name}\``;
    return fails([{ span, message }]);
  },
};
