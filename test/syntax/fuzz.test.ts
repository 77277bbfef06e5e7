// Property tests: parse never throws, every span lies inside the text, and
// the AST's spans nest (document ⊇ entry ⊇ field ⊇ value ⊇ phrase ⊇ term).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Document, Field, Span } from "../../src/ast/ast.js";
import { parseUnchecked } from "../../src/lower/index.js";
import { parseSyntax, tokenize } from "../../src/syntax/index.js";
import { specExample } from "./helpers.js";

function inside(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.start <= inner.end && inner.end <= outer.end;
}

function checkField(f: Field, problems: string[]): void {
  if (!inside(f.span, f.name.span)) problems.push(`field name ${f.name.name}`);
  if (f.value) {
    if (f.value.items.length === 0) problems.push("empty value");
    if (!inside(f.span, f.value.span)) problems.push(`value of ${f.name.name}`);
    let prev = f.value.span.start;
    for (const p of f.value.items) {
      if (!inside(f.value.span, p.span) || p.span.start < prev) problems.push("phrase");
      prev = p.span.end;
      if (p.terms.length === 0) problems.push("empty phrase");
      let prevT = p.span.start;
      for (const t of p.terms) {
        if (!inside(p.span, t.span) || t.span.start < prevT) problems.push("term");
        prevT = t.span.end;
      }
    }
  }
}

function checkDocument(text: string, doc: Document): string[] {
  const problems: string[] = [];
  const all: Span = { start: 0, end: text.length };
  if (doc.span.start !== 0 || doc.span.end !== text.length) problems.push("document span");
  for (const i of doc.imports) {
    if (!inside(all, i.span) || !inside(i.span, i.pathSpan)) problems.push("import");
    if (i.alias && !inside(i.span, i.alias.span)) problems.push("alias");
  }
  if (doc.header) {
    const h = doc.header;
    if (!inside(all, h.span) || !inside(h.span, h.keywordSpan)) problems.push("header");
    if (h.nameSpan && !inside(h.span, h.nameSpan)) problems.push("header name");
  }
  for (const c of doc.comments) if (!inside(all, c.span)) problems.push("comment");
  for (const e of doc.entries) {
    if (!inside(all, e.span)) problems.push("entry");
    if (e.kind === "field") checkField(e, problems);
    else {
      if (!inside(e.span, e.keywordSpan)) problems.push("section keyword");
      if (e.name && !inside(e.span, e.name.span)) problems.push("section name");
      if (e.bodySpan && !inside(e.span, e.bodySpan)) problems.push("section body");
      for (const f of e.fields) {
        if (!inside(e.bodySpan ?? e.span, f.span)) problems.push(`section field ${f.name.name}`);
        checkField(f, problems);
      }
    }
  }
  return problems;
}

function check(text: string): void {
  const r = parseUnchecked(text, "fuzz.charter");
  const problems = checkDocument(text, r.ast);
  const all: Span = { start: 0, end: text.length };
  for (const d of r.diagnostics) {
    if (!inside(all, d.span)) problems.push(`diagnostic ${d.code}`);
    for (const rel of d.related ?? []) if (!inside(all, rel.span)) problems.push(`related of ${d.code}`);
  }
  let prev = 0;
  for (const t of tokenize(text)) {
    if (!(t.start >= prev && t.end > t.start && t.end <= text.length)) problems.push(`token ${t.kind}@${t.start}`);
    prev = t.end;
  }
  // The grammar is total: chevrotain itself never reports an error.
  for (const e of parseSyntax(text).parseErrors) problems.push(`parser error: ${e.message}`);
  if (problems.length > 0) expect(problems).toEqual([]);
}

const example = specExample();
const pieces = [
  "charter", "federation", "import", "as", "member", "of", "exit", "body", "decision", "membership", "rights",
  "{", "}", ":", ",", '"', '"""', "/*", "*/", "//", "\n", "\r\n", " ", "\t", "\\", "x", "by", "30 days", "2/3", "25%",
  "7", '"s"', "@", "\uD800", "\uFEFF", "immediately",
];

describe("fuzz", () => {
  test("random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => check(s)), { numRuns: 1500 });
  });

  test("random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => check(parts.join(" "))),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => check(parts.join(""))),
      { numRuns: 1000 },
    );
  });

  test("mutated copies of the spec example", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...pieces) }),
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
        let s = example;
        for (const m of muts) {
          const at = m.at % (s.length + 1);
          if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.len);
          else if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
          else {
            const to = m.to % (s.length + 1);
            const [a, b] = at < to ? [at, to] : [to, at];
            s = s.slice(0, a) + s.slice(b) + s.slice(a, b);
          }
        }
        check(s);
      }),
      { numRuns: 2000 },
    );
  });
});
