// consent-based (§6.2): `jurisdiction: personal` and membership `consent: explicit`.
import { type Finding, type Rule, verdict } from "./rule.js";

export const consentBased: Rule = {
  id: "consent-based",
  code: "CH0205",
  evaluate({ charter }) {
    const findings: Finding[] = [];
    const reasons: string[] = [];
    const j = charter.jurisdiction;
    // Written but invalid: CH0105 already says so; the property fails without a second warning that it is missing.
    if (!j && charter.invalidJurisdiction) reasons.push("`jurisdiction` has a value that is neither `personal` nor `territorial \"…\"`");
    else if (!j) {
      findings.push({ span: charter.nameSpan, message: `\`${charter.name}\` states no \`jurisdiction\`, so it does not rest on each member's consent`, help: "add `jurisdiction: personal`" });
    } else if (j.kind === "territorial") {
      findings.push({ span: j.span, message: `jurisdiction is \`territorial "${j.territory}"\`: authority rests on residence, not on each member's consent` });
    }
    const m = charter.membership;
    // No membership section: the §4 default (`explicit`) applies.
    if (m && m.consent.value !== "explicit") {
      findings.push({ span: m.consent.span ?? m.headSpan, message: `membership consent is \`${m.consent.value}\`, not explicit`, help: "use `consent: explicit`" });
    }
    return verdict(findings, {}, reasons);
  },
};
