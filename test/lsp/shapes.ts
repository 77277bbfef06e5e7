// Workspaces for the language-server tests: a federation with n members
// (each member an 18-line charter that imports it), small enough to build in
// memory.
export function federationWorkspace(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  files["fed.charter"] = [
    `federation "League" {`,
    `  powers: defense`,
    `  requires: exit-guaranteed`,
    `  membership { admission: by vote consent: explicit expulsion: none }`,
    `  exit { approval: none notice: 30 days amendable: never }`,
    `  body congress { members: 1 seat per member }`,
    `  decision vote { by: congress threshold: majority of votes cast }`,
    `  amendments { by: vote }`,
    `}`,
    ``,
  ].join("\n");
  for (let i = 0; i < n; i++) files[`members/m${i}.charter`] = memberText(i, 50);
  return files;
}

/** An 18-line member charter; `quorum` varies the text of an edit. */
export function memberText(i: number, quorum: number): string {
  return [
    `import "../fed.charter" as league`,
    ``,
    `charter "Member ${i}" {`,
    `  jurisdiction: personal`,
    `  membership { admission: by assembly-vote consent: explicit expulsion: none }`,
    `  exit {`,
    `    approval: none`,
    `    notice: 7 days`,
    `    amendable: never`,
    `  }`,
    `  body assembly { members: all members }`,
    `  decision assembly-vote { by: assembly quorum: ${quorum}% threshold: majority of votes cast }`,
    `  amendments { by: assembly-vote }`,
    `  member of league {`,
    `    delegates: defense`,
    `    withdrawal: unilateral, notice 30 days`,
    `  }`,
    `}`,
  ].join("\n");
}
