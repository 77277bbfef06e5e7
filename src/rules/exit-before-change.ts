// exit-before-change (§6.2): `amendments.delay` ≥ `exit.notice`, so a member
// who objects to an amendment can leave before it binds them.
import { fails, holds, type Rule } from "./rule.js";

export const exitBeforeChange: Rule = {
  id: "exit-before-change",
  code: "CH0204",
  evaluate({ charter }) {
    const am = charter.amendments;
    // No amendments section: only unanimity changes the charter, so every objector has a veto.
    if (!am) return holds();
    const exit = charter.exit;
    if (!exit) {
      return fails([{ span: am.headSpan, message: "amendments can take effect but there is no `exit` section to leave by first" }]);
    }
    if (am.delay.days >= exit.notice.days) return holds();
    return fails([
      {
        span: am.delay.span ?? am.headSpan,
        message: `amendments take effect after \`${am.delay.text}\` but leaving takes \`${exit.notice.text}\` notice, so an objecting member is bound before they can leave`,
        related: [{ file: charter.file, span: exit.notice.span ?? exit.headSpan, message: `exit notice is \`${exit.notice.text}\`` }],
        help: `set \`delay\` to at least \`${exit.notice.text}\``,
      },
    ]);
  },
};
