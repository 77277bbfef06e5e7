// The one registry of diagnostic codes. Every diagnostic charterc reports is
// declared here once: its stable code, a short name, default severity, the
// message template and its docs page (docs/codes/<code>.md). A meta-test
// (test/meta.test.ts) checks that each code has a docs page and golden
// fixtures, and that no code is used that is not declared here.
//
//   CH00xx  lexical and syntax errors         (src/syntax, src/lower)
//   CH01xx  semantic errors: names, values    (src/semantics)
//   CH02xx  property rules (§6.2)             (src/rules) — severity from the profile
//   CH03xx  project and input files           (src/compiler.ts)
//   (charterc.yaml errors are not diagnostics: the command stops with exit 2)
//   CH04xx  record validation                 (src/validate)
import type { Span } from "../ast/ast.js";
import type { Diagnostic, RelatedLocation, Severity, TextEdit } from "./diagnostic.js";

export interface CodeInfo {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  /** Message template; `{key}` is replaced by the argument of that name. */
  readonly message: string;
  /** One line for `charterc explain` and SARIF. */
  readonly summary: string;
}

const table = [
  // ── lexical and syntax ───────────────────────────────────────────────
  ["CH0001", "unexpected-character", "error", "unexpected character `{char}`", "A character that cannot start any token."],
  ["CH0002", "unterminated-string", "error", "unterminated string", "A `\"` string must close on the same line."],
  ["CH0003", "unterminated-prose", "error", "unterminated prose block: missing closing `\"\"\"`", "A `\"\"\"` prose block was never closed."],
  ["CH0004", "unterminated-comment", "error", "unterminated block comment: missing `*/`", "A `/*` comment was never closed."],
  ["CH0005", "invalid-escape", "error", "unknown escape `{escape}` in string", "Strings accept only `\\\"`, `\\\\` and `\\n`."],
  ["CH0006", "missing-colon", "error", "expected `:` after field name `{name}`", "A field is `NAME: VALUE`."],
  ["CH0007", "missing-value", "error", "field `{name}` has no value", "A field needs a value after its colon."],
  ["CH0008", "missing-open-brace", "error", "expected `{` after `{section}`", "A section's fields are enclosed in braces."],
  ["CH0009", "missing-close-brace", "error", "expected `}` to close `{section}`", "A section or charter was not closed."],
  ["CH0010", "unexpected-token", "error", "unexpected {token}", "A token that does not fit where it stands."],
  ["CH0011", "missing-header", "error", "expected `charter \"NAME\" {` or `federation \"NAME\" {`", "Each file holds one charter or federation."],
  ["CH0012", "missing-name", "error", "{what} needs a name", "`body`, `decision` and `member of` sections, and the charter itself, are named."],
  ["CH0013", "invalid-import", "error", "malformed import: expected `import \"PATH\" as NAME`", "Imports name a file and an alias."],
  ["CH0014", "empty-list-item", "error", "empty item in list", "A comma must separate two values."],
  ["CH0015", "content-after-charter", "error", "unexpected {token} after the end of the charter", "Nothing may follow the charter's closing brace."],
  ["CH0016", "invalid-encoding", "error", "the file is not valid UTF-8: byte {byte} at byte offset {at} cannot be decoded{more}", "Charter files are UTF-8; a byte sequence that is not UTF-8 is reported where it stands, and `fmt` leaves the file alone."],
  ["CH0017", "more-diagnostics", "info", "and {count} more {code} not shown: at most {max} diagnostics of one code are reported per file", "The diagnostics of one code in one file are capped; this one counts the rest (its severity is theirs)."],
  ["CH0018", "too-many-tokens", "error", "this file has more than {max} tokens, {limit}: it was {outcome}", "A charter may hold at most 200,000 tokens (comments included), and `fmt` formats at most 60,000; a larger file is refused before it is read into memory."],
  ["CH0019", "unknown-section", "error", "unknown section `{name}`{hint}", "A section whose keyword is not one of §3's (a misspelling such as `exitt {`); it is reported once and its fields are not checked."],
  // ── semantic ─────────────────────────────────────────────────────────
  ["CH0101", "unknown-field", "error", "unknown field `{name}` in {where}", "A field the section's schema does not define."],
  ["CH0102", "duplicate-field", "error", "field `{name}` is given more than once in {where}", "Each field may appear once per section."],
  ["CH0103", "duplicate-clause", "error", "duplicate clause `{clause}`", "Sections other than `body`/`decision`/`member of` appear at most once; names are unique."],
  ["CH0104", "missing-field", "error", "{where} is missing the required field `{name}`", "A required field (docs/reference.md, Sections and fields) is absent."],
  ["CH0105", "invalid-value", "error", "`{field}` expects {expected}, found `{found}`", "The value does not have the kind the field takes."],
  ["CH0106", "invalid-duration", "error", "`{field}` expects a duration such as `30 days`, found `{found}`", "Durations are a number and a unit (days, weeks, months, years) or `immediately`."],
  ["CH0107", "percent-out-of-range", "error", "`{found}` is outside 0%–100%", "A percentage must lie between 0% and 100%."],
  ["CH0108", "invalid-threshold", "error", "`{found}` is not a threshold", "Thresholds: `majority of votes cast|members`, `FRACTION|PERCENT of votes cast|members`, `unanimity`, `consensus`."],
  ["CH0109", "wrong-reference-kind", "error", "`{name}` is {actual}, but {expected} is expected here", "A reference names a clause of the wrong kind."],
  ["CH0110", "unresolved-reference", "error", "unknown {kind} `{name}`", "A name that no clause defines."],
  ["CH0111", "unknown-import-alias", "error", "no import is named `{name}`", "`member of` must name an import alias."],
  ["CH0112", "import-escapes-root", "error", "import `{path}` leaves the project root", "Imports must stay inside the project root; the file was not read."],
  ["CH0113", "import-not-found", "error", "cannot read imported file `{path}`", "The imported file does not exist or cannot be read."],
  ["CH0114", "import-cycle", "error", "import cycle: {cycle}", "Charters may not import each other in a cycle."],
  ["CH0115", "duplicate-import-alias", "error", "import alias `{name}` is used more than once", "Each import needs its own alias."],
  ["CH0116", "not-a-federation", "error", "`{name}` imports a {kind}, not a federation", "`member of` must name a federation."],
  ["CH0117", "federation-only-field", "error", "`{name}` is only allowed in a federation", "`powers` and `requires` belong to federations."],
  ["CH0118", "unknown-property", "error", "unknown property `{name}`", "`requires` lists property ids from the catalogue (docs/reference.md, Properties)."],
  ["CH0119", "unused-import", "warning", "import `{name}` is never used", "An import that no `member of` names."],
  ["CH0120", "too-many-seats", "error", "`{found} seats` is more than a body can have (at most {max})", "A seated body has at most 100,000 seats; above that the body's composition is treated as unknown."],
  // ── property rules (severity set by the profile) ───────────────────────
  ["CH0201", "due-process", "warning", "{detail}", "Expulsion requires notice and an appeal to someone other than the deciding body."],
  ["CH0202", "exit-guaranteed", "warning", "{detail}", "Any member may leave: no approval, no penalty, short notice, property kept, and exit entrenched."],
  ["CH0203", "exit-entrenched", "warning", "{detail}", "Only unanimity of members (or nothing) can weaken the exit clause."],
  ["CH0204", "exit-before-change", "warning", "{detail}", "Amendments take effect no sooner than a member could leave."],
  ["CH0205", "consent-based", "warning", "{detail}", "Jurisdiction is personal and membership requires explicit consent."],
  ["CH0206", "concurrent-membership", "warning", "{detail}", "Members may belong to other communities at the same time."],
  ["CH0207", "group-secession", "warning", "{detail}", "A territorial charter lets a group of members secede."],
  ["CH0208", "amendment-stricter", "warning", "{detail}", "Changing the charter is never easier than taking an ordinary decision."],
  ["CH0209", "accountable-bodies", "warning", "{detail}", "Every seated body can be recalled, and no body selects or recalls itself."],
  ["CH0210", "decision-sound", "error", "{detail}", "Quorums in range, vote thresholds above one half, references resolved."],
  ["CH0211", "dispute-resolution", "warning", "{detail}", "The charter says who resolves disputes."],
  ["CH0212", "federation-withdrawal", "warning", "{detail}", "A member community may withdraw unilaterally with bounded notice."],
  ["CH0213", "federation-subsidiarity", "warning", "{detail}", "A federation's powers are only those its members delegated."],
  ["CH0214", "federation-requirements", "warning", "{detail}", "Each member charter satisfies what its federation requires."],
  // ── project, configuration, input ──────────────────────────────────────
  ["CH0302", "file-unreadable", "error", "cannot read `{path}`", "A file named on the command line does not exist or could not be read (a refused one is CH0303)."],
  ["CH0303", "file-refused", "error", "`{path}` {reason}", "A file that is outside the project root (by `..`, an absolute path or a symlink), not a regular file (a FIFO, device or folder) or larger than the limit is refused unread."],
  // ── record validation ────────────────────────────────────────────────
  ["CH0401", "records-unreadable", "error", "{detail}", "A records file that cannot be read safely: not YAML or JSON, too large, too deep, too many aliases, or a forbidden key."],
  ["CH0402", "record-invalid", "error", "{detail}", "A record that does not match the charter's records schema (docs/records.md)."],
  ["CH0403", "quorum-not-met", "error", "{detail}", "A decision adopted with fewer present than its procedure's quorum of the body."],
  ["CH0404", "threshold-not-met", "error", "{detail}", "A decision adopted without the votes its threshold requires, counted on the right base (votes cast or members)."],
  ["CH0405", "consensus-not-reached", "error", "{detail}", "A consensus decision adopted over an objection."],
  ["CH0406", "unanimity-not-reached", "error", "{detail}", "A unanimity decision adopted without every member of the body in favour."],
  ["CH0407", "amendment-entrenched", "error", "{detail}", "An amendment to a clause marked `amendable: never`."],
  ["CH0408", "amendment-too-early", "error", "{detail}", "An amendment taking effect before `amendments.delay` has passed."],
  ["CH0409", "amendment-wrong-procedure", "error", "{detail}", "An amendment adopted by a procedure other than the one that amends that clause."],
  ["CH0410", "exit-refused", "error", "{detail}", "An exit refused although the charter requires no approval, or refused without the approving procedure."],
  ["CH0411", "exit-delayed", "error", "{detail}", "An exit that took effect later than the charter's notice allows."],
  ["CH0412", "vote-counts-inconsistent", "error", "{detail}", "Vote counts that cannot be: more votes than present, more present than members."],
  ["CH0413", "exit-penalty", "error", "{detail}", "A penalty imposed on leaving when the charter says `penalty: none`."],
  ["CH0414", "notice-too-short", "error", "{detail}", "A decision taken with less advance notice than its procedure requires."],
  ["CH0415", "member-consent", "error", "{detail}", "A member admitted without the consent the charter requires."],
  ["CH0416", "unknown-record", "warning", "{detail}", "A record names a member or decision that the log does not contain."],
  ["CH0417", "charter-mismatch", "warning", "{detail}", "The records name a different charter than the one given."],
] as const satisfies readonly (readonly [string, string, Severity, string, string])[];

export type Code = (typeof table)[number][0];

export const CODES: ReadonlyMap<string, CodeInfo> = new Map(
  table.map(([code, name, severity, message, summary]) => [code, { code, name, severity, message, summary }]),
);

/** Look a code up by its code (`CH0105`) or name (`invalid-value`). */
export function findCode(key: string): CodeInfo | undefined {
  const direct = CODES.get(key.toUpperCase());
  if (direct) return direct;
  for (const info of CODES.values()) if (info.name === key) return info;
  return undefined;
}

/** The docs page of a code: rule codes (CH02xx) point at their rule's page. */
export function docsLink(code: string): string {
  const info = CODES.get(code);
  if (info && code.startsWith("CH02")) return `docs/rules/${info.name}.md`;
  return `docs/codes/${code}.md`;
}

export function formatMessage(template: string, args: Readonly<Record<string, string | number>>): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (key in args ? String(args[key]) : `{${key}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A template split once into text, key, text, …, key, text (`{key}` as in
 * formatMessage): thousands of diagnostics are made per analysis, and a
 * regular expression replace for each cost more than the rest of `diag`.
 */
const templateParts = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    const list: string[] = [];
    const re = /\{(\w+)\}/g;
    let last = 0;
    for (let m = re.exec(template); m; m = re.exec(template)) {
      list.push(template.slice(last, m.index), m[1]!);
      last = m.index + m[0].length;
    }
    list.push(template.slice(last));
    parts = list;
    // Templates come from the registry (a few hundred); a caller's own template is not kept.
    if (templateParts.size < 1000) templateParts.set(template, parts);
  }
  return parts;
}

export interface DiagnosticExtras {
  readonly severity?: Severity;
  readonly rule?: string;
  readonly help?: string;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: { readonly title: string; readonly edits: readonly TextEdit[] };
}

/** Build a diagnostic from the registry: the one way diagnostics are made. */
export function diag(
  code: Code,
  file: string,
  span: Span,
  args: Readonly<Record<string, string | number>> = {},
  extras: DiagnosticExtras = {},
): Diagnostic {
  const info = CODES.get(code)!;
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: extras.severity ?? info.severity,
    message: formatMessage(info.message, args),
    file,
    span,
  };
  if (extras.rule) d.rule = extras.rule;
  if (extras.help) d.help = extras.help;
  if (extras.related && extras.related.length > 0) d.related = extras.related;
  if (extras.fix) d.fix = extras.fix;
  return d;
}
