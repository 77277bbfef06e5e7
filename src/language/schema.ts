// The field table of §4: which fields each section takes, what kind of
// value, whether required, the default, and the documentation shown on
// hover. One table, read by the resolver (checking), the LSP (hover,
// completion, code actions) and the emitters — never duplicated.
import type { SectionKeyword } from "../ast/ast.js";

export type ValueKind =
  | "string"
  | "prose"
  | "duration"
  | "percent"
  | "threshold"
  | "decision"
  | "body"
  | "body-or-string"
  | "none-or-by"
  | "open-or-by"
  | "never-or-by"
  | "consent"
  | "concurrent"
  | "penalty"
  | "retains"
  | "members"
  | "selection"
  | "appeal"
  | "jurisdiction"
  | "ident-list"
  | "property-list"
  | "withdrawal"
  | "secession-by"
  | "assets";

export interface FieldSpec {
  readonly name: string;
  readonly kind: ValueKind;
  readonly required?: boolean;
  /** The default as written in §4 (shown on hover and in docs). */
  readonly default?: string;
  readonly doc: string;
  /** Only in a `federation` (top-level fields). */
  readonly federationOnly?: boolean;
}

export interface SectionSpec {
  readonly keyword: SectionKeyword | "charter" | "federation";
  readonly doc: string;
  readonly fields: readonly FieldSpec[];
  /** `rights`: any IDENT: STRING field is a right. */
  readonly openFields?: boolean;
}

const amendable: FieldSpec = {
  name: "amendable",
  kind: "never-or-by",
  default: "the default in `amendments`",
  doc: "How this clause may be changed: `never` entrenches it; `by DECISION` names the procedure. Overrides `amendments.by`.",
};

/** The words each value kind accepts (for completion and messages). */
export const KIND_KEYWORDS: Readonly<Record<ValueKind, readonly string[]>> = {
  string: [],
  prose: [],
  duration: ["immediately", "days", "weeks", "months", "years"],
  percent: [],
  threshold: ["majority of votes cast", "majority of members", "unanimity", "consensus", "of votes cast", "of members"],
  decision: [],
  body: [],
  "body-or-string": [],
  "none-or-by": ["none", "by"],
  "open-or-by": ["open", "by"],
  "never-or-by": ["never", "by"],
  consent: ["explicit", "by residence", "by birth"],
  concurrent: ["allowed", "forbidden"],
  penalty: ["none"],
  retains: ["property", "data", "share", "standing"],
  members: ["all members", "seats", "1 seat per member"],
  selection: ["election by", "sortition", "appointment by"],
  appeal: ["none", "to"],
  jurisdiction: ["personal", "territorial"],
  "ident-list": [],
  "property-list": [],
  withdrawal: ["unilateral", "by", "notice"],
  "secession-by": ["none"],
  assets: ["to members"],
};

/** What a value of each kind looks like, for "expects …" messages. */
export const KIND_EXPECTED: Readonly<Record<ValueKind, string>> = {
  string: 'a string such as `"…"`',
  prose: 'prose in `"""` … `"""`',
  duration: "a duration such as `30 days` or `immediately`",
  percent: "a percentage such as `20%`",
  threshold: "a threshold such as `majority of votes cast`, `2/3 of members`, `unanimity` or `consensus`",
  decision: "the name of a decision",
  body: "the name of a body",
  "body-or-string": 'the name of a body or a string such as `"an arbiter"`',
  "none-or-by": "`none` or `by DECISION`",
  "open-or-by": "`open` or `by DECISION`",
  "never-or-by": "`never` or `by DECISION`",
  consent: "`explicit`, `by residence` or `by birth`",
  concurrent: "`allowed` or `forbidden`",
  penalty: 'none or a string describing the penalty',
  retains: "a list of `property`, `data`, `share`, `standing`",
  members: "`all members`, `N seats` or `1 seat per member`",
  selection: "`election by DECISION`, `sortition` or `appointment by BODY`",
  appeal: '`none`, `to BODY` or `to "…"`',
  jurisdiction: '`personal` or `territorial "TERRITORY"`',
  "ident-list": "a comma-separated list of names",
  "property-list": "a comma-separated list of property ids",
  withdrawal: "`unilateral` or `by DECISION`, optionally followed by `, notice DURATION`",
  "secession-by": "the name of a decision, or `none`",
  assets: '`to members` or a string',
};

const topLevel: FieldSpec[] = [
  { name: "version", kind: "string", doc: "Semantic version of this charter text, e.g. `\"1.2.0\"`." },
  {
    name: "jurisdiction",
    kind: "jurisdiction",
    doc: "Whether authority rests on each member's consent (`personal`) or on residence in the named territory (`territorial \"…\"`).",
  },
  { name: "preamble", kind: "prose", doc: "Published as-is at the top of the constitution." },
  { name: "powers", kind: "ident-list", federationOnly: true, doc: "The only matters the federation may decide." },
  { name: "requires", kind: "property-list", federationOnly: true, doc: "Properties (see Properties below) every member charter must satisfy." },
];

export const SECTIONS: ReadonlyMap<SectionSpec["keyword"], SectionSpec> = new Map<SectionSpec["keyword"], SectionSpec>([
  ["charter", { keyword: "charter", doc: "A community's charter.", fields: topLevel.filter((f) => !f.federationOnly) }],
  ["federation", { keyword: "federation", doc: "A federation of communities; its members are member communities.", fields: topLevel }],
  [
    "membership",
    {
      keyword: "membership",
      doc: "Who may join and how.",
      fields: [
        { name: "eligibility", kind: "string", required: true, doc: "Who may become a member, in plain words." },
        { name: "admission", kind: "open-or-by", required: true, doc: "`open`, or `by DECISION` when someone must approve a newcomer." },
        { name: "consent", kind: "consent", default: "explicit", doc: "How a person becomes bound: `explicit` consent, `by residence` or `by birth`." },
        { name: "concurrent", kind: "concurrent", default: "allowed", doc: "Whether members may belong to other communities at the same time." },
        { name: "expulsion", kind: "none-or-by", default: "none", doc: "`none`, or `by DECISION` when members can be expelled." },
        amendable,
      ],
    },
  ],
  [
    "exit",
    {
      keyword: "exit",
      doc: "How a member leaves (in a federation: how a member community withdraws).",
      fields: [
        { name: "approval", kind: "none-or-by", required: true, doc: "`none`, or `by DECISION` when leaving needs someone's approval." },
        { name: "notice", kind: "duration", default: "0 days", doc: "Advance notice a leaving member must give." },
        { name: "penalty", kind: "penalty", default: "none", doc: "`none`, or a string describing what leaving costs." },
        { name: "retains", kind: "retains", default: "empty", doc: "What a leaving member keeps: `property`, `data`, `share`, `standing`." },
        { name: "obligations", kind: "duration", default: "0 days", doc: "How long duties survive leaving." },
        amendable,
      ],
    },
  ],
  [
    "secession",
    {
      keyword: "secession",
      doc: "A group of members (a district, a chapter) leaving together.",
      fields: [
        { name: "unit", kind: "string", doc: "The kind of group that may secede, e.g. `\"county\"`." },
        { name: "by", kind: "secession-by", required: true, doc: "The decision taken by the group's own members, or `none` (not permitted)." },
        amendable,
      ],
    },
  ],
  [
    "body",
    {
      keyword: "body",
      doc: "A decision-making body.",
      fields: [
        { name: "members", kind: "members", required: true, doc: "Composition: `all members`, `N seats`, or `1 seat per member` in a federation." },
        { name: "selection", kind: "selection", doc: "How seats are filled: `election by DECISION`, `sortition`, `appointment by BODY` (seated bodies only)." },
        { name: "term", kind: "duration", doc: "Seat term." },
        { name: "recall", kind: "none-or-by", doc: "How seat holders are removed: `by DECISION` or `none`." },
        amendable,
      ],
    },
  ],
  [
    "decision",
    {
      keyword: "decision",
      doc: "A decision procedure.",
      fields: [
        { name: "by", kind: "body", required: true, doc: "The body that decides." },
        { name: "quorum", kind: "percent", default: "no quorum", doc: "Share of the body that must take part." },
        { name: "threshold", kind: "threshold", required: true, doc: "What carries the decision: `majority of votes cast`, `2/3 of members`, `unanimity`, `consensus`, …" },
        { name: "notice", kind: "duration", doc: "Advance notice required before the decision." },
        { name: "appeal", kind: "appeal", doc: "Where a person affected may appeal: `none`, `to BODY` or `to \"…\"`." },
        amendable,
      ],
    },
  ],
  [
    "amendments",
    {
      keyword: "amendments",
      doc: "How the charter is amended.",
      fields: [
        { name: "by", kind: "decision", required: true, doc: "Default procedure for amending any clause." },
        { name: "delay", kind: "duration", default: "0 days", doc: "Time between an amendment's adoption and its effect." },
        { ...amendable, doc: "Protection of the `amendments` section itself: `never` or `by DECISION`." },
      ],
    },
  ],
  [
    "rights",
    {
      keyword: "rights",
      doc: "Rights of members, each `NAME: \"plain words\"`.",
      fields: [amendable],
      openFields: true,
    },
  ],
  [
    "disputes",
    {
      keyword: "disputes",
      doc: "Who resolves disputes.",
      fields: [
        { name: "by", kind: "body-or-string", required: true, doc: "A body, or a string naming who resolves disputes." },
        { name: "appeal", kind: "appeal", doc: "Where a party may appeal." },
        amendable,
      ],
    },
  ],
  [
    "dissolution",
    {
      keyword: "dissolution",
      doc: "How the community is dissolved.",
      fields: [
        { name: "by", kind: "decision", required: true, doc: "The decision that dissolves the community." },
        { name: "assets", kind: "assets", doc: "Where the assets go: `to members` or a string." },
        amendable,
      ],
    },
  ],
  [
    "member of",
    {
      keyword: "member of",
      doc: "A federation tie: this community is a member of the imported federation.",
      fields: [
        { name: "delegates", kind: "ident-list", default: "nothing", doc: "Powers this community hands to the federation." },
        {
          name: "withdrawal",
          kind: "withdrawal",
          required: true,
          doc: "`unilateral` or `by DECISION`, optionally `, notice DURATION`: how this community leaves the federation.",
        },
        amendable,
      ],
    },
  ],
]);

export function fieldSpec(section: SectionSpec["keyword"], name: string): FieldSpec | undefined {
  return SECTIONS.get(section)?.fields.find((f) => f.name === name);
}

/**
 * The most seats a body may have (`members: N seats`). The largest assemblies
 * in the world have a few thousand seats; above this bound the count is a
 * mistake (CH0120) and the body's composition is treated as unknown.
 */
export const MAX_SEATS = 100_000;
