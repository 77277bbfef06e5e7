// Reading field values by kind (§4). Each reader takes the field's AST value
// and either returns a typed value or reports one diagnostic and returns
// null. Readers never throw.
import type { Field, Phrase, Span, Term } from "../ast/ast.js";
import { phraseText, valueText } from "../ast/ast.js";
import { diag } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { KIND_EXPECTED, type ValueKind } from "../language/schema.js";
import { suggest } from "../text/suggest.js";
import type { Duration, Ref, Text, Threshold } from "./model.js";

export class ValueReader {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {}

  invalid(field: Field, kind: ValueKind, span?: Span, help?: string): null {
    const found = field.value ? valueText(field.value) : "";
    this.diagnostics.push(
      diag(
        "CH0105",
        this.file,
        span ?? field.value?.span ?? field.name.span,
        { field: field.name.name, expected: KIND_EXPECTED[kind], found: clip(found) },
        help ? { help } : {},
      ),
    );
    return null;
  }

  /** The single phrase of a non-list value, or null (reported) when it is a list. */
  single(field: Field, kind: ValueKind): Phrase | null {
    const v = field.value;
    if (!v || v.items.length === 0) return null;
    if (v.items.length > 1) return this.invalid(field, kind);
    return v.items[0]!;
  }

  string(field: Field, kind: ValueKind = "string"): Text | null {
    const p = this.single(field, kind);
    if (!p) return null;
    const t = p.terms[0];
    if (p.terms.length === 1 && t && (t.kind === "string" || t.kind === "prose")) return { text: t.value, span: t.span };
    return this.invalid(field, kind, p.span);
  }

  durationOf(field: Field, p: Phrase): Duration | null {
    const d = termsDuration(p.terms);
    if (d) return { days: d.days, text: d.text, span: p.span };
    let help: string | undefined;
    const [a, b] = p.terms;
    if (p.terms.length === 2 && a?.kind === "number" && b?.kind === "ident") {
      const units = a.value === 1 ? ["day", "week", "month", "year"] : ["days", "weeks", "months", "years"];
      const unit = suggest(b.name, units) ?? suggest(b.name, ["day", "days", "week", "weeks", "month", "months", "year", "years"]);
      help = unit ? `did you mean \`${a.raw} ${unit}\`?` : "units are days, weeks, months and years";
    } else if (p.terms.length === 1 && a?.kind === "number") {
      help = `add a unit, e.g. \`${a.raw} days\``;
    }
    this.diagnostics.push(diag("CH0106", this.file, p.span, { field: field.name.name, found: clip(phraseText(p)) }, help ? { help } : {}));
    return null;
  }

  duration(field: Field): Duration | null {
    const p = this.single(field, "duration");
    return p ? this.durationOf(field, p) : null;
  }

  /** A percentage in 0%–100%; above 100% is CH0107 and null, or kept with `keepOver` (a quorum that can never be met). */
  percent(field: Field, opts: { keepOver?: boolean } = {}): { value: number; percent: number; span: Span } | null {
    const p = this.single(field, "percent");
    if (!p) return null;
    const t = p.terms[0];
    if (p.terms.length !== 1 || t?.kind !== "percent") return this.invalid(field, "percent", p.span);
    if (t.value > 100) {
      this.diagnostics.push(diag("CH0107", this.file, t.span, { found: t.raw }));
      return opts.keepOver ? { value: t.value / 100, percent: t.value, span: t.span } : null;
    }
    return { value: t.value / 100, percent: t.value, span: t.span };
  }

  threshold(field: Field): Threshold | null {
    const p = this.single(field, "threshold");
    if (!p) return null;
    const text = phraseText(p);
    const span = p.span;
    const ts = p.terms;
    if (ts.length === 1 && isWord(ts[0], "unanimity")) return { kind: "unanimity", text, span };
    if (ts.length === 1 && isWord(ts[0], "consensus")) return { kind: "consensus", text, span };
    const base = readBase(ts.slice(1));
    const head = ts[0];
    if (base && head) {
      if (isWord(head, "majority")) return { kind: "share", value: 0.5, strict: true, base, text, span };
      if (head.kind === "fraction") {
        if (head.denominator > 0 && head.numerator <= head.denominator) {
          return { kind: "share", value: head.numerator / head.denominator, strict: false, base, text, span };
        }
        return this.thresholdError(text, span);
      }
      if (head.kind === "percent") {
        if (head.value <= 100) return { kind: "share", value: head.value / 100, strict: false, base, text, span };
        this.diagnostics.push(diag("CH0107", this.file, head.span, { found: head.raw }));
        return null;
      }
    }
    let help: string | undefined;
    if (ts.length === 1 && isWord(ts[0], "majority")) help = "say `majority of votes cast` or `majority of members`";
    else if (ts.length === 1 && (ts[0]?.kind === "fraction" || ts[0]?.kind === "percent")) help = `say \`${text} of votes cast\` or \`${text} of members\``;
    else if (ts.length === 1 && ts[0]?.kind === "ident") {
      const s = suggest(ts[0].name, ["unanimity", "consensus", "majority"]);
      if (s) help = `did you mean \`${s}\`?`;
    }
    return this.thresholdError(text, span, help);
  }

  private thresholdError(found: string, span: Span, help?: string): null {
    this.diagnostics.push(diag("CH0108", this.file, span, { found: clip(found) }, help ? { help } : {}));
    return null;
  }

  /** A bare name: `by: assembly`. */
  name(field: Field, kind: ValueKind): Ref | null {
    const p = this.single(field, kind);
    if (!p) return null;
    const t = p.terms[0];
    if (p.terms.length === 1 && t?.kind === "ident") return { name: t.name, span: t.span, resolved: false };
    return this.invalid(field, kind, p.span);
  }

  /** Identifier list: `delegates: defense, disputes`. */
  identList(field: Field, kind: ValueKind): { name: string; span: Span }[] {
    const out: { name: string; span: Span }[] = [];
    for (const p of field.value?.items ?? []) {
      const t = p.terms[0];
      if (p.terms.length === 1 && t?.kind === "ident") out.push({ name: t.name, span: t.span });
      else if (p.terms.length > 0) this.invalid(field, kind, p.span);
    }
    return out;
  }
}

export function isWord(t: Term | undefined, word: string): t is Term & { kind: "ident" } {
  return t !== undefined && t.kind === "ident" && t.name === word;
}

/** Matches a phrase against words; `$` matches any identifier (returned). */
export function matchWords(terms: readonly Term[], pattern: readonly string[]): (Term & { kind: "ident" })[] | null {
  if (terms.length !== pattern.length) return null;
  const captured: (Term & { kind: "ident" })[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const t = terms[i]!;
    if (t.kind !== "ident") return null;
    if (pattern[i] === "$") captured.push(t);
    else if (t.name !== pattern[i]) return null;
  }
  return captured;
}

function readBase(ts: readonly Term[]): "votes cast" | "members" | null {
  if (matchWords(ts, ["of", "votes", "cast"])) return "votes cast";
  if (matchWords(ts, ["of", "members"])) return "members";
  return null;
}

export function termsDuration(ts: readonly Term[]): { days: number; text: string } | null {
  const t = ts[0];
  if (ts.length !== 1 || !t) return null;
  if (t.kind === "duration") return { days: t.days, text: t.raw.replace(/[ \t]+/, " ") };
  if (isWord(t, "immediately")) return { days: 0, text: "immediately" };
  return null;
}

export function defaultDuration(text: string, days: number): Duration {
  return { days, text, span: null };
}

function clip(s: string): string {
  const oneLine = s.replace(/\s+/g, " ");
  return oneLine.length > 60 ? oneLine.slice(0, 57) + "…" : oneLine;
}
