// The charter parser: a TOTAL, NON-RECURSIVE chevrotain grammar.
//
// Every token sequence parses. No rule calls itself, directly or not, so
// nesting depth is bounded (100,000 `{` are just a run of junk tokens) and
// the stack cannot overflow. Every decision is LL(1) on token types plus a
// GATE that looks at images (keywords are not reserved) and at line starts;
// each CONSUME is only reached when its token is known to be there, so
// chevrotain's automatic recovery never fires on any input we know of (it
// stays enabled as a safety net, and any error it reports becomes CH0010).
// Syntax errors are found afterwards, deterministically, from the shape of
// the CST (see `src/lower/`).
//
// Grammar (see grammar/charter.ebnf, which a test keeps in sync):
//   document = { ANY } { import } [ header ] [ "{" ] { entry } [ "}" ] { entry }
//   import   = "import" [ STRING ] [ "as" [ IDENT ] ]
//   header   = ( "charter" | "federation" ) [ name ]
//   entry    = section | field | junk
//   section  = keyword [ "of" ] [ IDENT ] [ "{" ] { field | junk } [ "}" ]
//              (keyword: a section keyword, or any IDENT before `{` / `IDENT {`)
//   field    = IDENT [ ":" ] { ":" } [ value ]
//   value    = [ phrase ] { "," [ phrase ] }
//   phrase   = term { term }
//   term     = STRING | PROSE | NUMBER | PERCENT | FRACTION | DURATION | IDENT
//   junk     = any token
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import {
  AnyToken,
  Colon,
  Comma,
  Duration,
  Fraction,
  Ident,
  LCurly,
  NumberLit,
  Percent,
  Prose,
  RCurly,
  StringLit,
  TermToken,
  parserTokens,
} from "./lexer.js";
import type {
  CstDocument,
  CstEntry,
  CstField,
  CstHeader,
  CstImport,
  CstJunk,
  CstPhrase,
  CstSection,
  CstValue,
  SyntaxToken,
} from "./cst.js";
import { emptyDocument } from "./cst.js";
import { SECTION_KEYWORDS } from "../ast/ast.js";
import { KIND_KEYWORDS, SECTIONS, fieldSpec, type SectionSpec } from "../language/schema.js";

/** Section keywords other than `member` (which needs `of`), from the AST's one list. */
export const SECTION_KEYWORD_IMAGES: ReadonlySet<string> = new Set(SECTION_KEYWORDS.filter((k) => k !== "member of"));
/** Sections that take a name. */
const NAMED_IMAGES: ReadonlySet<string> = new Set(["body", "decision"]);

/** Shared by every empty list item (`a, , b`): no allocation per comma. */
const EMPTY_PHRASE: CstPhrase = Object.freeze([]) as unknown as CstPhrase;

type SectionName = SectionSpec["keyword"];

/** Field names each section knows (§4), built on first use; `null` for `rights`, where any name is a field. */
let knownFields: Map<string, ReadonlySet<string> | null> | null = null;
function sectionKnows(section: string, name: string): boolean {
  if (knownFields === null) {
    knownFields = new Map();
    for (const [k, spec] of SECTIONS) knownFields.set(k, spec.openFields ? null : new Set(spec.fields.map((f) => f.name)));
  }
  if (!knownFields.has(section)) return false;
  const names = knownFields.get(section)!;
  return names === null || names.has(name);
}

/** Words that may stand inside a value of each kind (`by`, `members`, `of`, …), from the schema's keyword lists. */
let kindWords: Map<string, ReadonlySet<string>> | null = null;
function kindTakesWord(section: string, field: string, word: string): boolean {
  const kind = fieldSpec(section as SectionName, field)?.kind;
  if (kind === undefined) return false;
  if (kindWords === null) {
    kindWords = new Map();
    for (const [k, phrases] of Object.entries(KIND_KEYWORDS)) kindWords.set(k, new Set(phrases.flatMap((p) => p.split(" "))));
  }
  return kindWords.get(kind)?.has(word) ?? false;
}

const TERM_TYPES: ReadonlySet<TokenType> = new Set([StringLit, Prose, NumberLit, Percent, Fraction, Duration, Ident]);

// The bundle (scripts/build.mjs) defines CHARTERC_BUNDLED: the grammar was validated by the tests.
const production = typeof process !== "undefined" && (process.env.CHARTERC_BUNDLED === "1" || process.env.NODE_ENV === "production");

class CharterParser extends EmbeddedActionsParser {
  constructor() {
    super(parserTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      skipValidations: production || process.env?.CHARTERC_SKIP_VALIDATIONS === "1",
    });
    this.performSelfAnalysis();
  }

  // ── lookahead predicates (used only in GATEs, never during recording) ──

  private isTerm(t: IToken): boolean {
    return TERM_TYPES.has(t.tokenType);
  }

  /** `member of` at LA(1). */
  private atMemberOf(): boolean {
    const t1 = this.LA(1);
    if (t1.tokenType !== Ident || t1.image !== "member") return false;
    const t2 = this.LA(2);
    return t2.tokenType === Ident && t2.image === "of";
  }

  /**
   * A section certainly starts here: `KEYWORD {`, `body|decision IDENT {`, or
   * `member of`; or an unknown section (a misspelled keyword) that begins a
   * line: `IDENT {` or `IDENT IDENT {`. Field and value loops stop at it, so
   * a missing `}` does not swallow the following sections, and `exitt {`
   * after a value is not glued onto it.
   */
  private atSectionStart(): boolean {
    const t1 = this.LA(1);
    if (t1.tokenType !== Ident) return false;
    if (t1.image === "member" && this.atMemberOf()) return true;
    if (!SECTION_KEYWORD_IMAGES.has(t1.image)) return (t1 as SyntaxToken).nl === true && this.atUnknownSection();
    const t2 = this.LA(2);
    if (t2.tokenType === LCurly) return true;
    return NAMED_IMAGES.has(t1.image) && t2.tokenType === Ident && this.LA(3).tokenType === LCurly;
  }

  /**
   * An IDENT that is no section keyword, with a section's shape after it:
   * `IDENT {` or `IDENT IDENT {`. No field is followed by `{`, so this is a
   * section with a misspelled keyword (`exitt {`, `bodyy council {`):
   * lowering reports it once (CH0019) and its fields are not checked. In
   * `IDENT KEYWORD {` the keyword starts the section (the IDENT ends a value,
   * as in `retains: property, data` + `exit {` on the next line).
   */
  private atUnknownSection(): boolean {
    const t2 = this.LA(2);
    if (t2.tokenType === LCurly) return true;
    return t2.tokenType === Ident && this.LA(3).tokenType === LCurly && !SECTION_KEYWORD_IMAGES.has(t2.image);
  }

  /**
   * Where an entry is expected: a section keyword not followed by `:` starts
   * a section, and so does an unknown section (`IDENT {`, `IDENT IDENT {`).
   */
  private atSectionEntry(): boolean {
    const t1 = this.LA(1);
    if (t1.tokenType !== Ident) return false;
    if (t1.image === "member" && this.atMemberOf()) return true;
    if (SECTION_KEYWORD_IMAGES.has(t1.image)) return this.LA(2).tokenType !== Colon;
    return this.atUnknownSection();
  }

  /** LA(1) can start a phrase: a term that is not `IDENT :` nor a section start. */
  private atPhraseStart(): boolean {
    const t1 = this.LA(1);
    if (!TERM_TYPES.has(t1.tokenType)) return false;
    if (t1.tokenType !== Ident) return true;
    if (this.LA(2).tokenType === Colon) return false;
    return !this.atSectionStart();
  }

  /**
   * LA(1) continues the current phrase. Newlines are not significant (§3):
   * `threshold: 2/3` with `of votes cast` on the next line is one value. The
   * one exception is the recovery for a forgotten colon: an IDENT that starts
   * a line, is followed on that line by a term, is a field the section knows
   * (§4), and cannot stand inside a value of the current field (it is none of
   * the words that field's kind takes), so gluing it on would make the value
   * invalid — it starts a new field instead (CH0006, which says why).
   */
  private atPhraseContinuation(): boolean {
    if (!this.atPhraseStart()) return false;
    const t1 = this.LA(1) as SyntaxToken;
    if (t1.tokenType === Ident && t1.nl === true) {
      const t2 = this.LA(2) as SyntaxToken;
      if (t2.nl !== true && this.isTerm(t2) && this.startsFieldHere(t1)) {
        this.splitAt = t1;
        return false;
      }
    }
    return true;
  }

  private startsFieldHere(t1: SyntaxToken): boolean {
    const section = this.ctxSection;
    if (!sectionKnows(section, t1.image)) return false;
    return !kindTakesWord(section, this.curField.name.image, t1.image);
  }

  /** The section whose fields are being parsed (`charter`/`federation` at the top level). */
  private ctxSection = "charter";
  private topSection = "charter";
  /** The token where the forgotten-colon recovery last started a field. */
  private splitAt: SyntaxToken | null = null;

  // ── rules ──────────────────────────────────────────────────────────────

  public document = this.RULE("document", (): CstDocument => {
    const doc = emptyDocument();
    this.ACTION(() => {
      this.root = doc;
    });
    // Stray tokens before the imports and header (not an IDENT, not `{`).
    this.MANY4({
      GATE: () => {
        const t = this.LA(1).tokenType;
        return t !== Ident && t !== LCurly;
      },
      DEF: () => {
        doc.leading.push(this.CONSUME(AnyToken));
      },
    });
    this.MANY({
      GATE: () => this.LA(1).image === "import",
      DEF: () => {
        const imp = this.SUBRULE(this.import);
        doc.imports.push(imp);
      },
    });
    this.OPTION({
      GATE: () => {
        const img = this.LA(1).image;
        return img === "charter" || img === "federation";
      },
      DEF: () => {
        doc.header = this.SUBRULE(this.header);
        this.ACTION(() => {
          this.topSection = doc.header!.keyword.image === "federation" ? "federation" : "charter";
        });
      },
    });
    this.OPTION2(() => {
      doc.open = this.CONSUME(LCurly);
    });
    this.MANY2({
      GATE: () => this.LA(1).tokenType !== RCurly,
      DEF: () => {
        doc.entries.push(this.SUBRULE(this.entry, { ARGS: [false] }));
      },
    });
    this.OPTION3(() => {
      doc.close = this.CONSUME(RCurly);
    });
    this.MANY3(() => {
      doc.trailing.push(this.SUBRULE2(this.entry, { ARGS: [true] }));
    });
    return doc;
  });

  public import = this.RULE("import", (): CstImport => {
    const keyword = this.CONSUME(Ident);
    const imp: CstImport = { kind: "import", keyword, path: null, as: null, alias: null };
    this.OPTION(() => {
      imp.path = this.CONSUME(StringLit);
    });
    this.OPTION2({
      GATE: () => this.LA(1).image === "as",
      DEF: () => {
        imp.as = this.CONSUME2(Ident);
        this.OPTION3({
          GATE: () => {
            const t1 = this.LA(1);
            if (t1.tokenType !== Ident || t1.image === "import") return false;
            // `import "x" as` + `charter "Name"`: the alias is missing.
            return !((t1.image === "charter" || t1.image === "federation") && this.LA(2).tokenType !== Ident);
          },
          DEF: () => {
            imp.alias = this.CONSUME3(Ident);
          },
        });
      },
    });
    return imp;
  });

  public header = this.RULE("header", (): CstHeader => {
    const keyword = this.CONSUME(Ident);
    const h: CstHeader = { kind: "header", keyword, name: null };
    this.OPTION({
      // A string normally; a prose block, number or identifier directly
      // before `{` is taken as a (malformed) name too.
      GATE: () => {
        const t1 = this.LA(1);
        return t1.tokenType === StringLit || (this.isTerm(t1) && this.LA(2).tokenType === LCurly);
      },
      DEF: () => {
        h.name = this.SUBRULE(this.term);
      },
    });
    return h;
  });

  // The hot rules (entry, section, field, value, phrase) keep their state in
  // instance fields and use option objects created once, instead of
  // allocating closures at every call: about a third faster on large files.
  // None of them re-enters itself, so one slot per rule is enough.
  private trailingMode = false;
  private curSection: CstSection = null as unknown as CstSection;
  private curField: CstField = null as unknown as CstField;
  private curValue: CstValue = null as unknown as CstValue;
  private curPhrase: CstPhrase = EMPTY_PHRASE;
  private curTerms: CstPhrase = [];

  private readonly entryAlts = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { GATE: () => this.atSectionEntry(), ALT: () => this.SUBRULE(this.section) as CstEntry },
      { ALT: () => this.SUBRULE(this.field) as CstEntry },
      {
        GATE: () => this.trailingMode || this.LA(1).tokenType !== RCurly,
        ALT: () => this.SUBRULE(this.junk, { ARGS: [this.trailingMode] }) as CstEntry,
      },
    ],
  };

  public entry = this.RULE("entry", (trailing: boolean): CstEntry => {
    this.trailingMode = trailing === true;
    this.ctxSection = this.topSection;
    return this.OR(this.entryAlts);
  });

  private readonly sectionOf = {
    GATE: () => this.curSection.keyword.image === "member" && this.LA(1).image === "of",
    DEF: () => {
      this.curSection.of = this.CONSUME2(Ident);
    },
  };
  private readonly sectionName = {
    GATE: () => {
      if (this.LA(2).tokenType === LCurly) return true;
      const s = this.curSection;
      const named = s.of !== null || NAMED_IMAGES.has(s.keyword.image);
      return named && this.LA(2).tokenType !== Colon && !this.atSectionStart();
    },
    DEF: () => {
      this.curSection.name = this.CONSUME3(Ident);
    },
  };
  private readonly sectionOpen = () => {
    this.curSection.open = this.CONSUME(LCurly);
  };
  private readonly sectionItemAlts = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        ALT: () => {
          const f = this.SUBRULE(this.field);
          this.curSection.items.push(f);
        },
      },
      {
        ALT: () => {
          const j = this.SUBRULE(this.junk, { ARGS: [false] });
          this.curSection.items.push(j);
        },
      },
    ],
  };
  private readonly sectionItems = {
    GATE: () => this.LA(1).tokenType !== RCurly && !this.atSectionStart(),
    DEF: () => {
      this.OR(this.sectionItemAlts);
    },
  };
  private readonly sectionClose = () => {
    this.curSection.close = this.CONSUME(RCurly);
  };

  public section = this.RULE("section", (): CstSection => {
    const keyword = this.CONSUME(Ident);
    const s: CstSection = { kind: "section", keyword, of: null, name: null, open: null, items: [], close: null };
    this.curSection = s;
    this.OPTION(this.sectionOf);
    this.ACTION(() => {
      this.ctxSection = s.of !== null ? "member of" : keyword.image;
    });
    this.OPTION2(this.sectionName);
    this.OPTION3(this.sectionOpen);
    this.MANY(this.sectionItems);
    this.OPTION4(this.sectionClose);
    return s;
  });

  private readonly fieldColon = () => {
    this.curField.colon = this.CONSUME(Colon);
  };
  /** `a: : b` — extra colons are kept as stray tokens (CH0010), the value still parses. */
  private readonly fieldStray = {
    GATE: () => this.LA(1).tokenType === Colon,
    DEF: () => {
      this.curField.stray.push(this.CONSUME2(Colon));
    },
  };
  private readonly fieldValue = {
    GATE: () => this.LA(1).tokenType === Comma || this.atPhraseStart(),
    DEF: () => {
      const f = this.curField;
      f.value = this.SUBRULE(this.value);
    },
  };

  public field = this.RULE("field", (): CstField => {
    const name = this.CONSUME(Ident);
    const f: CstField = { kind: "field", name, colon: null, stray: [], value: null };
    this.ACTION(() => {
      if (this.splitAt === name) {
        f.startsLine = true;
        this.splitAt = null;
      }
    });
    this.curField = f;
    this.OPTION(this.fieldColon);
    this.MANY(this.fieldStray);
    this.OPTION2(this.fieldValue);
    return f;
  });

  private readonly valueFirst = {
    GATE: () => this.atPhraseStart(),
    DEF: () => {
      this.curPhrase = this.SUBRULE(this.phrase);
    },
  };
  private readonly valueNext = {
    GATE: () => this.atPhraseStart(),
    DEF: () => {
      this.curPhrase = this.SUBRULE2(this.phrase);
    },
  };
  private readonly valueItems = () => {
    const comma = this.CONSUME(Comma);
    const v = this.curValue;
    v.phrases.push(this.curPhrase);
    v.commas.push(comma);
    this.curPhrase = EMPTY_PHRASE;
    this.OPTION2(this.valueNext);
  };

  public value = this.RULE("value", (): CstValue => {
    const v: CstValue = { kind: "value", phrases: [], commas: [] };
    this.curValue = v;
    this.curPhrase = EMPTY_PHRASE;
    this.OPTION(this.valueFirst);
    this.MANY(this.valueItems);
    v.phrases.push(this.curPhrase);
    return v;
  });

  private readonly phraseMore = {
    GATE: () => this.atPhraseContinuation(),
    DEF: () => {
      this.curTerms.push(this.CONSUME2(TermToken));
    },
  };

  /** phrase = term { term } (the terms are consumed directly: TERM is their category). */
  public phrase = this.RULE("phrase", (): CstPhrase => {
    const terms: CstPhrase = [this.CONSUME(TermToken)];
    this.curTerms = terms;
    this.MANY(this.phraseMore);
    return terms;
  });

  /** TERM is the category of STRING PROSE NUMBER PERCENT FRACTION DURATION IDENT. */
  public term = this.RULE("term", (): SyntaxToken => this.CONSUME(TermToken));

  private readonly junkMore = {
    // A run of junk ends where an entry (IDENT) may start, and at `}` unless
    // after the charter's end.
    GATE: () => {
      const t = this.LA(1).tokenType;
      return t !== Ident && (this.junkAllowsClose || t !== RCurly);
    },
    DEF: () => {
      this.curJunk.push(this.CONSUME2(AnyToken));
    },
  };
  private junkAllowsClose = false;
  private curJunk: SyntaxToken[] = [];

  /** A run of tokens that fit nowhere (reported once per run by lowering). */
  public junk = this.RULE("junk", (allowClose: boolean): CstJunk => {
    const tokens = [this.CONSUME(AnyToken)];
    this.junkAllowsClose = allowClose === true;
    this.curJunk = tokens;
    this.MANY(this.junkMore);
    return { kind: "junk", tokens };
  });

  resetContext(): void {
    this.ctxSection = this.topSection = "charter";
    this.splitAt = null;
  }

  /** The document being built (kept even if chevrotain aborts a rule). */
  public root: CstDocument | null = null;
}

let instance: CharterParser | null = null;

/** The one parser instance (built and self-analysed once, on first use). */
export function charterParser(): CharterParser {
  if (instance === null) instance = new CharterParser();
  return instance;
}

export interface ParseError {
  readonly message: string;
  readonly token: SyntaxToken;
}

/**
 * Mark each token that a line break separates from the previous token (the
 * first token counts as being at a line start). Linear: each gap is scanned
 * once.
 */
export function markLineStarts(text: string, tokens: SyntaxToken[]): void {
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let nl = i === 0;
    if (!nl) {
      for (let j = prevEnd; j < t.startOffset; j++) {
        const c = text.charCodeAt(j);
        if (c === 10 || c === 13) {
          nl = true;
          break;
        }
      }
    }
    t.nl = nl;
    prevEnd = t.startOffset + t.image.length;
  }
}

export function parseTokens(tokens: SyntaxToken[]): { cst: CstDocument; errors: ParseError[] } {
  const p = charterParser();
  p.root = null;
  p.resetContext();
  p.input = tokens;
  let cst: CstDocument | undefined;
  const errors: ParseError[] = [];
  try {
    cst = p.document();
  } catch (e) {
    // Not expected: the grammar is total. Keep whatever was built.
    errors.push({ message: String(e), token: tokens[0] ?? ({ image: "", startOffset: 0 } as SyntaxToken) });
  }
  for (const e of p.errors) errors.push({ message: e.message, token: e.token as SyntaxToken });
  const result = cst ?? p.root ?? emptyDocument();
  p.input = [];
  p.root = null;
  return { cst: result, errors };
}
