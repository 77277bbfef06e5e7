// Resolution: AST → the typed model of one charter (src/semantics/model.ts).
//
// Checks field names against the schema table (with "did you mean"), value
// kinds, required fields and duplicates; applies the defaults of §4; binds
// references to bodies, decisions and import aliases. Every problem is a
// diagnostic; the model is built from whatever is well-formed, so one bad
// clause never hides the others.
import type { Document, Entry, Field, Section, Span } from "../ast/ast.js";
import { forgetMoves, movesOf } from "../ast/moves.js";
import { diag } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isPropertyId, PROPERTY_IDS } from "../language/properties.js";
import { MAX_SEATS, SECTIONS, type SectionSpec } from "../language/schema.js";
import { suggest } from "../text/suggest.js";
import { Suggester } from "./suggest-index.js";
import type {
  Amendable,
  Amendments,
  Appeal,
  Body,
  BodyMembers,
  Charter,
  Clause,
  Decision,
  Disputes,
  Dissolution,
  Exit,
  Membership,
  NoneOrBy,
  Ref,
  ResolvedImport,
  Retained,
  Rights,
  Secession,
  Selection,
  Tie,
  Withdrawal,
} from "./model.js";
import { defaultDuration, isWord, matchWords, ValueReader } from "./values.js";

/** What the workspace learned about each import of this file. */
export interface ImportTarget {
  /** Project-relative path, or null when refused or unreadable (already reported). */
  readonly file: string | null;
  readonly kind: "charter" | "federation" | null;
}

export interface ResolveResult {
  readonly charter: Charter | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * Resolve one parsed document. `importTargets` is indexed like `doc.imports`.
 *
 * With a `cache` (one per file, kept between calls), a section that is the
 * same AST object as in an earlier call is not lowered again: its clause,
 * its diagnostics and its references are reused, and only the name binding
 * is redone. The result is the same as without the cache
 * (test/semantics/resolve-cache.test.ts); the objects of an earlier result
 * are never changed.
 */
export function resolve(doc: Document, file: string, importTargets: readonly ImportTarget[] = [], cache?: ResolveCache): ResolveResult {
  return new Resolver(doc, file, importTargets, cache).run();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What lowering one section gave: reused while the section object and the context stay the same. */
interface SectionResult {
  readonly clause: Clause | null;
  /** Reported while lowering the section, in order (not the binding's). */
  readonly diagnostics: readonly Diagnostic[];
  /** The references the section makes, in order; `resolved` is set by the binding of the call that made them, then never changed. */
  readonly decisionRefs: readonly Mutable<Ref>[];
  readonly bodyRefs: readonly Mutable<Ref>[];
}

/**
 * Per-file memory of `resolve` (see there): the last call's entries and
 * what each section gave, by position (an incremental re-parse keeps the
 * positions; a plain array, not a WeakMap of thousands of entries, keeps
 * the garbage collector's work small).
 */
export class ResolveCache {
  /** The file, kind and resolved imports the results were made under. */
  key = "";
  entries: readonly Entry[] = [];
  results: (SectionResult | undefined)[] = [];
}

class Resolver {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly values: ValueReader;
  /** The references of the section being lowered. */
  private decisionRefs: Mutable<Ref>[] = [];
  private bodyRefs: Mutable<Ref>[] = [];

  constructor(
    private readonly doc: Document,
    private readonly file: string,
    private readonly importTargets: readonly ImportTarget[],
    private readonly cache: ResolveCache | undefined,
  ) {
    this.values = new ValueReader(file, this.diagnostics);
  }

  /** Lower one section, keeping what it reports and references apart. */
  private lowerSection(s: Section, kind: "charter" | "federation", imports: readonly ResolvedImport[]): SectionResult {
    const d0 = this.diagnostics.length;
    const decisionRefs: Mutable<Ref>[] = (this.decisionRefs = []);
    const bodyRefs: Mutable<Ref>[] = (this.bodyRefs = []);
    const clause = this.section(s, kind, imports);
    const diagnostics = this.diagnostics.length > d0 ? this.diagnostics.splice(d0) : NO_DIAGNOSTICS;
    return { clause, diagnostics, decisionRefs, bodyRefs };
  }

  run(): ResolveResult {
    const header = this.doc.header;
    if (!header) return { charter: null, diagnostics: this.diagnostics };
    const kind = header.kind;
    const imports = this.resolveImports();

    const charter: Mutable<Charter> = {
      file: this.file,
      kind,
      name: header.name ?? "",
      nameSpan: header.nameSpan ?? header.keywordSpan,
      headerSpan: header.span,
      version: null,
      jurisdiction: null,
      preamble: null,
      powers: [],
      requires: [],
      imports,
      membership: null,
      exit: null,
      secession: null,
      bodies: new Map(),
      decisions: new Map(),
      amendments: null,
      rights: null,
      disputes: null,
      dissolution: null,
      ties: [],
      clauses: [],
    };

    const entries = this.doc.entries;
    const cache = this.cache;
    let prevEntries: readonly Entry[] = [];
    let prevResults: readonly (SectionResult | undefined)[] = [];
    if (cache) {
      const key = JSON.stringify([this.file, kind, imports]);
      if (cache.key === key) {
        prevEntries = cache.entries;
        prevResults = cache.results;
      }
      cache.key = key;
    }
    // Entries an incremental re-parse moved from the last call's: what those gave, moved the same way, is what they give.
    const m = cache ? movesOf(this.doc) : undefined;
    const moves = m && m.entries === prevEntries ? m : undefined;
    // Used now or never (the cache moves on to this version): let the old entries go.
    if (m) forgetMoves(this.doc);
    const byEntry: (SectionResult | undefined)[] = new Array(entries.length);
    const topFields: Field[] = [];
    const results: SectionResult[] = [];
    /** 1 for the results (by index in `results`) made in this call, 0 for those from the cache (a flag, not a Set of thousands of objects). */
    const fresh = new Uint8Array(entries.length);
    // Which results made it into the charter (not a duplicate, see CH0103), by index in `results`.
    const kept: number[] = [];
    const seen = new Map<string, Span>();
    const sections: Section[] = [];
    const sectionIndex: number[] = [];
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      if (entry.kind === "field") {
        topFields.push(entry);
        continue;
      }
      let r = prevEntries[e] === entry ? prevResults[e] : undefined;
      if (!r) {
        const old = moves && e >= moves.from ? prevResults[e] : undefined;
        r = old ? moveResult(old, moves!.delta) : this.lowerSection(entry, kind, imports);
        fresh[results.length] = 1;
      }
      byEntry[e] = r;
      results.push(r);
      sections.push(entry);
      sectionIndex.push(e);
      for (const d of r.diagnostics) this.diagnostics.push(d);
      const clause = r.clause;
      if (!clause) continue;
      const first = seen.get(clause.id);
      if (first) {
        this.diagnostics.push(
          diag("CH0103", this.file, clause.headSpan, { clause: clause.id }, { related: [{ file: this.file, span: first, message: "first defined here" }] }),
        );
        continue;
      }
      seen.set(clause.id, clause.headSpan);
      kept.push(results.length - 1);
    }
    this.topLevel(charter, topFields, kind);

    // Bind the references. The names come from the clauses (a stale clause
    // below has the same names and spans as its replacement).
    const bodyByName = new Map<string, Body>();
    const decisionByName = new Map<string, Decision>();
    for (const i of kept) {
      const c = results[i]!.clause!;
      if (c.kind === "body") bodyByName.set(c.name, c);
      else if (c.kind === "decision") decisionByName.set(c.name, c);
    }
    const stale = this.bindReferences(results, fresh, bodyByName, decisionByName);
    // A reused section whose references now bind differently is lowered anew (its old objects belong to the old result).
    for (const i of stale) {
      const r = this.lowerSection(sections[i]!, kind, imports);
      // (lowerSection took its diagnostics out again: they equal the reused ones, already reported.)
      for (const ref of r.decisionRefs) ref.resolved = decisionByName.has(ref.name);
      for (const ref of r.bodyRefs) ref.resolved = bodyByName.has(ref.name);
      results[i] = r;
      byEntry[sectionIndex[i]!] = r;
    }
    if (cache) {
      cache.entries = entries;
      cache.results = byEntry;
    }
    const clauses: Clause[] = [];
    for (const i of kept) clauses.push(results[i]!.clause!);

    // Without stale sections the binding's tables are the charter's (same clauses, same order).
    const rebuild = stale.size > 0;
    const bodies = rebuild ? new Map<string, Body>() : bodyByName;
    const decisions = rebuild ? new Map<string, Decision>() : decisionByName;
    for (const c of clauses) {
      switch (c.kind) {
        case "membership":
          charter.membership = c;
          break;
        case "exit":
          charter.exit = c;
          break;
        case "secession":
          charter.secession = c;
          break;
        case "body":
          if (rebuild) bodies.set(c.name, c);
          break;
        case "decision":
          if (rebuild) decisions.set(c.name, c);
          break;
        case "amendments":
          charter.amendments = c;
          break;
        case "rights":
          charter.rights = c;
          break;
        case "disputes":
          charter.disputes = c;
          break;
        case "dissolution":
          charter.dissolution = c;
          break;
        case "member of":
          (charter.ties as Tie[]).push(c);
          break;
        default: {
          const never: never = c;
          void never;
        }
      }
    }
    charter.bodies = bodies;
    charter.decisions = decisions;
    charter.clauses = clauses;
    this.checkUnusedImports(imports, charter.ties);
    return { charter, diagnostics: this.diagnostics };
  }

  // ── imports ────────────────────────────────────────────────────────────

  private resolveImports(): ResolvedImport[] {
    const seen = new Map<string, Span>();
    return this.doc.imports.map((imp, i) => {
      const target = this.importTargets[i] ?? { file: null, kind: null };
      const alias = imp.alias?.name ?? null;
      if (imp.alias && alias !== null) {
        const first = seen.get(alias);
        if (first) {
          this.diagnostics.push(
            diag("CH0115", this.file, imp.alias.span, { name: alias }, { related: [{ file: this.file, span: first, message: "first used here" }] }),
          );
        } else seen.set(alias, imp.alias.span);
      }
      return { path: imp.path, pathSpan: imp.pathSpan, alias, aliasSpan: imp.alias?.span ?? null, file: target.file, targetKind: target.kind };
    });
  }

  private checkUnusedImports(imports: readonly ResolvedImport[], ties: readonly Tie[]): void {
    const used = new Set(ties.map((t) => t.alias.name));
    for (const imp of imports) {
      if (imp.alias !== null && imp.aliasSpan && imp.file !== null && !used.has(imp.alias)) {
        this.diagnostics.push(diag("CH0119", this.file, imp.aliasSpan, { name: imp.alias }));
      }
    }
  }

  // ── fields common to every section ─────────────────────────────────────

  /** Index a section's fields by name, reporting unknown and duplicate fields. */
  private fields(spec: SectionSpec, fields: readonly Field[], where: string, kind: "charter" | "federation"): Map<string, Field> {
    const byName = new Map<string, Field>();
    const { known, names } = specIndex(spec);
    for (const f of fields) {
      const name = f.name.name;
      if (!spec.openFields && !names.has(name)) {
        const other = kind === "charter" ? SECTIONS.get("federation")!.fields.find((x) => x.name === name && x.federationOnly) : undefined;
        if (other) {
          this.diagnostics.push(diag("CH0117", this.file, f.name.span, { name }));
          continue;
        }
        const s = suggest(name, known);
        this.diagnostics.push(diag("CH0101", this.file, f.name.span, { name, where }, s ? { help: `did you mean \`${s}\`?`, fix: this.renameFix(f, s) } : {}));
        continue;
      }
      const first = byName.get(name);
      if (first) {
        this.diagnostics.push(
          diag("CH0102", this.file, f.name.span, { name, where }, { related: [{ file: this.file, span: first.name.span, message: "first given here" }] }),
        );
        continue;
      }
      if (f.value) byName.set(name, f);
    }
    return byName;
  }

  /** CH0104 for each required field (§4, docs/language.md) the section leaves out. */
  private reportMissing(spec: SectionSpec, s: Section, clause: Clause, where: string, f: Map<string, Field>): void {
    const missing: string[] = [];
    for (const name of specIndex(spec).required) if (!s.fields.some((x) => x.name.name === name)) missing.push(name);
    // A seated body must say how its seats are filled.
    if (clause.kind === "body" && clause.members?.kind === "seats" && !f.has("selection")) missing.push("selection");
    for (const name of missing) this.diagnostics.push(diag("CH0104", this.file, clause.headSpan, { where, name }));
  }

  private renameFix(f: Field, to: string) {
    return { title: `Change to \`${to}\``, edits: [{ file: this.file, span: f.name.span, newText: to }] };
  }

  private amendable(fields: Map<string, Field>): Amendable | null {
    const f = fields.get("amendable");
    if (!f) return null;
    const p = this.values.single(f, "never-or-by");
    if (!p) return null;
    if (matchWords(p.terms, ["never"])) return { kind: "never", span: p.span };
    const m = matchWords(p.terms, ["by", "$"]);
    if (m) return { kind: "by", decision: this.decisionRef(m[0]!, "amendable"), span: p.span };
    return this.values.invalid(f, "never-or-by", p.span);
  }

  private noneOrBy(fields: Map<string, Field>, name: string, dflt: NoneOrBy | null): NoneOrBy | null {
    const f = fields.get(name);
    if (!f) return dflt;
    const p = this.values.single(f, "none-or-by");
    if (!p) return dflt;
    if (matchWords(p.terms, ["none"])) return { kind: "none", span: p.span };
    const m = matchWords(p.terms, ["by", "$"]);
    if (m) return { kind: "by", decision: this.decisionRef(m[0]!, name), span: p.span };
    this.values.invalid(f, "none-or-by", p.span);
    return dflt;
  }

  private decisionRef(t: { name: string; span: Span }, _what: string): Ref {
    const ref: Mutable<Ref> = { name: t.name, span: t.span, resolved: false };
    this.decisionRefs.push(ref);
    return ref;
  }

  private bodyRef(t: { name: string; span: Span }, _what: string): Ref {
    const ref: Mutable<Ref> = { name: t.name, span: t.span, resolved: false };
    this.bodyRefs.push(ref);
    return ref;
  }

  private appeal(fields: Map<string, Field>): Appeal | null {
    const f = fields.get("appeal");
    if (!f) return null;
    const p = this.values.single(f, "appeal");
    if (!p) return null;
    if (matchWords(p.terms, ["none"])) return { kind: "none", span: p.span };
    const [to, target] = p.terms;
    if (p.terms.length === 2 && isWord(to, "to") && target) {
      if (target.kind === "ident") return { kind: "body", body: this.bodyRef(target, "appeal"), span: p.span };
      if (target.kind === "string") return { kind: "text", text: target.value, span: p.span };
    }
    return this.values.invalid(f, "appeal", p.span);
  }

  // ── top level ──────────────────────────────────────────────────────────

  private topLevel(charter: Mutable<Charter>, fields: Field[], kind: "charter" | "federation"): void {
    const spec = SECTIONS.get(kind)!;
    const f = this.fields(spec, fields, `the ${kind}`, kind);
    const version = f.get("version");
    if (version) charter.version = this.values.string(version);
    const preamble = f.get("preamble");
    if (preamble) charter.preamble = this.values.string(preamble, "prose");
    const j = f.get("jurisdiction");
    if (j) {
      const p = this.values.single(j, "jurisdiction");
      if (p) {
        const [a, b] = p.terms;
        if (matchWords(p.terms, ["personal"])) charter.jurisdiction = { kind: "personal", span: p.span };
        else if (p.terms.length === 2 && isWord(a, "territorial") && b?.kind === "string") {
          charter.jurisdiction = { kind: "territorial", territory: b.value, span: p.span };
        } else {
          this.values.invalid(j, "jurisdiction", p.span);
          charter.invalidJurisdiction = p.span;
        }
      }
    }
    const powers = f.get("powers");
    if (powers) charter.powers = this.values.identList(powers, "ident-list");
    const requires = f.get("requires");
    if (requires) {
      const ids = this.values.identList(requires, "property-list");
      charter.requires = ids.filter((id) => {
        if (isPropertyId(id.name)) return true;
        const s = suggest(id.name, PROPERTY_IDS);
        this.diagnostics.push(diag("CH0118", this.file, id.span, { name: id.name }, s ? { help: `did you mean \`${s}\`?` } : {}));
        return false;
      });
    }
  }

  // ── sections ───────────────────────────────────────────────────────────

  private section(s: Section, kind: "charter" | "federation", imports: readonly ResolvedImport[]): Clause | null {
    const spec = SECTIONS.get(s.keyword)!;
    const needsName = s.keyword === "body" || s.keyword === "decision" || s.keyword === "member of";
    if (needsName && !s.name) return null; // reported by the parser (CH0012)
    const id = needsName ? `${s.keyword} ${s.name!.name}` : s.keyword;
    const headSpan: Span = needsName ? { start: s.keywordSpan.start, end: s.name!.span.end } : s.keywordSpan;
    const where = `\`${id}\``;
    const f = this.fields(spec, s.fields, where, kind);
    const base = { id, span: s.span, headSpan, amendable: this.amendable(f) };
    let clause: Clause;
    switch (s.keyword) {
      case "membership":
        clause = this.membership(base, f);
        break;
      case "exit":
        clause = this.exit(base, f);
        break;
      case "secession":
        clause = this.secession(base, f);
        break;
      case "body":
        clause = this.body(base, s.name!, f, kind);
        break;
      case "decision":
        clause = this.decision(base, s.name!, f);
        break;
      case "amendments":
        clause = this.amendments(base, f);
        break;
      case "rights":
        clause = this.rights(base, s.fields);
        break;
      case "disputes":
        clause = this.disputes(base, f);
        break;
      case "dissolution":
        clause = this.dissolution(base, f);
        break;
      case "member of":
        clause = this.tie(base, s.name!, f, imports);
        break;
    }
    this.reportMissing(spec, s, clause, where, f);
    return clause;
  }

  private membership(base: Base, f: Map<string, Field>): Membership {
    let eligibility = null;
    const e = f.get("eligibility");
    if (e) eligibility = this.values.string(e);
    let admission: Membership["admission"] = null;
    const a = f.get("admission");
    if (a) {
      const p = this.values.single(a, "open-or-by");
      if (p) {
        const m = matchWords(p.terms, ["by", "$"]);
        if (matchWords(p.terms, ["open"])) admission = { kind: "open", span: p.span };
        else if (m) admission = { kind: "by", decision: this.decisionRef(m[0]!, "admission"), span: p.span };
        else this.values.invalid(a, "open-or-by", p.span);
      }
    }
    let consent: Membership["consent"] = { value: "explicit", span: null };
    const c = f.get("consent");
    if (c) {
      const p = this.values.single(c, "consent");
      if (p) {
        if (matchWords(p.terms, ["explicit"])) consent = { value: "explicit", span: p.span };
        else if (matchWords(p.terms, ["by", "residence"])) consent = { value: "by residence", span: p.span };
        else if (matchWords(p.terms, ["by", "birth"])) consent = { value: "by birth", span: p.span };
        else this.values.invalid(c, "consent", p.span);
      }
    }
    let concurrent: Membership["concurrent"] = { value: "allowed", span: null };
    const cc = f.get("concurrent");
    if (cc) {
      const p = this.values.single(cc, "concurrent");
      if (p) {
        if (matchWords(p.terms, ["allowed"])) concurrent = { value: "allowed", span: p.span };
        else if (matchWords(p.terms, ["forbidden"])) concurrent = { value: "forbidden", span: p.span };
        else this.values.invalid(cc, "concurrent", p.span);
      }
    }
    const expulsion = this.noneOrBy(f, "expulsion", { kind: "none", span: null })!;
    return { kind: "membership", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, eligibility, admission, consent, concurrent, expulsion };
  }

  private exit(base: Base, f: Map<string, Field>): Exit {
    const approval = this.noneOrBy(f, "approval", null);
    const noticeF = f.get("notice");
    const notice = (noticeF && this.values.duration(noticeF)) || defaultDuration("0 days", 0);
    const obligationsF = f.get("obligations");
    const obligations = (obligationsF && this.values.duration(obligationsF)) || defaultDuration("0 days", 0);
    let penalty: Exit["penalty"] = { kind: "none", span: null };
    const pf = f.get("penalty");
    if (pf) {
      const p = this.values.single(pf, "penalty");
      const t = p?.terms[0];
      if (p && matchWords(p.terms, ["none"])) penalty = { kind: "none", span: p.span };
      else if (p && p.terms.length === 1 && t && (t.kind === "string" || t.kind === "prose")) penalty = { kind: "some", text: t.value, span: p.span };
      else if (p) this.values.invalid(pf, "penalty", p.span);
    }
    let retains: Exit["retains"] = { items: [], span: null };
    const rf = f.get("retains");
    if (rf?.value) {
      const items: Retained[] = [];
      const v = rf.value;
      if (!(v.items.length === 1 && matchWords(v.items[0]!.terms, ["none"]))) {
        for (const id of this.values.identList(rf, "retains")) {
          if (id.name === "property" || id.name === "data" || id.name === "share" || id.name === "standing") {
            if (!items.includes(id.name)) items.push(id.name);
          } else {
            const s = suggest(id.name, ["property", "data", "share", "standing"]);
            this.values.invalid(rf, "retains", id.span, s ? `did you mean \`${s}\`?` : undefined);
          }
        }
      }
      retains = { items, span: v.span };
    }
    return { kind: "exit", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, approval, notice, penalty, retains, obligations };
  }

  private secession(base: Base, f: Map<string, Field>): Secession {
    const uf = f.get("unit");
    const unit = uf ? this.values.string(uf) : null;
    let by: NoneOrBy | null = null;
    const bf = f.get("by");
    if (bf) {
      const p = this.values.single(bf, "secession-by");
      if (p) {
        const m = matchWords(p.terms, ["$"]) ?? matchWords(p.terms, ["by", "$"]);
        if (matchWords(p.terms, ["none"])) by = { kind: "none", span: p.span };
        else if (m) by = { kind: "by", decision: this.decisionRef(m[0]!, "secession"), span: p.span };
        else this.values.invalid(bf, "secession-by", p.span);
      }
    }
    return { kind: "secession", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, unit, by };
  }

  private body(base: Base, name: { name: string; span: Span }, f: Map<string, Field>, kind: "charter" | "federation"): Body {
    let members: BodyMembers | null = null;
    const mf = f.get("members");
    if (mf) {
      const p = this.values.single(mf, "members");
      if (p) {
        const [n, seats] = p.terms;
        if (matchWords(p.terms, ["all", "members"])) members = { kind: "all", span: p.span };
        else if (p.terms.length === 4 && n?.kind === "number" && n.value === 1 && matchWords(p.terms.slice(1), ["seat", "per", "member"])) {
          if (kind === "federation") members = { kind: "per-member", span: p.span };
          else this.values.invalid(mf, "members", p.span, "`1 seat per member` describes a federation's body of member communities");
        } else if (p.terms.length === 2 && n?.kind === "number" && (isWord(seats, "seats") || isWord(seats, "seat")) && Number.isInteger(n.value) && n.value >= 1) {
          if (n.value > MAX_SEATS) this.diagnostics.push(diag("CH0120", this.file, n.span, { found: n.raw.length > 24 ? `${n.raw.slice(0, 24)}…` : n.raw, max: MAX_SEATS.toLocaleString("en-US") }));
          else members = { kind: "seats", seats: n.value, span: p.span };
        } else this.values.invalid(mf, "members", p.span);
      }
    }
    let selection: Selection | null = null;
    const sf = f.get("selection");
    if (sf) {
      const p = this.values.single(sf, "selection");
      if (p) {
        const el = matchWords(p.terms, ["election", "by", "$"]);
        const ap = matchWords(p.terms, ["appointment", "by", "$"]);
        if (el) selection = { kind: "election", by: this.decisionRef(el[0]!, "selection"), span: p.span };
        else if (ap) selection = { kind: "appointment", by: this.bodyRef(ap[0]!, "selection"), span: p.span };
        else if (matchWords(p.terms, ["sortition"])) selection = { kind: "sortition", span: p.span };
        else this.values.invalid(sf, "selection", p.span);
      }
      if (selection && members && members.kind !== "seats") {
        this.values.invalid(sf, "selection", sf.name.span, "only seated bodies (`N seats`) have a selection");
        selection = null;
      }
    }
    const tf = f.get("term");
    const term = tf ? this.values.duration(tf) : null;
    const recall = this.noneOrBy(f, "recall", null);
    return { kind: "body", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, name: name.name, nameSpan: name.span, members, selection, term, recall };
  }

  private decision(base: Base, name: { name: string; span: Span }, f: Map<string, Field>): Decision {
    const bf = f.get("by");
    const byName = bf ? this.values.name(bf, "body") : null;
    const by = byName ? this.bodyRef(byName, "by") : null;
    const qf = f.get("quorum");
    // A quorum above 100% is reported (CH0107) and kept: the decision can never be carried (docs/language.md).
    const quorum = qf ? this.values.percent(qf, { keepOver: true }) : null;
    const thf = f.get("threshold");
    const threshold = thf ? this.values.threshold(thf) : null;
    const nf = f.get("notice");
    const notice = nf ? this.values.duration(nf) : null;
    const appeal = this.appeal(f);
    return { kind: "decision", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, name: name.name, nameSpan: name.span, by, quorum, threshold, notice, appeal };
  }

  private amendments(base: Base, f: Map<string, Field>): Amendments {
    const bf = f.get("by");
    const byName = bf ? this.values.name(bf, "decision") : null;
    const by = byName ? this.decisionRef(byName, "amendments") : null;
    const df = f.get("delay");
    const delay = (df && this.values.duration(df)) || defaultDuration("0 days", 0);
    return { kind: "amendments", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, by, delay };
  }

  private rights(base: Base, fields: readonly Field[]): Rights {
    const rights: Rights["rights"][number][] = [];
    const seen = new Set<string>();
    for (const f of fields) {
      if (f.name.name === "amendable" || !f.value || seen.has(f.name.name)) continue;
      seen.add(f.name.name);
      const t = this.values.string(f);
      if (t) rights.push({ name: f.name.name, text: t.text, span: f.span, nameSpan: f.name.span });
    }
    return { kind: "rights", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, rights };
  }

  private disputes(base: Base, f: Map<string, Field>): Disputes {
    let by: Disputes["by"] = null;
    const bf = f.get("by");
    if (bf) {
      const p = this.values.single(bf, "body-or-string");
      const t = p?.terms[0];
      if (p && p.terms.length === 1 && t?.kind === "ident") by = { kind: "body", body: this.bodyRef(t, "disputes"), span: p.span };
      else if (p && p.terms.length === 1 && t?.kind === "string") by = { kind: "text", text: t.value, span: p.span };
      else if (p) this.values.invalid(bf, "body-or-string", p.span);
    }
    return { kind: "disputes", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, by, appeal: this.appeal(f) };
  }

  private dissolution(base: Base, f: Map<string, Field>): Dissolution {
    const bf = f.get("by");
    const byName = bf ? this.values.name(bf, "decision") : null;
    const by = byName ? this.decisionRef(byName, "dissolution") : null;
    let assets = null;
    let assetsToMembers = false;
    const af = f.get("assets");
    if (af) {
      const p = this.values.single(af, "assets");
      const t = p?.terms[0];
      if (p && matchWords(p.terms, ["to", "members"])) {
        assets = { text: "to members", span: p.span };
        assetsToMembers = true;
      } else if (p && p.terms.length === 1 && t?.kind === "string") {
        assets = { text: t.value, span: p.span };
        assetsToMembers = /^\s*to (the )?members\s*$/i.test(t.value);
      } else if (p) this.values.invalid(af, "assets", p.span);
    }
    return { kind: "dissolution", id: base.id, span: base.span, headSpan: base.headSpan, amendable: base.amendable, by, assets, assetsToMembers };
  }

  private tie(base: Base, alias: { name: string; span: Span }, f: Map<string, Field>, imports: readonly ResolvedImport[]): Tie {
    const imp = imports.find((i) => i.alias === alias.name);
    let federationFile: string | null = null;
    if (!imp) {
      const s = suggest(
        alias.name,
        imports.flatMap((i) => (i.alias ? [i.alias] : [])),
      );
      this.diagnostics.push(diag("CH0111", this.file, alias.span, { name: alias.name }, s ? { help: `did you mean \`${s}\`?` } : {}));
    } else if (imp.file && imp.targetKind === "charter") {
      this.diagnostics.push(diag("CH0116", this.file, alias.span, { name: alias.name, kind: "charter" }));
    } else if (imp.file && imp.targetKind === "federation") {
      federationFile = imp.file;
    }
    const df = f.get("delegates");
    const delegates = df ? this.values.identList(df, "ident-list") : [];
    let withdrawal: Withdrawal | null = null;
    const wf = f.get("withdrawal");
    if (wf?.value) {
      const [first, second, ...rest] = wf.value.items;
      let notice = null;
      let ok = rest.length === 0 && first !== undefined;
      if (second) {
        const [n, ...durTerms] = second.terms;
        if (isWord(n, "notice") && durTerms.length > 0) {
          notice = this.values.durationOf(wf, { ...second, terms: durTerms, span: { start: durTerms[0]!.span.start, end: second.span.end } });
          if (!notice) ok = false;
        } else {
          this.values.invalid(wf, "withdrawal", second.span);
          ok = false;
        }
      }
      if (ok && first) {
        const m = matchWords(first.terms, ["by", "$"]);
        if (matchWords(first.terms, ["unilateral"])) withdrawal = { kind: "unilateral", notice, span: wf.value.span };
        else if (m) withdrawal = { kind: "by", decision: this.decisionRef(m[0]!, "withdrawal"), notice, span: wf.value.span };
        else this.values.invalid(wf, "withdrawal", first.span);
      } else if (rest.length > 0) this.values.invalid(wf, "withdrawal", wf.value.span);
    }
    return {
      kind: "member of",
      id: base.id,
      span: base.span,
      headSpan: base.headSpan,
      amendable: base.amendable,
      alias: { name: alias.name, span: alias.span, resolved: federationFile !== null },
      federationFile,
      delegates,
      withdrawal,
    };
  }

  // ── references ─────────────────────────────────────────────────────────

  /**
   * Report what does not bind, and mark what does: on the references made in
   * this call (`fresh`); a reused one whose mark would change makes its
   * section stale (returned: indexes into `results`).
   */
  private bindReferences(results: readonly SectionResult[], fresh: Uint8Array, bodies: ReadonlyMap<string, Body>, decisions: ReadonlyMap<string, Decision>): Set<number> {
    // Built on the first miss: a damaged file can have thousands of misses among thousands of names.
    let decisionNames: Suggester | undefined;
    let bodyNames: Suggester | undefined;
    let firstBy: Map<string, string> | undefined;
    const stale = new Set<number>();
    // Each reference's mark, then (for those that do not bind) its diagnostic.
    const bind = (refsOf: (r: SectionResult) => readonly Mutable<Ref>[], table: ReadonlyMap<string, Clause>, miss: (ref: Ref) => void) => {
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        const refs = refsOf(r);
        for (let k = 0; k < refs.length; k++) {
          const ref = refs[k]!;
          const resolved = table.has(ref.name);
          if (ref.resolved !== resolved) {
            if (fresh[i] === 1) ref.resolved = resolved;
            else stale.add(i);
          }
          if (!resolved) miss(ref);
        }
      }
    };
    bind((r) => r.decisionRefs, decisions, (ref) => {
      if (bodies.has(ref.name)) {
        this.diagnostics.push(
          diag("CH0109", this.file, ref.span, { name: ref.name, actual: "a body", expected: "a decision" }, {
            related: [{ file: this.file, span: bodies.get(ref.name)!.headSpan, message: "the body is defined here" }],
            help: decisions.size > 0 ? `name a decision taken by \`${ref.name}\`, such as \`${(firstBy ??= firstDecisionBy(decisions)).get(ref.name) ?? decisions.keys().next().value}\`` : undefined,
          }),
        );
      } else this.unresolved("decision", ref, (decisionNames ??= new Suggester(decisions.keys())));
    });
    bind((r) => r.bodyRefs, bodies, (ref) => {
      if (decisions.has(ref.name)) {
        this.diagnostics.push(
          diag("CH0109", this.file, ref.span, { name: ref.name, actual: "a decision", expected: "a body" }, {
            related: [{ file: this.file, span: decisions.get(ref.name)!.headSpan, message: "the decision is defined here" }],
          }),
        );
      } else this.unresolved("body", ref, (bodyNames ??= new Suggester(bodies.keys())));
    });
    return stale;
  }

  private unresolved(kind: string, ref: Ref, candidates: Suggester): void {
    const s = candidates.suggest(ref.name);
    this.diagnostics.push(
      diag("CH0110", this.file, ref.span, { kind, name: ref.name }, s ? { help: `did you mean \`${s}\`?`, fix: { title: `Change to \`${s}\``, edits: [{ file: this.file, span: ref.span, newText: s }] } } : {}),
    );
  }
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/**
 * A section's result with every span moved by `d`: new objects on every
 * path to a span (the old result stays as it was), the same keys in the same
 * order; the references are new too, and listed in the same order.
 */
function moveResult(r: SectionResult, d: number): SectionResult {
  // Old reference, its moved copy, …: a section makes a few, so a list is cheaper than a Map.
  const refs: Ref[] = [];
  const clause = r.clause ? (moveValue(r.clause, d, refs) as Clause) : null;
  const byOld = refs.length > 32 ? new Map(Array.from({ length: refs.length / 2 }, (_, i) => [refs[2 * i]!, refs[2 * i + 1]!])) : null;
  const ref = (x: Mutable<Ref>): Mutable<Ref> => {
    let y: Ref | undefined;
    if (byOld) y = byOld.get(x);
    else
      for (let i = 0; i < refs.length; i += 2)
        if (refs[i] === x) {
          y = refs[i + 1];
          break;
        }
    return (y as Mutable<Ref> | undefined) ?? { name: x.name, span: { start: x.span.start + d, end: x.span.end + d }, resolved: x.resolved };
  };
  return {
    clause,
    diagnostics: r.diagnostics.length === 0 ? NO_DIAGNOSTICS : r.diagnostics.map((x) => moveValue(x, d, NO_REFS) as Diagnostic),
    decisionRefs: r.decisionRefs.map(ref),
    bodyRefs: r.bodyRefs.map(ref),
  };
}

/** For moving diagnostics: references found in them are not wanted (not noted). */
const NO_REFS: Ref[] = [];

/**
 * Plain data with every span (`{ start, end }`) moved by `d`: the objects on
 * the path to a span are copied (same keys, same order: a spread keeps the
 * hidden class), everything else — strings, and any object or array with no
 * span inside — is shared with `v` (never changed by anyone, so sharing is
 * safe and keeps the garbage collector's work small); references are noted in `refs` (old, moved, …).
 */
function moveValue(v: unknown, d: number, refs: Ref[]): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== "object" || x === null) continue;
      const y = moveValue(x, d, refs);
      if (y !== x) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.start === "number" && typeof o.end === "number") return { start: o.start + d, end: o.end + d };
  let out: Record<string, unknown> | null = null;
  for (const k in o) {
    const x = o[k];
    if (typeof x !== "object" || x === null) continue;
    const y = moveValue(x, d, refs);
    if (y !== x) (out ??= { ...o })[k] = y;
  }
  if (out === null) return o;
  if (refs !== NO_REFS && typeof o.resolved === "boolean" && typeof o.name === "string") refs.push(o as unknown as Ref, out as unknown as Ref);
  return out;
}

/** A section kind's field names, as a list (for "did you mean"), a set, and the required ones; made once per kind. */
interface SpecIndex {
  readonly known: readonly string[];
  readonly names: ReadonlySet<string>;
  readonly required: readonly string[];
}
const specIndexes = new Map<SectionSpec, SpecIndex>();
function specIndex(spec: SectionSpec): SpecIndex {
  let x = specIndexes.get(spec);
  if (!x) {
    const known = spec.fields.map((f) => f.name);
    x = { known, names: new Set(known), required: spec.fields.filter((f) => f.required).map((f) => f.name) };
    specIndexes.set(spec, x);
  }
  return x;
}

type Base = { id: string; span: Span; headSpan: Span; amendable: Amendable | null };

/** Body name → the first decision (in source order) it takes. */
function firstDecisionBy(decisions: ReadonlyMap<string, Decision>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of decisions.values()) if (d.by && !out.has(d.by.name)) out.set(d.by.name, d.name);
  return out;
}

