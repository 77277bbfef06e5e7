// Input generators for the fuzzer (fast-check), three families:
//
// - `validCharter`: grammar-aware, built with `fc.letrec` from the grammar of
//   LANGUAGE.md §3 and the field table of §4 — charters that parse, with
//   comments, odd spacing and line endings sprinkled in;
// - `mutated(corpus)`: real charters damaged by token deletions, insertions,
//   swaps, truncation, random Unicode (lone surrogates included), CRLF, BOM;
// - `rawText`: random text, from random code units to runs of charter tokens.
import fc from "fast-check";

const RESERVED = new Set(
  "charter federation import as member of membership exit secession body decision amendments rights disputes dissolution by to none never all members seat seats per open explicit allowed forbidden sortition election appointment unanimity consensus majority votes cast immediately day days week weeks month months year years personal territorial unilateral notice".split(" "),
);
const ident = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/).filter((s) => !s.endsWith("-") && !RESERVED.has(s));
const safeText = fc.string({ maxLength: 30 }).map((s) => s.replace(/["\\\r\n\u2028\u2029]/g, " "));
const stringLit = safeText.map((s) => JSON.stringify(s));
const durationLit = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom("day", "days", "week", "weeks", "month", "months", "year", "years")).map(([n, u]) => `${n} ${u}`);
const duration = fc.oneof(durationLit, fc.constant("immediately"));
const percent = fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`);
const fraction = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => (a <= b ? `${a}/${b}` : `${b}/${a}`));
const threshold = fc.oneof(
  fc.constantFrom("majority of votes cast", "majority of members", "unanimity", "consensus"),
  fc.tuple(fc.oneof(fraction, percent), fc.constantFrom("of votes cast", "of members")).map(([a, b]) => `${a} ${b}`),
);
const comment = fc.oneof(safeText.map((s) => `// ${s}`), safeText.map((s) => `/* ${s.replace(/\*\//g, "")} */`));
/** Space between tokens: mostly one space, sometimes newlines (LF or CRLF) or a comment. */
const gap = fc.oneof(
  { weight: 8, arbitrary: fc.constant(" ") },
  { weight: 2, arbitrary: fc.constantFrom("\n    ", "\r\n    ", "  \t") },
  { weight: 1, arbitrary: comment.map((c) => ` ${c}\n    `) },
);

interface Names {
  readonly bodies: readonly string[];
  readonly decisions: readonly string[];
}

type Field = readonly [string, string];

/** The grammar, as mutually recursive arbitraries (§3): document → entry → section → field → value → phrase → term. */
function grammar(names: Names) {
  const body = fc.constantFrom(...names.bodies);
  const decision = fc.constantFrom(...names.decisions);
  const byDecision = decision.map((d) => `by ${d}`);
  const amendable = fc.oneof(fc.constant("never"), byDecision);
  const field = (name: string, value: fc.Arbitrary<string>) => value.map((v): Field => [name, v]);
  const opt = (name: string, value: fc.Arbitrary<string>) => fc.option(field(name, value), { nil: null, freq: 2 });
  return fc.letrec<{
    term: string;
    phrase: string;
    value: string;
    section: string;
    entry: string;
    document: string;
  }>((tie) => ({
    // A free-form term and phrase: used for rights and unknown-but-harmless text.
    term: fc.oneof(stringLit, ident, percent, fraction, durationLit),
    phrase: fc.array(tie("term"), { minLength: 1, maxLength: 3 }).map((ts) => ts.join(" ")),
    value: fc.array(tie("phrase"), { minLength: 1, maxLength: 3 }).map((ps) => ps.join(", ")),
    section: fc.oneof(
      fc
        .tuple(
          field("eligibility", stringLit),
          field("admission", fc.oneof(fc.constant("open"), byDecision)),
          opt("consent", fc.constantFrom("explicit", "by residence", "by birth")),
          opt("concurrent", fc.constantFrom("allowed", "forbidden")),
          opt("expulsion", fc.oneof(fc.constant("none"), byDecision)),
        )
        .map((fs) => render("membership", fs)),
      fc
        .tuple(
          field("approval", fc.oneof(fc.constant("none"), byDecision)),
          opt("notice", duration),
          opt("penalty", fc.oneof(fc.constant("none"), stringLit)),
          opt("retains", fc.subarray(["property", "data", "share", "standing"], { minLength: 1 }).map((xs) => xs.join(", "))),
          opt("obligations", duration),
          opt("amendable", amendable),
        )
        .map((fs) => render("exit", fs)),
      fc.tuple(field("by", decision), opt("delay", duration), opt("amendable", amendable)).map((fs) => render("amendments", fs)),
      fc.array(tie("value"), { maxLength: 3 }).map((vs) =>
        render(
          "rights",
          vs.map((_, i): Field => [`right-${i}`, JSON.stringify(`right number ${i}`)]),
        ),
      ),
      fc.tuple(field("by", fc.oneof(body, stringLit)), opt("appeal", fc.oneof(fc.constant("none"), body.map((b) => `to ${b}`)))).map((fs) => render("disputes", fs)),
      fc.tuple(field("by", decision), opt("assets", fc.oneof(fc.constant("to members"), stringLit))).map((fs) => render("dissolution", fs)),
    ),
    entry: tie("section"),
    document: fc
      .tuple(
        fc.array(tie("entry"), { maxLength: 6 }),
        fc.array(comment, { maxLength: 2 }),
        fc.constantFrom("personal", 'territorial "the valley"'),
        fc.boolean(),
      )
      .map(([entries, comments, jurisdiction, crlf]) => {
        const bodies = names.bodies.map((b, i) =>
          i === 0 ? `  body ${b} { members: all members }` : `  body ${b} {\n    members: ${i + 2} seats\n    selection: sortition\n    term: 1 year\n    recall: by ${names.decisions[0]}\n  }`,
        );
        const decisions = names.decisions.map((d, i) => `  decision ${d} {\n    by: ${names.bodies[i % names.bodies.length]}\n    quorum: ${10 + i * 10}%\n    threshold: majority of votes cast\n  }`);
        const text = [
          ...comments,
          `charter "Generated" {`,
          `  version: "1.0.0"`,
          `  jurisdiction: ${jurisdiction}`,
          ...bodies,
          ...decisions,
          ...dedupe(entries),
          "}",
          "",
        ].join("\n");
        return crlf ? text.replace(/\n/g, "\r\n") : text;
      }),
  }));
}

/** Sections other than body/decision appear at most once: keep the first of each keyword. */
function dedupe(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const k = e.trim().split(/\s/)[0]!;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function render(keyword: string, fields: readonly (Field | null)[]): string {
  const present = fields.filter((f): f is Field => f !== null);
  if (present.length <= 2 && present.every(([, v]) => v.length < 20)) return `  ${keyword} { ${present.map(([k, v]) => `${k}: ${v}`).join(" ")} }`;
  return `  ${keyword} {\n${present.map(([k, v]) => `    ${k}: ${v}`).join("\n")}\n  }`;
}

/** Charters that parse, built from the grammar. */
export const validCharter: fc.Arbitrary<string> = fc
  .record({
    bodies: fc.uniqueArray(ident, { minLength: 1, maxLength: 3 }),
    decisions: fc.uniqueArray(ident.map((s) => `d-${s}`), { minLength: 1, maxLength: 4 }),
  })
  .filter(({ bodies, decisions }) => !bodies.some((b) => decisions.includes(b)))
  .chain((names) => fc.tuple(grammar(names).document, gap).map(([doc, g]) => doc.replace(/\n\}\r?\n$/, (end) => `\n  ${g.trim() || "// end"}${end}`)));

// ── mutation ─────────────────────────────────────────────────────────────

const TOKEN_RE = /\s+|"""|"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|\/\*|\*\/|[A-Za-z_][A-Za-z0-9_-]*|\d+(?:\.\d+)?%?|[^\sA-Za-z0-9_]/g;

export function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const POOL = ["{", "}", ":", ",", '"', '"""', "/*", "*/", "//", "charter", "federation", "import", "as", "member", "of", "body", "decision", "exit", "by", "never", "none", "1/0", "0/0", "999%", "-1", "1e999", "\\", "\u00a0", "\u2028", "\t"];
const insertion = fc.oneof(
  fc.constantFrom(...POOL),
  loneSurrogate,
  anyUnit,
  fc.string({ maxLength: 8, unit: "binary" }),
  fc.constantFrom("\uFEFF", "\r", "\r\n", "\u0000", "🏳️‍🌈", "e\u0301"),
);

export type Mutation =
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "insert"; readonly at: number; readonly text: string }
  | { readonly op: "swap"; readonly at: number; readonly with: number }
  | { readonly op: "duplicate"; readonly at: number }
  | { readonly op: "truncate"; readonly at: number }
  | { readonly op: "crlf" }
  | { readonly op: "bom" };

/** Positions are fractions of the current length, so shrinking stays meaningful. */
const where = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: where.map((at): Mutation => ({ op: "delete", at })) },
  { weight: 4, arbitrary: fc.tuple(where, insertion).map(([at, text]): Mutation => ({ op: "insert", at, text })) },
  { weight: 2, arbitrary: fc.tuple(where, where).map(([at, w]): Mutation => ({ op: "swap", at, with: w })) },
  { weight: 1, arbitrary: where.map((at): Mutation => ({ op: "duplicate", at })) },
  { weight: 1, arbitrary: where.map((at): Mutation => ({ op: "truncate", at })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ op: "crlf" }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ op: "bom" }) },
);

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  let toks = tokens(text);
  for (const m of ms) {
    const i = (f: number) => Math.min(toks.length - 1, Math.floor(f * toks.length));
    switch (m.op) {
      case "delete":
        if (toks.length) toks.splice(i(m.at), 1);
        break;
      case "insert":
        toks.splice(toks.length ? i(m.at) : 0, 0, m.text);
        break;
      case "swap":
        if (toks.length) {
          const a = i(m.at);
          const b = i(m.with);
          [toks[a], toks[b]] = [toks[b]!, toks[a]!];
        }
        break;
      case "duplicate":
        if (toks.length) toks.splice(i(m.at), 0, toks[i(m.at)]!);
        break;
      case "truncate": {
        const s = toks.join("");
        toks = tokens(s.slice(0, Math.floor(m.at * s.length)));
        break;
      }
      case "crlf":
        toks = toks.map((t) => t.replace(/\r?\n/g, "\r\n"));
        break;
      case "bom":
        toks.unshift("\uFEFF");
        break;
      default: {
        const never: never = m;
        void never;
      }
    }
  }
  return toks.join("");
}

/** Corpus files damaged by 1–8 mutations. */
export function mutated(corpus: readonly string[]): fc.Arbitrary<string> {
  if (corpus.length === 0) return validCharter.chain((t) => fc.array(mutation, { minLength: 1, maxLength: 8 }).map((ms) => applyMutations(t, ms)));
  return fc.tuple(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([k, ms]) => applyMutations(corpus[k]!, ms));
}

/** Random text: code units of every kind, or runs of charter tokens. */
export const rawText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200, unit: "binary" }),
  fc.array(anyUnit, { maxLength: 200 }).map((xs) => xs.join("")),
  fc.array(fc.oneof(fc.constantFrom(...POOL, " ", "\n", "x", "1", "%", "days", "all", "members"), loneSurrogate), { maxLength: 120 }).map((xs) => xs.join("")),
  fc.array(fc.constantFrom("{", "}", "charter", '"x"', " ", "\n", ":", "a", "b"), { maxLength: 400 }).map((xs) => xs.join("")),
);
