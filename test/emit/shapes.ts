// Input shapes for the build's linearity tests (issue 13's `build` rows): n
// rights, n block comments, a preamble of n lines, the deep amendable chain
// and the election chain.
const head = (body: string) => `charter "Shape" {\n  jurisdiction: personal\n${body}\n  exit { approval: none penalty: none }\n}\n`;

export const BUILD_SHAPES: Readonly<Record<string, (n: number) => string>> = {
  rights: (n) => head(`  body assembly { members: all members }\n  rights {\n${Array.from({ length: n }, (_, i) => `    r${i}: "Members may do thing number ${i}."`).join("\n")}\n  }`),
  "block comments": (n) => head(Array.from({ length: n }, (_, i) => `  /* comment ${i} about the charter */`).join("\n") + "\n  body assembly { members: all members }"),
  preamble: (n) => head(`  preamble: """\n${Array.from({ length: n }, (_, i) => `    Line ${i} of a long preamble, with <b>markup</b> & [links](x) that stay text.`).join("\n")}\n  """\n  body assembly { members: all members }`),
  "deep amendable chain": (n) =>
    head(
      [
        "  body assembly { members: all members }",
        "  decision d-0 { by: assembly quorum: 2% threshold: majority of votes cast }",
        ...Array.from({ length: n - 1 }, (_, k) => `  decision d-${k + 1} { by: assembly quorum: 90% threshold: majority of votes cast amendable: by d-${k} }`),
        `  amendments { by: d-${n - 1} }`,
      ].join("\n"),
    ),
  "election chain": (n) =>
    head(
      [
        "  body assembly { members: all members }",
        "  decision decision-0 { by: assembly quorum: 10% threshold: majority of votes cast }",
        ...Array.from({ length: n }, (_, k) => `  body council-${k + 1} { members: 5 seats selection: election by decision-${k} recall: by decision-0 }\n  decision decision-${k + 1} { by: council-${k + 1} threshold: majority of votes cast }`),
        `  amendments { by: decision-${n} }`,
      ].join("\n"),
    ),
};
