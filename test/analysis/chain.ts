/** A charter whose exit clause is protected by a chain of n procedures, each amendable by the previous one. */
export function procedureChain(n: number): string {
  const parts = ["body assembly { members: all members }", "decision p0 { by: assembly quorum: 10% threshold: majority of votes cast }"];
  for (let i = 1; i < n; i++) parts.push(`decision p${i} { by: assembly threshold: unanimity amendable: by p${i - 1} }`);
  parts.push(`exit { approval: none amendable: by p${n - 1} }`, "amendments { by: p0 }");
  return parts.join("\n");
}
