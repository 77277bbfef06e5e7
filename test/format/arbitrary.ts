// A grammar-aware generator of charter source text (fast-check), for the
// formatter's properties and for anyone fuzzing the front end: imports, a
// charter or federation header, top-level fields and every kind of section,
// every kind of term (strings with escapes, prose blocks with uneven
// indentation, numbers, percents, fractions, durations), lists, and trivia
// between tokens — spaces, tabs, line breaks (LF, CRLF), blank lines, block
// and line comments, `// prettier-ignore`.
//
// The text is meant to be syntactically valid: line breaks are put only
// where the grammar ignores them (never before the second term of a phrase,
// where a line start means "a new field whose colon is missing"). A few
// shapes that the lexer reads in surprising ways are generated on purpose
// (`30` + newline + `days`). Callers should still filter on "parses without
// syntax errors" (`parsesCleanly`), which holds for nearly every sample.
import fc from "fast-check";
import { parse } from "../../src/lower/index.js";

const WORDS = [
  "assembly", "stewards", "ordinary", "expel", "constitutional", "open", "none", "explicit", "allowed",
  "forbidden", "never", "by", "to", "of", "majority", "votes", "cast", "members", "all", "seats", "seat",
  "per", "sortition", "election", "appointment", "unanimity", "consensus", "personal", "territorial",
  "property", "data", "share", "standing", "unilateral", "notice", "immediately", "defense", "disputes",
  "mutual-aid", "exit-guaranteed", "a_b", "x1",
];
const FIELD_NAMES = [
  "version", "jurisdiction", "preamble", "powers", "requires", "eligibility", "admission", "consent",
  "concurrent", "expulsion", "approval", "notice", "penalty", "retains", "obligations", "amendable", "unit",
  "by", "members", "selection", "term", "recall", "quorum", "threshold", "appeal", "delay", "speech",
  "assets", "delegates", "withdrawal", "exit", "body", "x-y",
];
const PLAIN_SECTIONS = ["membership", "exit", "secession", "amendments", "rights", "disputes", "dissolution"];

const ident = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/).filter((s) => !RESERVED.has(s)) },
);
const RESERVED = new Set(["member", "import", "charter", "federation", "as", ...PLAIN_SECTIONS, "body", "decision", "of"]);
const name = fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)).filter((s) => !RESERVED.has(s) || WORDS.includes(s));

// ── trivia ────────────────────────────────────────────────────────────────

const commentText = fc.oneof(fc.constantFrom("note", "why: see §4", "é ✓ 🎉", "TODO", "", " spaced  "), fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n*/]/g, "")));
const blockComment = fc.oneof(
  { weight: 3, arbitrary: commentText.map((t) => `/* ${t} */`) },
  { weight: 1, arbitrary: fc.tuple(commentText, commentText).map(([a, b]) => `/* ${a}\n   ${b} */`) },
);
const lineComment = fc.oneof({ weight: 5, arbitrary: commentText.map((t) => `// ${t}`) }, { weight: 1, arbitrary: fc.constant("// prettier-ignore") });
const space = fc.constantFrom(" ", "  ", "\t", " \t ");
const newline = fc.constantFrom("\n", "\n", "\n  ", "\n\n", "\n\n\n    ", "\r\n", "\n\t");
const triviaPiece = fc.oneof(
  { weight: 6, arbitrary: space },
  { weight: 4, arbitrary: newline },
  { weight: 1, arbitrary: blockComment.map((c) => ` ${c} `) },
  { weight: 1, arbitrary: lineComment.map((c) => ` ${c}\n`) },
);
/** Anything the grammar skips, at least one character of whitespace. */
const trivia = fc.array(triviaPiece, { maxLength: 3 }).map((ps) => (ps.length === 0 ? " " : " " + ps.join("")));
/** Inside a phrase: no line break (it would end the phrase). */
const inlineTrivia = fc.oneof(
  { weight: 8, arbitrary: space },
  { weight: 1, arbitrary: commentText.map((t) => ` /* ${t} */ `) },
);
/** Between entries: at least one line break, sometimes comments. */
const entryBreak = fc.array(triviaPiece, { maxLength: 3 }).map((ps) => "\n" + ps.join(""));

// ── terms and values ──────────────────────────────────────────────────────

const stringLit = fc
  .array(fc.oneof(fc.constantFrom("a", "b", " ", "é", "🎉", "\\\"", "\\\\", "\\n", "x y", "{", "}", ":", ",", "//", "/*"), fc.stringMatching(/^[A-Za-z0-9 ]{1,8}$/)), { maxLength: 6 })
  .map((ps) => `"${ps.join("")}"`);
const proseLine = fc.oneof(
  fc.constantFrom("", "  ", "We associate by consent.", "Whoever joins may leave.", "\tTabbed line", "trailing  ", "é ✓"),
  fc.stringMatching(/^[A-Za-z ,.]{0,20}$/),
);
const prose = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom("", "  ", "    ", "\t", "      "), proseLine), { minLength: 1, maxLength: 4 }), fc.constantFrom("", "  ", "\n", "\n  "))
  .map(([firstBreak, lines, end]) => `"""${firstBreak ? "\n" : ""}${lines.map(([ind, l]) => ind + l).join("\n")}${end}"""`);
const numberLit = fc.oneof(fc.nat(200).map(String), fc.tuple(fc.nat(9), fc.nat(99)).map(([a, b]) => `${a}.${b}`));
const duration = fc
  .tuple(fc.nat(400), fc.constantFrom(" ", "  ", "\t"), fc.constantFrom("day", "days", "week", "weeks", "month", "months", "year", "years"))
  .map(([n, s, u]) => `${n}${s}${u}`);
const term = fc.oneof(
  { weight: 8, arbitrary: ident },
  { weight: 2, arbitrary: stringLit },
  { weight: 1, arbitrary: prose },
  { weight: 1, arbitrary: numberLit },
  { weight: 1, arbitrary: fc.nat(100).map((n) => `${n}%`) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(9), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}/${b}`) },
  { weight: 2, arbitrary: duration },
);
const phrase = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(term, fc.array(fc.tuple(inlineTrivia, term), { maxLength: 3 })).map(([t, rest]) => t + rest.map(([s, x]) => s + x).join("")) },
  // A number and a unit the lexer keeps apart (no space, or a line break): must not fuse into a duration.
  { weight: 1, arbitrary: fc.tuple(fc.nat(99), fc.constantFrom("", "\n", "\n   "), fc.constantFrom("days", "week", "years")).map(([n, s, u]) => `${n}${s}${u}`) },
);
const value = fc
  .tuple(phrase, fc.array(fc.tuple(trivia, trivia, phrase), { maxLength: 4 }))
  .map(([p, rest]) => p + rest.map(([a, b, x]) => a + "," + b + x).join(""));

// ── fields, sections, document ────────────────────────────────────────────

const field = fc
  .tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom("", " ", "\n"), trivia, value)
  .map(([n, beforeColon, afterColon, v]) => `${n}${beforeColon}:${afterColon}${v}`);

const sectionHead = fc.oneof(
  fc.constantFrom(...PLAIN_SECTIONS),
  fc.tuple(fc.constantFrom("body", "decision"), trivia, name).map(([k, t, n]) => `${k}${t}${n}`),
  fc.tuple(trivia, name).map(([t, n]) => `member of${t}${n}`),
);
const fields = fc.array(fc.tuple(entryBreak, field), { maxLength: 5 }).map((fs) => fs.map(([b, f]) => b + f).join(""));
const section = fc.tuple(sectionHead, trivia, fields, entryBreak).map(([h, t, body, end]) => `${h}${t}{${body}${end}}`);
const entry = fc.oneof({ weight: 2, arbitrary: field }, { weight: 3, arbitrary: section });

const importDecl = fc
  .tuple(fc.constantFrom("./a.charter", "./federations/b.charter", "../c.charter", "./z.charter"), trivia, trivia, name)
  .map(([p, t1, t2, alias]) => `import${t1}"${p}"${t2}as ${alias}`);

export interface CharterSourceOptions {
  /** Most entries in the charter body (default 8). */
  readonly maxEntries?: number;
}

/** Charter source text, nearly always free of syntax errors (see `parsesCleanly`). */
export function charterSource(options: CharterSourceOptions = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(triviaPiece, { maxLength: 2 }),
      fc.array(fc.tuple(importDecl, entryBreak), { maxLength: 3 }),
      fc.constantFrom("charter", "federation"),
      stringLit,
      trivia,
      fc.array(fc.tuple(entryBreak, entry), { maxLength: options.maxEntries ?? 8 }),
      entryBreak,
      fc.array(triviaPiece, { maxLength: 2 }),
    )
    .map(([lead, imports, kind, title, t, entries, end, tail]) => {
      const head = lead.join("").replace(/^[^\n]*\/\/[^\n]*$/, "");
      const imps = imports.map(([i, b]) => i + b).join("");
      const body = entries.map(([b, e]) => b + e).join("");
      return `${head}${head ? "\n" : ""}${imps}${imports.length ? "\n" : ""}${kind} ${title}${t}{${body}${end}}${tail.join("")}`;
    });
}

/** Whether `text` parses without syntax errors (CH00xx). */
export function parsesCleanly(text: string): boolean {
  return !parse(text, "gen.charter").diagnostics.some((d) => d.code.startsWith("CH00"));
}
