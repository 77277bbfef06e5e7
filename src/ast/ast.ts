// The charter AST: plain tagged unions with source spans.
//
// Produced by `src/lower/` from the chevrotain CST; every later stage works
// on these types only (never on chevrotain's). Spans are UTF-16 offsets into
// the file's text, end exclusive; `src/text/line-index.ts` turns them into
// 1-based lines and columns for people.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Comment {
  readonly kind: "comment";
  readonly style: "line" | "block";
  /** The comment exactly as written, delimiters included. */
  readonly text: string;
  readonly span: Span;
}

export type Term =
  | { readonly kind: "string"; readonly value: string; readonly raw: string; readonly span: Span }
  | {
      readonly kind: "prose";
      /** Text with the common leading indentation removed (see §2). */
      readonly value: string;
      readonly raw: string;
      readonly span: Span;
    }
  | { readonly kind: "number"; readonly value: number; readonly raw: string; readonly span: Span }
  | {
      readonly kind: "percent";
      /** The number as written: `25%` → 25. */
      readonly value: number;
      readonly raw: string;
      readonly span: Span;
    }
  | {
      readonly kind: "fraction";
      readonly numerator: number;
      readonly denominator: number;
      readonly raw: string;
      readonly span: Span;
    }
  | {
      readonly kind: "duration";
      readonly amount: number;
      readonly unit: DurationUnit;
      /** Length in days for comparisons (months 30, years 365). */
      readonly days: number;
      readonly raw: string;
      readonly span: Span;
    }
  | { readonly kind: "ident"; readonly name: string; readonly span: Span };

export type DurationUnit = "day" | "week" | "month" | "year";

/** A run of terms: `majority of votes cast`. */
export interface Phrase {
  readonly kind: "phrase";
  readonly terms: readonly Term[];
  readonly span: Span;
}

/** A field's value: one phrase, or a comma-separated list of phrases. */
export interface Value {
  readonly kind: "value";
  readonly items: readonly Phrase[];
  readonly span: Span;
}

export interface Name {
  readonly name: string;
  readonly span: Span;
}

export interface Field {
  readonly kind: "field";
  readonly name: Name;
  /** Null when the value is missing (a diagnostic was reported). */
  readonly value: Value | null;
  readonly span: Span;
}

export type SectionKeyword =
  | "membership"
  | "exit"
  | "secession"
  | "body"
  | "decision"
  | "amendments"
  | "rights"
  | "disputes"
  | "dissolution"
  | "member of";

export interface Section {
  readonly kind: "section";
  readonly keyword: SectionKeyword;
  readonly keywordSpan: Span;
  /** `body NAME`, `decision NAME`, `member of NAME`; null for the others or when missing. */
  readonly name: Name | null;
  readonly fields: readonly Field[];
  /** From the keyword to the closing brace (or the last token when it is missing). */
  readonly span: Span;
  /** Span of `{` … `}` (body only), used by the formatter and folding. */
  readonly bodySpan: Span | null;
}

export type Entry = Field | Section;

export interface Import {
  readonly kind: "import";
  readonly path: string;
  readonly pathSpan: Span;
  readonly alias: Name | null;
  readonly span: Span;
}

export interface Header {
  readonly kind: "charter" | "federation";
  readonly keywordSpan: Span;
  readonly name: string | null;
  readonly nameSpan: Span | null;
  readonly span: Span;
}

export interface Document {
  readonly kind: "document";
  readonly imports: readonly Import[];
  /** Null when the file has no `charter`/`federation` header. */
  readonly header: Header | null;
  readonly entries: readonly Entry[];
  /** Every comment in source order (the formatter attaches them). */
  readonly comments: readonly Comment[];
  readonly span: Span;
}

export const SECTION_KEYWORDS: readonly SectionKeyword[] = [
  "membership",
  "exit",
  "secession",
  "body",
  "decision",
  "amendments",
  "rights",
  "disputes",
  "dissolution",
  "member of",
];

/** Sections that take a name (`body NAME`, `decision NAME`, `member of NAME`). */
export const NAMED_SECTIONS: ReadonlySet<SectionKeyword> = new Set(["body", "decision", "member of"]);

export function phraseText(p: Phrase): string {
  return p.terms.map(termText).join(" ");
}

export function termText(t: Term): string {
  switch (t.kind) {
    case "ident":
      return t.name;
    case "string":
    case "prose":
      return t.value;
    default:
      return t.raw;
  }
}

export function valueText(v: Value): string {
  return v.items.map(phraseText).join(", ");
}
