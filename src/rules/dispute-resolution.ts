// dispute-resolution (§6.2): a `disputes` section exists.
import { fails, holds, type Rule } from "./rule.js";

export const disputeResolution: Rule = {
  id: "dispute-resolution",
  code: "CH0211",
  evaluate({ charter }) {
    if (charter.disputes) return holds();
    return fails([
      {
        span: charter.nameSpan,
        message: `\`${charter.name}\` has no \`disputes\` section, so no one is named to resolve disputes`,
        help: 'add `disputes { by: "an arbiter both parties accept" }`',
      },
    ]);
  },
};
