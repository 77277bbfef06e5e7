// The shape zoo: generators for every input shape whose cost must grow
// linearly (issue 13), shared by the bench (`npm run bench`), the counted-work
// tests (test/linear/, test/helpers/work-meter.ts) and the build, diff and
// language-server tests and benches.
//
// Each shape is `{ make(n), n, testN, commands, note }`:
//   make(n) → { files: { "charters/x.charter": text, … }, entries: [paths],
//               folder?: "charters", previous?: { path: text } }
//   - `files` are paths relative to a project root (write them under one, or
//     serve them from an in-memory host);
//   - `entries` are what a user names on the command line (a folder shape
//     also sets `folder`, the folder a user would check as one);
//   - `previous`, where present, is the older version of the same paths (for
//     `diff` and `compare`: "before" is `previous`, "after" is `files`);
//   - `json`, where present, is the same content as a plain JSON document
//     (bench/generate.mjs `charterJson` form), for the YAML + ajv baseline.
//   issueTable marks the shapes of issue 13's table (the quick bench runs
//   build and diff only on those).
//   n is the bench's base size (the bench runs n, 2n, 4n); testN is a small
//   size for the counted-work tests (they run testN and 2·testN).
//   commands: which commands the shape is meant for ("check", "build", "diff").
//
// Every generator is deterministic (no randomness, or a fixed seed).
import { charterJson, charterText, federation, workspace } from "./generate.mjs";

const q = (s) => JSON.stringify(s);

/**
 * A complete charter (or federation) around `parts` (section sources), with
 * the fixed sections every charter has. `assembly` (all members) and
 * `ordinary`, `expel` and `constitutional` always exist, so parts may refer to them.
 */
export function charterSource({ kind = "charter", name = "Shape", imports = [], head = [], parts = [], tail = [], preamble = "We associate by consent.", amendBy = "constitutional", rights = ['speech: "Members may speak freely."'] } = {}) {
  const o = [];
  for (const [p, alias] of imports) o.push(`import ${q(p)} as ${alias}`);
  if (imports.length) o.push("");
  o.push(`${kind} ${q(name)} {`, '  version: "1.0.0"', "  jurisdiction: personal", '  preamble: """');
  for (const l of preamble.split("\n")) o.push(`    ${l}`);
  o.push('  """');
  if (kind === "federation") o.push("  powers: defense, disputes", "  requires: exit-guaranteed, dispute-resolution");
  o.push(...head);
  o.push(
    "",
    "  membership {",
    '    eligibility: "any person"',
    "    admission: open",
    "    consent: explicit",
    "    concurrent: allowed",
    "    expulsion: by expel",
    "  }",
    "",
    "  exit {",
    "    approval: none",
    "    notice: 14 days",
    "    penalty: none",
    "    retains: property, data",
    "    amendable: never",
    "  }",
    "",
    `  body assembly { members: ${kind === "federation" ? "1 seat per member" : "all members"} }`,
    "",
    "  decision ordinary {",
    "    by: assembly",
    "    quorum: 20%",
    "    threshold: majority of votes cast",
    "  }",
    "",
    "  decision expel {",
    "    by: assembly",
    "    quorum: 30%",
    "    threshold: 2/3 of votes cast",
    "    notice: 14 days",
    '    appeal: to "an arbiter both parties accept"',
    "  }",
    "",
    "  decision constitutional {",
    "    by: assembly",
    "    quorum: 50%",
    "    threshold: 3/4 of votes cast",
    "  }",
  );
  for (const p of parts) o.push("", ...p.split("\n").map((l) => (l ? `  ${l}` : l)));
  o.push(
    "",
    "  amendments {",
    `    by: ${amendBy}`,
    "    delay: 30 days",
    "  }",
    "",
    "  rights {",
    ...rights.map((r) => `    ${r}`),
    "  }",
    "",
    '  disputes { by: "an arbiter both parties accept" }',
    "",
    "  dissolution {",
    `    by: ${amendBy}`,
    "    assets: to members",
    "  }",
  );
  for (const t of tail) o.push("", ...t.split("\n").map((l) => (l ? `  ${l}` : l)));
  o.push("}", "");
  return o.join("\n");
}

const tie = (alias) => `member of ${alias} {\n  delegates: defense, disputes\n  withdrawal: unilateral, notice 90 days\n}`;
const one = (text, file = "charters/shape.charter") => ({ files: { [file]: text }, entries: [file] });

// ── the limit shapes: the worst inputs the documented limits accept ──
// (bench/limits.mjs runs them at src/config/limits.ts's limits; the hostile
// output tests use the same clean sections around their own fillings.)

/** The sections of a small clean charter, after its header line, up to its closing brace. */
export const CLEAN_SECTIONS = `  version: "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property, data amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 50% threshold: majority of votes cast }
  amendments { by: ordinary }
  disputes { by: "an arbiter both parties accept" }
`;

/**
 * Repeat `unit(i)` (of `per` tokens) between `head` and `tail` until the next
 * unit would pass `bytes` bytes or `tokens` tokens (200 are kept for the
 * head and tail, which hold fewer).
 */
function fillTo(head, unit, per, tail, { bytes, tokens }) {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  let count = 200;
  for (let i = 0; ; i++) {
    const u = unit(i);
    const n = Buffer.byteLength(u);
    if (size + n > bytes || count + per > tokens) break;
    count += per;
    parts.push(u);
    size += n;
  }
  parts.push(tail);
  return parts.join("");
}

/** The worst shapes per byte (most tokens, most nodes, longest single token, deepest nesting), each `({ bytes, tokens }) → text`. */
export const LIMIT_SHAPES = {
  "many rights": (b) => fillTo(`charter "R" {\n${CLEAN_SECTIONS}  rights {\n`, (i) => `    r${i}: "a member may do thing ${i}"\n`, 3, "  }\n}\n", b),
  "many tiny fields": (b) => fillTo(`charter "T" {\n${CLEAN_SECTIONS}  rights {\n`, (i) => `r${i.toString(36)}:""\n`, 3, "  }\n}\n", b),
  "many decisions": (b) => fillTo(`charter "D" {\n${CLEAN_SECTIONS}`, (i) => `  decision d${i} { by: assembly quorum: 50% threshold: 2/3 of votes cast }\n`, 16, "}\n", b),
  "huge prose": (b) => fillTo(`charter "P" {\n${CLEAN_SECTIONS}  preamble: """\n`, (i) => `    We the members, line ${i}, agree to share what we hold.\n`, 0, '  """\n}\n', b),
  "deep braces": (b) => fillTo(`charter "B" {\n`, () => "{", 1, "}\n", b),
  "many comments": (b) => fillTo(`charter "C" {\n${CLEAN_SECTIONS}`, (i) => `  // note ${i}\n`, 1, "}\n", b),
  "long list": (b) => fillTo(`federation "F" {\n${CLEAN_SECTIONS.replace("jurisdiction: personal\n", "")}  powers: `, (i) => `p${i.toString(36)}, `, 2, "last\n}\n", b),
  "unknown fields (z: 1)": (b) => fillTo(`charter "Z" {\n${CLEAN_SECTIONS}`, () => "z: 1\n", 3, "}\n", b),
};

// ── the election chain, through the bench model so it also has a JSON form ──

export function electionChainModel(n, editQuorum = false) {
  const bodies = [{ name: "assembly", members: { all: true } }];
  const decisions = [{ name: "decision-0", by: "assembly", quorum: 0.2, threshold: { text: "majority of votes cast", json: { kind: "majority", of: "votes-cast" } }, notice: null, appeal: null }];
  for (let i = 1; i <= n; i++) {
    bodies.push({ name: `council-${i}`, members: { seats: 5 }, selection: { kind: "election", by: `decision-${i - 1}` }, term: ["1 year", 365], recall: `decision-${i - 1}` });
    const quorum = editQuorum && i === Math.ceil(n / 2) ? 0.6 : 0.5;
    decisions.push({ name: `decision-${i}`, by: `council-${i}`, quorum, threshold: { text: "majority of votes cast", json: { kind: "majority", of: "votes-cast" } }, notice: null, appeal: null });
  }
  return {
    kind: "charter",
    name: "Election Chain",
    imports: [],
    ties: [],
    federation: null,
    version: "1.0.0",
    preamble: "We associate by consent.\nWhoever joins may leave.",
    membership: { eligibility: "any person", admission: "open", consent: "explicit", concurrent: "allowed", expulsion: "decision-0" },
    exit: { approval: "none", notice: ["14 days", 14], penalty: "none", retains: ["property", "data"], amendable: "never" },
    bodies,
    decisions,
    amendments: { by: `decision-${n}`, delay: ["6 months", 180] },
    rights: [["speech", "Members may speak freely."]],
    disputes: "an arbiter both parties accept",
    dissolution: { by: `decision-${n}`, assets: "to members" },
  };
}

/** The election chain of `n` councils (≈14 lines each; n = 1,500 is ≈21,000 lines). */
export function electionChain(n) {
  const model = electionChainModel(n);
  return { ...one(charterText(model), "charters/election-chain.charter"), previous: { "charters/election-chain.charter": charterText(electionChainModel(n, true)) }, json: charterJson(model) };
}

function deepAmendable(n, { bodies = false, edit = false } = {}) {
  const parts = ["decision d-0 {\n  by: assembly\n  quorum: 2%\n  threshold: majority of votes cast\n}"];
  for (let i = 1; i < n; i++) {
    const quorum = edit && i === Math.ceil(n / 2) ? 80 : 90;
    parts.push(`decision d-${i} {\n  by: assembly\n  quorum: ${quorum}%\n  threshold: majority of votes cast\n  amendable: by d-${i - 1}\n}`);
    if (bodies) parts.push(`body b-${i} {\n  members: all members\n  amendable: by d-${i - 1}\n}`);
  }
  return charterSource({ name: "Deep Amendable Chain", parts, amendBy: `d-${n - 1}` });
}

function renamed(n, prefix) {
  const thresholds = ["majority of votes cast", "2/3 of votes cast", "3/4 of members", "unanimity", "majority of members"];
  const parts = [];
  for (let i = 0; i < n; i++) {
    // Unique contents: the quorum, notice and threshold together differ for every i.
    parts.push(`decision ${prefix}-${i} {\n  by: assembly\n  quorum: ${1 + (i % 99)}%\n  threshold: ${thresholds[Math.floor(i / 99) % thresholds.length]}\n  notice: ${1 + Math.floor(i / 495)} days\n}`);
  }
  return charterSource({ name: "Renamed Decisions", parts });
}

function federationFile(i, imports = [], ties = []) {
  return charterSource({ kind: "federation", name: `Federation ${i}`, imports, tail: ties });
}

function importChain(n, ring) {
  const files = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? i + 1 : ring ? 0 : -1;
    files[`charters/f${i}.charter`] = next >= 0 ? federationFile(i, [[`./f${next}.charter`, "up"]], [tie("up")]) : federationFile(i);
  }
  return { files, entries: ["charters/f0.charter"] };
}

const list = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const RETAINS = ["property", "data", "share", "standing"];

function fromWorkspace(entries) {
  const files = {};
  for (const { file, model } of entries) files[file] = charterText(model);
  return { files, entries: Object.keys(files), folder: "charters" };
}

/** Every shape, by name. */
export const SHAPES = {
  // ── the shapes that were quadratic or worse (issue 13's table) ──
  "election chain": { n: 750, issueTable: true, testN: 60, commands: ["check", "build", "diff"], make: electionChain, note: "`body council-i { selection: election by decision-(i-1) }`, `decision-i { by: council-i }`" },
  "appointment chain": {
    n: 1500, issueTable: true,
    testN: 200,
    commands: ["check", "build"],
    note: "`body council-i { members: 5 seats selection: appointment by council-(i-1) }`",
    make: (n) =>
      one(
        charterSource({
          name: "Appointment Chain",
          parts: [
            "body council-0 {\n  members: 5 seats\n  selection: election by ordinary\n  term: 1 year\n  recall: by ordinary\n}",
            ...list(n, (i) => `body council-${i + 1} {\n  members: 5 seats\n  selection: appointment by council-${i}\n  term: 1 year\n  recall: by ordinary\n}`),
          ],
        }),
      ),
  },
  "deep amendable chain": {
    n: 1500, issueTable: true,
    testN: 150,
    commands: ["check", "build", "diff"],
    note: "`decision d-i { quorum: 90% amendable: by d-(i-1) }`, `d-0` at 2%: every cheapest path runs the whole chain",
    make: (n) => ({ ...one(deepAmendable(n)), previous: { "charters/shape.charter": deepAmendable(n, { edit: true }) } }),
  },
  "deep amendable chain with bodies": {
    n: 800, issueTable: true,
    testN: 120,
    commands: ["check", "build", "diff"],
    note: "the same with `body b-i { members: all members amendable: by d-(i-1) }` per decision",
    make: (n) => ({ ...one(deepAmendable(n, { bodies: true })), previous: { "charters/shape.charter": deepAmendable(n, { bodies: true, edit: true }) } }),
  },
  "renamed decisions": {
    n: 1500, issueTable: true,
    testN: 150,
    commands: ["check", "diff"],
    note: "every decision renamed between the two versions (unique contents)",
    make: (n) => ({ ...one(renamed(n, "new")), previous: { "charters/shape.charter": renamed(n, "old") } }),
  },
  "many federations": {
    n: 160, issueTable: true,
    testN: 40,
    commands: ["check"],
    note: "n independent federation files, no imports, checked as one folder",
    make: (n) => {
      const files = {};
      for (let i = 0; i < n; i++) files[`charters/f${i}.charter`] = federationFile(i);
      return { files, entries: Object.keys(files), folder: "charters" };
    },
  },
  "import chain": { n: 150, issueTable: true, testN: 40, commands: ["check", "build"], note: "f0 imports f1 … imports f(n-1), each `member of` the next", make: (n) => importChain(n, false) },
  "import ring": { n: 150, issueTable: true, testN: 40, commands: ["check"], note: "the import chain closed into a ring (a cycle diagnostic)", make: (n) => importChain(n, true) },
  "one file importing many": {
    n: 150, issueTable: true,
    testN: 40,
    commands: ["check", "build"],
    note: "one charter imports n federations and is a member of each",
    make: (n) => {
      const files = {};
      for (let i = 0; i < n; i++) files[`charters/f${i}.charter`] = federationFile(i);
      files["charters/main.charter"] = charterSource({ name: "Joiner", imports: list(n, (i) => [`./f${i}.charter`, `f${i}`]), tail: list(n, (i) => tie(`f${i}`)) });
      return { files, entries: ["charters/main.charter"] };
    },
  },
  "elected amendable chain": {
    n: 750,
    testN: 60,
    commands: ["check", "build"],
    note: "`council-i` elected by `decision-(i-1)`, `decision-i { by: council-i amendable: by decision-(i-1) }`: every procedure is controlled through the whole chain before it",
    make: (n) =>
      one(
        charterSource({
          name: "Elected Amendable Chain",
          parts: [
            "decision decision-0 {\n  by: assembly\n  quorum: 20%\n  threshold: majority of votes cast\n}",
            ...list(n, (i) => `body council-${i + 1} {\n  members: 5 seats\n  selection: election by decision-${i}\n  term: 1 year\n  recall: by ordinary\n}\n\ndecision decision-${i + 1} {\n  by: council-${i + 1}\n  quorum: 50%\n  threshold: majority of votes cast\n  amendable: by decision-${i}\n}`),
          ],
        }),
      ),
  },
  // ── shapes that were linear (keep them so) ──
  rights: { n: 10000, testN: 400, commands: ["check", "build"], note: "one charter with n rights", make: (n) => one(charterSource({ name: "Rights", rights: list(n, (i) => `right-${i}: "Members may do thing number ${i} freely."`) })) },
  "long lists": {
    n: 10000,
    testN: 400,
    commands: ["check", "build"],
    note: "`retains`, `powers` and `delegates` lists of n items each, one item a line",
    make: (n) => {
      // One item a line (newlines are not significant, §3), so "per 10,000 lines" means what it says.
      const powers = list(n, (i) => `power-${i}`).join(",\n      ");
      const fed = charterSource({ kind: "federation", name: "Wide Federation", head: [] }).replace("powers: defense, disputes", `powers: defense, disputes, ${powers}`);
      const main = charterSource({ name: "Long Lists", imports: [["./wide.charter", "wide"]], tail: [`member of wide {\n  delegates: defense, disputes, ${powers}\n  withdrawal: unilateral, notice 90 days\n}`] }).replace(
        "retains: property, data",
        `retains: ${list(n, (i) => RETAINS[i % 4]).join(",\n      ")}`,
      );
      return { files: { "charters/wide.charter": fed, "charters/long-lists.charter": main }, entries: ["charters/long-lists.charter"] };
    },
  },
  prose: { n: 10000, testN: 400, commands: ["check", "build"], note: "a preamble of n lines", make: (n) => one(charterSource({ name: "Prose", preamble: list(n, (i) => `Line ${i} of the preamble: we associate by consent, and whoever joins may leave.`).join("\n") })) },
  comments: { n: 7000, testN: 400, commands: ["check", "build"], note: "n line comments and n/4 block comments between sections", make: (n) => one(list(n, (i) => `// comment ${i}: nothing here is code`).join("\n") + "\n" + list(Math.ceil(n / 4), (i) => `/* block ${i}\n   still a comment */`).join("\n") + "\n" + charterSource({ name: "Comments" })) },
  "plain decisions": { n: 1600, testN: 300, commands: ["check", "build"], note: "n independent decisions by the assembly", make: (n) => one(charterSource({ name: "Plain Decisions", parts: list(n, (i) => `decision p-${i} {\n  by: assembly\n  quorum: 25%\n  threshold: majority of votes cast\n}`) })) },
  "recall chain": {
    n: 800,
    testN: 200,
    commands: ["check", "build"],
    note: "`body s-i { selection: sortition recall: by r-(i-1) }`, `decision r-i { by: s-i }`",
    make: (n) =>
      one(
        charterSource({
          name: "Recall Chain",
          parts: list(n, (i) => `body s-${i} {\n  members: 7 seats\n  selection: sortition\n  term: 1 year\n  recall: by ${i === 0 ? "ordinary" : `r-${i - 1}`}\n}\n\ndecision r-${i} {\n  by: s-${i}\n  quorum: 50%\n  threshold: majority of votes cast\n}`),
        }),
      ),
  },
  "amendable chain": {
    n: 1600,
    testN: 200,
    commands: ["check", "build"],
    note: "`decision p-i { threshold: unanimity amendable: by p-(i-1) }`, the exit clause at the end of the chain",
    make: (n) =>
      one(
        charterSource({ name: "Amendable Chain", parts: ["decision p-0 {\n  by: assembly\n  quorum: 10%\n  threshold: majority of votes cast\n}", ...list(n - 1, (i) => `decision p-${i + 1} {\n  by: assembly\n  threshold: unanimity\n  amendable: by p-${i}\n}`)], amendBy: "p-0" }).replace(
          "amendable: never",
          `amendable: by p-${n - 1}`,
        ),
      ),
  },
  "amendment ring": {
    n: 1500,
    testN: 200,
    commands: ["check", "build"],
    note: "`decision r-i { amendable: by r-(i+1 mod n) }`",
    make: (n) => one(charterSource({ name: "Amendment Ring", parts: list(n, (i) => `decision r-${i} {\n  by: assembly\n  quorum: ${10 + (i % 80)}%\n  threshold: majority of votes cast\n  amendable: by r-${(i + 1) % n}\n}`) })),
  },
  "amendment star": {
    n: 1500,
    testN: 200,
    commands: ["check", "build"],
    note: "n decisions, each amendable by one hub",
    make: (n) => one(charterSource({ name: "Amendment Star", parts: ["decision hub {\n  by: assembly\n  quorum: 50%\n  threshold: 2/3 of votes cast\n}", ...list(n, (i) => `decision s-${i} {\n  by: assembly\n  quorum: 25%\n  threshold: majority of votes cast\n  amendable: by hub\n}`)] })),
  },
  "election fan": {
    n: 800,
    testN: 200,
    commands: ["check", "build"],
    note: "n councils all elected by one decision, each deciding one thing",
    make: (n) => one(charterSource({ name: "Election Fan", parts: list(n, (i) => `body c-${i} {\n  members: 5 seats\n  selection: election by ordinary\n  term: 1 year\n  recall: by ordinary\n}\n\ndecision c-${i}-vote {\n  by: c-${i}\n  threshold: majority of votes cast\n}`) })),
  },
  "appeal chain": {
    n: 800,
    testN: 200,
    commands: ["check", "build"],
    note: "`decision a-i { by: assembly appeal: to panel-(i-1) }`, `body panel-i`",
    make: (n) => one(charterSource({ name: "Appeal Chain", parts: list(n, (i) => `body panel-${i} {\n  members: 3 seats\n  selection: sortition\n  term: 1 year\n  recall: by ordinary\n}\n\ndecision a-${i} {\n  by: assembly\n  threshold: majority of votes cast\n  appeal: to panel-${i === 0 ? 0 : i - 1}\n}`) })),
  },
  "federation of members": { n: 80, testN: 40, commands: ["check", "build"], note: "a federation and n member charters (20 clauses each), checked as one folder", make: (n) => fromWorkspace(federation(20260601, n, 20)) },
  "many importers of one file": {
    n: 150,
    testN: 60,
    commands: ["check", "build"],
    note: "n small charters, each importing one federation",
    make: (n) => {
      const files = { "charters/hub.charter": federationFile(0) };
      for (let i = 0; i < n; i++) files[`charters/m${i}.charter`] = charterSource({ name: `Member ${i}`, imports: [["./hub.charter", "hub"]], tail: [tie("hub")] });
      return { files, entries: Object.keys(files), folder: "charters" };
    },
  },
  "independent charters": { n: 80, testN: 60, commands: ["check", "build"], note: "n independent 20-clause charters, checked as one folder", make: (n) => fromWorkspace(workspace(20260601, n, 20)) },
};

/** Lines in a generated input (all files). */
export function linesOf(input) {
  let n = 0;
  for (const t of Object.values(input.files)) for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * The language server's federation (bench/lsp-latency.mjs, test/lsp/): a
 * federation `fed.charter` under `dir` (with a trailing `/`, or empty) and
 * `members` 18-line member charters `members/m<i>.charter`, each importing
 * it. `member(i, quorum)` is member i's text with another quorum (an edit).
 */
export function lspFederation(members, dir = "") {
  const member = (i, quorum = 50) =>
    [
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
      ``,
    ].join("\n");
  const files = {
    [`${dir}fed.charter`]: `federation "League" {\n  powers: defense\n  requires: exit-guaranteed\n  membership { admission: by vote consent: explicit expulsion: none }\n  exit { approval: none notice: 30 days amendable: never }\n  body congress { members: 1 seat per member }\n  decision vote { by: congress threshold: majority of votes cast }\n  amendments { by: vote }\n}\n`,
  };
  for (let i = 0; i < members; i++) files[`${dir}members/m${i}.charter`] = member(i);
  return { files, member };
}
