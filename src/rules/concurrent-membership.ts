// concurrent-membership (§6.2): membership `concurrent: allowed`.
import { fails, holds, type Rule } from "./rule.js";

export const concurrentMembership: Rule = {
  id: "concurrent-membership",
  code: "CH0206",
  evaluate({ charter }) {
    const m = charter.membership;
    if (!m || m.concurrent.value === "allowed") return holds();
    return fails([
      {
        span: m.concurrent.span ?? m.headSpan,
        message: "`concurrent: forbidden` stops members from belonging to other communities at the same time",
        help: "use `concurrent: allowed`",
      },
    ]);
  },
};
