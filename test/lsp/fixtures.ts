// Charters written for the LSP tests (the example charters come from charters/).

/** Several syntax errors at once (missing `:`, missing `}`, a stray character). */
export const BROKEN = `charter "Broken Hollow" {
  jurisdiction: personal
  membership {
    eligibility: "anyone"
    admission open
  }
  exit {
    approval: none
    notice: 30 days @
  }
  body assembly { members: all members
  decision ordinary { by: assembly threshold: majority of votes cast }
  amendments { by: ordinary }
}
`;

/** Valid syntax, with things the code actions fix. */
export const FIXME = `charter "Fix Me" {
  jurisdiction: personal

  membership {
    eligibility: "anyone"
  }

  exit {
    aproval: none
    penalty: none
  }

  body assembly { members: all members }

  decision ordinary {
    by: assembly
    quorum: 20%
    threshold: majority of votes cast
  }

  amendments { by: ordinary }
}
`;
