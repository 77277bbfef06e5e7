// CST → AST. The parser accepts every token sequence; this pass reads the
// syntax errors off the CST's shape (a field without colon, a section without
// `}`, runs of junk tokens, …), reports each once with a registry code, and
// drops what is missing (a null name or value), never throwing.
import type {
  Comment,
  Document,
  Entry,
  Field,
  Header,
  Import,
  Name,
  Phrase,
  Section,
  SectionKeyword,
  Span,
  Term,
  Value,
} from "../ast/ast.js";
import { SECTION_KEYWORDS } from "../ast/ast.js";
import { suggest } from "../text/suggest.js";
import { diag, type Code, type DiagnosticExtras } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { CodeCounter } from "../diagnostics/cap.js";
import {
  SECTION_KEYWORD_IMAGES,
  isLineComment,
  tokenKind,
  type CstEntry,
  type CstField,
  type CstImport,
  type CstJunk,
  type CstPhrase,
  type CstSection,
  type SyntaxResult,
  type SyntaxToken,
} from "../syntax/index.js";
import { decodeDuration, decodeString, dedentProse } from "./decode.js";

export { MAX_DIAGNOSTICS_PER_CODE } from "../diagnostics/cap.js";

function start(t: SyntaxToken): number {
  return t.startOffset;
}
function end(t: SyntaxToken): number {
  return t.startOffset + t.image.length;
}
function span(t: SyntaxToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}
function between(a: SyntaxToken, b: SyntaxToken): Span {
  return { start: a.startOffset, end: b.startOffset + b.image.length };
}
function after(t: SyntaxToken): Span {
  const e = end(t);
  return { start: e, end: e };
}

/** How a token is named in "unexpected …" messages. */
export function describeToken(t: SyntaxToken): string {
  const kind = tokenKind(t);
  if (kind === "string") return "string";
  if (kind === "prose") return "prose block";
  const img = t.image.length > 40 ? t.image.slice(0, 40) + "…" : t.image;
  if (kind === "number") return `number \`${img}\``;
  return `\`${img}\``;
}

function describeChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  if (cp === undefined) return "";
  const isLoneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
  if (cp < 0x20 || cp === 0x7f || isLoneSurrogate || (cp >= 0x80 && cp < 0xa0)) {
    return "\\u" + cp.toString(16).toUpperCase().padStart(4, "0");
  }
  return String.fromCodePoint(cp);
}

class Lowerer {
  readonly diagnostics: Diagnostic[] = [];
  /** The per-code cap (src/diagnostics/cap.ts), applied as reports are made: dropped ones are never built. */
  private readonly counter = new CodeCounter();

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  report(code: Code, at: Span, args: Readonly<Record<string, string | number>> = {}, extras?: DiagnosticExtras): void {
    if (!this.counter.take(code)) {
      this.counter.dropped(code, () => diag(code, this.file, at, args, extras));
      return;
    }
    this.diagnostics.push(diag(code, this.file, at, args, extras));
  }

  document(r: SyntaxResult): Document {
    const cst = r.cst;
    for (const e of r.lexErrors) {
      this.report("CH0001", { start: e.offset, end: e.offset + e.length }, { char: describeChar(this.text, e.offset) });
    }
    // Every string and prose token is checked here, once, wherever it stands
    // (value, header, import or junk); decoding elsewhere does not report.
    for (const t of r.tokens) {
      const kind = tokenKind(t);
      if (kind === "string") this.checkString(t);
      else if (kind === "prose" && !(t.image.length >= 6 && t.image.endsWith('"""'))) this.report("CH0003", span(t));
    }
    const comments: Comment[] = [];
    for (const c of r.comments) {
      const line = isLineComment(c);
      if (!line && !(c.image.length >= 4 && c.image.endsWith("*/"))) this.report("CH0004", span(c));
      comments.push({ kind: "comment", style: line ? "line" : "block", text: c.image, span: span(c) });
    }

    if (cst.leading.length > 0) {
      const first = cst.leading[0]!;
      this.report("CH0010", between(first, cst.leading[cst.leading.length - 1]!), { token: describeToken(first) });
    }
    const imports: Import[] = [];
    for (const i of cst.imports) {
      const imp = this.import(i);
      if (imp) imports.push(imp);
    }

    let header: Header | null = null;
    if (cst.header === null) {
      const first = r.tokens[0];
      this.report("CH0011", first ? span(first) : { start: 0, end: 0 });
    } else {
      const h = cst.header;
      const kind = h.keyword.image === "federation" ? "federation" : "charter";
      let name: string | null = null;
      let nameSpan: Span | null = null;
      if (h.name === null) {
        this.report("CH0012", span(h.keyword), { what: `the ${kind}` });
      } else if (tokenKind(h.name) === "string") {
        name = this.string(h.name);
        nameSpan = span(h.name);
      } else {
        this.report("CH0012", span(h.name), { what: `the ${kind}` }, { help: `the name is a string: \`${kind} "…"\`` });
      }
      const last = h.name ?? h.keyword;
      header = { kind, keywordSpan: span(h.keyword), name, nameSpan, span: between(h.keyword, last) };
      if (cst.open === null) this.report("CH0008", after(last), { section: kind });
    }

    const entries: Entry[] = [];
    this.entries(cst.entries, entries, true);
    if (cst.open !== null && cst.close === null) {
      const last = lastTokenOfEntries(cst.entries) ?? cst.open;
      this.report(
        "CH0009",
        after(last),
        { section: header?.kind ?? "charter" },
        {
          related: [{ file: this.file, span: span(cst.open), message: "opened here" }],
          fix: { title: "insert `}`", edits: [{ file: this.file, span: after(last), newText: "\n}" }] },
        },
      );
    }
    if (cst.trailing.length > 0) {
      const first = firstTokenOfEntry(cst.trailing[0]!);
      this.report("CH0015", span(first), { token: describeToken(first) });
      // Still lowered: after a stray `}` the later sections keep their names
      // defined (fewer cascading errors). Junk there is covered by CH0015.
      this.entries(cst.trailing, entries, false);
    }

    for (const e of r.parseErrors) {
      const t = e.token;
      const ok = t && Number.isFinite(t.startOffset) && t.image !== undefined && t.image.length > 0;
      const at = ok ? span(t) : { start: this.text.length, end: this.text.length };
      this.report("CH0010", at, { token: ok ? describeToken(t) : "end of file" });
    }

    this.diagnostics.push(...this.counter.summaries());
    this.diagnostics.sort(compareDiagnostics);
    return { kind: "document", imports, header, entries, comments, span: { start: 0, end: this.text.length } };
  }

  private import(i: CstImport): Import | null {
    const last = i.alias ?? i.as ?? i.path ?? i.keyword;
    const whole = between(i.keyword, last);
    if (i.path === null || tokenKind(i.path) !== "string") {
      this.report("CH0013", whole);
      return null;
    }
    const path = this.string(i.path);
    let alias: Name | null = null;
    if (i.alias === null) this.report("CH0013", whole);
    else alias = { name: i.alias.image, span: span(i.alias) };
    return { kind: "import", path, pathSpan: span(i.path), alias, span: whole };
  }

  /** Lower a list of entries or section items, reporting each run of junk once. */
  private entries(list: readonly (CstEntry | CstJunk)[], out: Entry[], reportJunk: boolean): void {
    let runStart: SyntaxToken | null = null;
    let runEnd: SyntaxToken | null = null;
    const flush = () => {
      if (runStart !== null && runEnd !== null && reportJunk) {
        this.report("CH0010", between(runStart, runEnd), { token: describeToken(runStart) });
      }
      runStart = runEnd = null;
    };
    for (const e of list) {
      if (e.kind === "junk") {
        if (runStart === null) runStart = e.tokens[0]!;
        runEnd = e.tokens[e.tokens.length - 1]!;
        continue;
      }
      flush();
      if (e.kind === "field") out.push(this.field(e));
      else if (isKnownSection(e)) out.push(this.section(e));
      else this.unknownSection(e);
    }
    flush();
  }

  private section(s: CstSection): Section {
    const keyword: SectionKeyword = s.of !== null ? "member of" : (s.keyword.image as SectionKeyword);
    const keywordSpan = between(s.keyword, s.of ?? s.keyword);
    const named = keyword === "body" || keyword === "decision" || keyword === "member of";
    let name: Name | null = null;
    if (s.name !== null) {
      if (named) name = { name: s.name.image, span: span(s.name) };
      else this.report("CH0010", span(s.name), { token: describeToken(s.name) }, { help: `\`${keyword}\` takes no name` });
    } else if (named) {
      this.report("CH0012", keywordSpan, { what: `\`${keyword}\`` });
    }
    const label = name ? `${keyword} ${name.name}` : keyword;
    if (s.open === null) this.report("CH0008", after(s.name ?? s.of ?? s.keyword), { section: label });

    const fields: Entry[] = [];
    this.entries(s.items, fields, true);

    const last = this.checkClosed(s, label);
    return {
      kind: "section",
      keyword,
      keywordSpan,
      name,
      fields: fields as Field[],
      span: between(s.keyword, last),
      bodySpan: s.open !== null ? between(s.open, last) : null,
    };
  }

  /**
   * A section whose keyword is no section keyword (`exitt {`, `bodyy council
   * {`): one CH0019 with the closest keyword, and nothing of it in the AST.
   * Its fields are lowered only for their syntax errors (a missing colon, a
   * stray token); unknown-field checks never see them.
   */
  private unknownSection(s: CstSection): void {
    const name = s.keyword.image;
    const like = suggest(name, SECTION_KEYWORDS);
    const at = span(s.keyword);
    this.report(
      "CH0019",
      at,
      { name, hint: like ? ` (did you mean \`${like}\`?)` : "" },
      like ? { fix: { title: `Change to \`${like}\``, edits: [{ file: this.file, span: at, newText: like }] } } : { help: `the sections are ${SECTION_LIST}` },
    );
    this.entries(s.items, [], true);
    this.checkClosed(s, name);
  }

  /** CH0009 for a section opened and not closed; returns the section's last token. */
  private checkClosed(s: CstSection, label: string): SyntaxToken {
    const last = lastTokenOfSection(s);
    if (s.open !== null && s.close === null) {
      this.report(
        "CH0009",
        after(last),
        { section: label },
        {
          related: [{ file: this.file, span: span(s.open), message: "opened here" }],
          fix: { title: "insert `}`", edits: [{ file: this.file, span: after(last), newText: " }" }] },
        },
      );
    }
    return last;
  }

  private field(f: CstField): Field {
    const name: Name = { name: f.name.image, span: span(f.name) };
    if (f.colon === null) {
      const fix = { title: "insert `:`", edits: [{ file: this.file, span: after(f.name), newText: ":" }] };
      // Newlines do not end a value (§3); say why this line was still read as a new field.
      const help = f.startsLine
        ? `read as a new field: \`${f.name.image}\` starts a line, names a field of this section and cannot continue the value before it (a line break alone does not end a value)`
        : undefined;
      this.report("CH0006", span(f.name), { name: f.name.image }, help ? { fix, help } : { fix });
    }
    if (f.stray.length > 0) {
      this.report("CH0010", between(f.stray[0]!, f.stray[f.stray.length - 1]!), { token: describeToken(f.stray[0]!) });
    }
    let value: Value | null = null;
    if (f.value === null) {
      if (f.colon !== null) {
        const last = f.stray.length > 0 ? f.stray[f.stray.length - 1]! : f.colon;
        this.report("CH0007", between(f.name, last), { name: f.name.image });
      }
    } else {
      const { phrases, commas } = f.value;
      const items: Phrase[] = [];
      for (let i = 0; i < phrases.length; i++) {
        const p = phrases[i]!;
        if (p.length === 0) {
          const comma = commas[i] ?? commas[i - 1]!;
          this.report("CH0014", span(comma));
        } else {
          items.push(this.phrase(p));
        }
      }
      if (items.length > 0) {
        const first = phrases[0]!.length > 0 ? phrases[0]![0]! : commas[0]!;
        const lastPhrase = phrases[phrases.length - 1]!;
        const last = lastPhrase.length > 0 ? lastPhrase[lastPhrase.length - 1]! : commas[commas.length - 1]!;
        value = { kind: "value", items, span: between(first, last) };
      }
    }
    return { kind: "field", name, value, span: between(f.name, lastTokenOfField(f)) };
  }

  private phrase(p: CstPhrase): Phrase {
    const terms: Term[] = new Array(p.length);
    for (let i = 0; i < p.length; i++) terms[i] = this.term(p[i]!);
    return { kind: "phrase", terms, span: between(p[0]!, p[p.length - 1]!) };
  }

  private term(t: SyntaxToken): Term {
    const sp = span(t);
    const raw = t.image;
    switch (tokenKind(t)) {
      case "ident":
        return { kind: "ident", name: raw, span: sp };
      case "string":
        return { kind: "string", value: this.string(t), raw, span: sp };
      case "prose": {
        const d = dedentProse(raw);
        return { kind: "prose", value: d.value, raw, span: sp };
      }
      case "number":
        return { kind: "number", value: Number(raw), raw, span: sp };
      case "percent":
        return { kind: "percent", value: Number(raw.slice(0, -1)), raw, span: sp };
      case "fraction": {
        const slash = raw.indexOf("/");
        return {
          kind: "fraction",
          numerator: Number(raw.slice(0, slash)),
          denominator: Number(raw.slice(slash + 1)),
          raw,
          span: sp,
        };
      }
      case "duration": {
        const d = decodeDuration(raw);
        return { kind: "duration", amount: d.amount, unit: d.unit, days: d.days, raw, span: sp };
      }
      default:
        // Not reachable: the grammar only makes terms of the kinds above.
        return { kind: "ident", name: raw, span: sp };
    }
  }

  /** Decode a STRING token (its errors are reported by `checkString`). */
  private string(t: SyntaxToken): string {
    return decodeString(t.image).value;
  }

  /** Report CH0002/CH0005 for a STRING token. */
  private checkString(t: SyntaxToken): void {
    const img = t.image;
    // Fast path: a closed string without backslashes.
    if (img.length >= 2 && img.charCodeAt(img.length - 1) === 34 && img.indexOf("\\") < 0) return;
    const d = decodeString(img);
    if (!d.terminated) this.report("CH0002", span(t));
    for (const b of d.badEscapes) {
      const s = t.startOffset + b.at;
      this.report("CH0005", { start: s, end: s + b.text.length }, { escape: b.text });
    }
  }
}

/** The keywords as the CH0019 help lists them. */
const SECTION_LIST = SECTION_KEYWORDS.map((k) => (k === "body" || k === "decision" || k === "member of" ? `\`${k} NAME\`` : `\`${k}\``)).join(", ");

/** A section with one of §3's keywords (`member` only as `member of`). */
function isKnownSection(s: CstSection): boolean {
  return s.of !== null || SECTION_KEYWORD_IMAGES.has(s.keyword.image);
}

function lastTokenOfField(f: CstField): SyntaxToken {
  if (f.value !== null) {
    const { phrases, commas } = f.value;
    const lastPhrase = phrases[phrases.length - 1]!;
    if (lastPhrase.length > 0) return lastPhrase[lastPhrase.length - 1]!;
    if (commas.length > 0) return commas[commas.length - 1]!;
  }
  if (f.stray.length > 0) return f.stray[f.stray.length - 1]!;
  return f.colon ?? f.name;
}

function lastTokenOfItem(e: CstEntry): SyntaxToken {
  switch (e.kind) {
    case "junk":
      return e.tokens[e.tokens.length - 1]!;
    case "field":
      return lastTokenOfField(e);
    case "section":
      return lastTokenOfSection(e);
  }
}

function lastTokenOfSection(s: CstSection): SyntaxToken {
  if (s.close !== null) return s.close;
  if (s.items.length > 0) return lastTokenOfItem(s.items[s.items.length - 1]!);
  return s.open ?? s.name ?? s.of ?? s.keyword;
}

function lastTokenOfEntries(list: readonly CstEntry[]): SyntaxToken | null {
  return list.length > 0 ? lastTokenOfItem(list[list.length - 1]!) : null;
}

function firstTokenOfEntry(e: CstEntry): SyntaxToken {
  switch (e.kind) {
    case "junk":
      return e.tokens[0]!;
    case "field":
      return e.name;
    case "section":
      return e.keyword;
  }
}

export function lowerDocument(text: string, file: string, syntax: SyntaxResult): { ast: Document; diagnostics: Diagnostic[] } {
  const l = new Lowerer(text, file);
  const ast = l.document(syntax);
  return { ast, diagnostics: l.diagnostics };
}
