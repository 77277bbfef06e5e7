import { describe, expect, test } from "vitest";
import { parse } from "../../src/lower/index.js";
import { phraseText, valueText, type Document, type Entry, type Field, type Section } from "../../src/ast/ast.js";
import { codesAtLines, specExample, specExampleFromSpec, spansInside } from "./helpers.js";

function sections(doc: Document): Section[] {
  return doc.entries.filter((e): e is Section => e.kind === "section");
}
function outline(entries: readonly Entry[]): string[] {
  return entries.map((e) =>
    e.kind === "field"
      ? `${e.name.name}=${e.value ? valueText(e.value) : "∅"}`
      : `${e.keyword}${e.name ? " " + e.name.name : ""}{${e.fields.map((f) => `${f.name.name}=${f.value ? valueText(f.value) : "∅"}`).join("; ")}}`,
  );
}
function codes(text: string): string[] {
  const r = parse(text, "t.charter");
  return codesAtLines(text, r.diagnostics);
}

describe("spec §5 example", () => {
  const text = specExample();

  test("the fixture is the spec's example", () => {
    const fromSpec = specExampleFromSpec();
    if (fromSpec !== null) expect(text).toBe(fromSpec);
  });

  test("parses with no diagnostics into the expected shape", () => {
    const r = parse(text, "free-commons.charter");
    expect(r.diagnostics).toEqual([]);
    const doc = r.ast;
    expect(doc.span).toEqual({ start: 0, end: text.length });
    expect(doc.imports).toHaveLength(1);
    expect(doc.imports[0]).toMatchObject({ path: "./cascadia-confederacy.charter", alias: { name: "cascadia" } });
    expect(doc.header).toMatchObject({ kind: "charter", name: "Free Commons of Cascadia" });
    expect(text.slice(doc.header!.nameSpan!.start, doc.header!.nameSpan!.end)).toBe('"Free Commons of Cascadia"');
    expect(outline(doc.entries)).toEqual([
      "version=1.2.0",
      "jurisdiction=personal",
      "preamble=We associate by consent. Whoever joins may leave.",
      "membership{eligibility=any person aged 16 or over; admission=open; consent=explicit; concurrent=allowed; expulsion=by expel}",
      "exit{approval=none; notice=immediately; penalty=none; retains=property, data; amendable=never}",
      "body assembly{members=all members}",
      "body stewards{members=5 seats; selection=sortition; term=1 year; recall=by ordinary}",
      "decision ordinary{by=assembly; quorum=20%; threshold=majority of votes cast}",
      "decision expel{by=assembly; quorum=30%; threshold=2/3 of votes cast; notice=14 days; appeal=to an arbiter both parties accept}",
      "decision constitutional{by=assembly; quorum=50%; threshold=3/4 of votes cast}",
      "amendments{by=constitutional}",
      "rights{speech=Members may speak and publish freely.; association=Members may associate with anyone, inside or outside the commons.}",
      "disputes{by=an arbiter both parties accept}",
      "member of cascadia{delegates=defense, disputes; withdrawal=unilateral, notice 90 days}",
    ]);
    const exit = sections(doc).find((s) => s.keyword === "exit")!;
    expect(exit.fields.find((f) => f.name.name === "retains")!.value!.items).toHaveLength(2);
    const w = sections(doc).find((s) => s.keyword === "member of")!.fields[1]!.value!.items[1]!;
    expect(w.terms.map((t) => t.kind)).toEqual(["ident", "duration"]);
    expect(w.terms[1]).toMatchObject({ amount: 90, unit: "day", days: 90 });
    const stewards = sections(doc).find((s) => s.name?.name === "stewards")!;
    expect(text.slice(stewards.span.start, stewards.span.end)).toMatch(/^body stewards \{[\s\S]*recall: by ordinary\n  \}$/);
    expect(text.slice(stewards.bodySpan!.start, stewards.bodySpan!.end)).toMatch(/^\{[\s\S]*\}$/);
    expect(text.slice(stewards.keywordSpan.start, stewards.keywordSpan.end)).toBe("body");
    const member = sections(doc).find((s) => s.keyword === "member of")!;
    expect(text.slice(member.keywordSpan.start, member.keywordSpan.end)).toBe("member of");
    const quorum = sections(doc)[4]!.fields[1]!;
    expect(text.slice(quorum.span.start, quorum.span.end)).toBe("quorum: 20%");
  });

  test("CRLF and a BOM change nothing but offsets", () => {
    const crlf = "\uFEFF" + text.replace(/\n/g, "\r\n");
    const r = parse(crlf, "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(outline(parse(text, "t").ast.entries));
  });
});

describe("layout", () => {
  test("newlines are not significant; two fields may share a line", () => {
    const r = parse('charter "x" { body assembly { members: all members selection: sortition } a: b c: d }', "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["body assembly{members=all members; selection=sortition}", "a=b", "c=d"]);
  });
  test("a value may continue on the next line", () => {
    const r = parse('charter "x" { decision d {\n  threshold: majority of votes\n    cast\n  retains: property,\n    data share\n  members: 5\n    seats\n} }', "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["decision d{threshold=majority of votes cast; retains=property, data share; members=5 seats}"]);
  });
  test("§3: a threshold continued on the next line is one value", () => {
    const text = 'charter "x" { decision d {\n  threshold: 2/3\n    of votes cast\n  quorum: 50%\n} }';
    const r = parse(text, "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["decision d{threshold=2/3 of votes cast; quorum=50%}"]);
    const t2 = 'charter "x" { decision d {\n  threshold: majority\n    of votes cast\n} }';
    expect(outline(parse(t2, "t").ast.entries)).toEqual(["decision d{threshold=majority of votes cast}"]);
  });
  test("…a line starting with a field of the section and a value, which cannot continue the value, is a field missing its colon", () => {
    const text = 'charter "x" { decision d {\n  by: assembly\n  quorum 50%\n  threshold: majority of votes cast\n} }';
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0006@3"]);
    expect(r.diagnostics[0]!.help).toBe(
      "read as a new field: `quorum` starts a line, names a field of this section and cannot continue the value before it (a line break alone does not end a value)",
    );
    expect(outline(r.ast.entries)).toEqual(["decision d{by=assembly; quorum=50%; threshold=majority of votes cast}"]);
  });
  test("…but not a word the current field's value takes, nor a name the section does not know", () => {
    // `members` is a body field, but also a word of `members: all members`; `sortition x` is no field.
    const text = 'charter "x" { body b {\n  members: all\n  members seats\n  selection: appointment by\n  council x\n} }';
    const r = parse(text, "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["body b{members=all members seats; selection=appointment by council x}"]);
  });
  test("…in `rights` every name is a field", () => {
    const text = 'charter "x" { rights {\n  speech: "free"\n  assembly "peaceful"\n} }';
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0006@3"]);
    expect(outline(r.ast.entries)).toEqual(["rights{speech=free; assembly=peaceful}"]);
  });
  test("a value may start on the line after the colon", () => {
    const r = parse('charter "x" { exit {\n  approval:\n    by ordinary\n} }', "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=by ordinary}"]);
  });
  test("fields may be named like keywords", () => {
    const r = parse('charter "x" { exit { by: exit-x\n body: decision } decision exit { by: body } }', "t");
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast.entries)).toEqual(["exit{by=exit-x; body=decision}", "decision exit{by=body}"]);
  });
  test("federation header", () => {
    const r = parse('federation "F" { powers: defense }', "t");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.header).toMatchObject({ kind: "federation", name: "F" });
  });
});

describe("recovery", () => {
  test("several independent mistakes, each at its own line; later sections survive", () => {
    const text = [
      'charter "Broken" {', //            1
      "  membership {", //                  2
      '    eligibility "anyone"', //        3  missing colon
      "    admission: open", //             4
      "  }", //                             5
      "  exit {", //                         6
      "    approval: none", //              7
      "    notice: 30 days", //             8  exit's `}` is missing
      "", //                                9
      "  body assembly { members: all members }", // 10
      "", //                                11
      "  decision ordinary {", //           12
      "    by: assembly", //                13
      "    quorum: 20% ;", //               14 stray `;` (bad character) …
      "    threshold: : majority of votes cast", // 15 … and a stray `:`
      "  }", //                             16
      "", //                                17
      "  amendments { by: ordinary }", //   18
      "}", //                               19
    ].join("\n");
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0006@3", "CH0009@8", "CH0001@14", "CH0010@15"]);
    expect(outline(r.ast.entries)).toEqual([
      "membership{eligibility=anyone; admission=open}",
      "exit{approval=none; notice=30 days}",
      "body assembly{members=all members}",
      "decision ordinary{by=assembly; quorum=20%; threshold=majority of votes cast}",
      "amendments{by=ordinary}",
    ]);
    const missing = r.diagnostics.find((d) => d.code === "CH0009")!;
    expect(missing.message).toBe("expected `}` to close `exit`");
    expect(missing.span.start).toBe(text.indexOf("30 days") + "30 days".length);
    expect(missing.related?.[0]?.span.start).toBe(text.indexOf("exit {") + 5);
  });

  test("forgotten colon heuristic: an identifier at a line start followed by a term", () => {
    const text = 'charter "x" {\n exit {\n  approval none\n  penalty none\n  notice: 3 days\n }\n}';
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0006@3", "CH0006@4"]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=none; penalty=none; notice=3 days}"]);
    expect(r.diagnostics[0]!.fix?.edits[0]).toMatchObject({ newText: ":", span: { start: text.indexOf("approval") + 8 } });
  });

  test("missing value, empty list items", () => {
    const text = 'charter "x" {\n a:\n b: x, , y\n c: x,\n d: , x\n}';
    expect(codes(text)).toEqual(["CH0007@2", "CH0014@3", "CH0014@4", "CH0014@5"]);
    expect(outline(parse(text, "t").ast.entries)).toEqual(["a=∅", "b=x, y", "c=x", "d=x"]);
  });

  test("missing `{` after a section keyword", () => {
    const text = 'charter "x" {\n exit\n  approval: none\n }\n body b\n  members: all members\n }\n}';
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0008@2", "CH0008@5"]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=none}", "body b{members=all members}"]);
    expect(r.diagnostics[1]!.message).toBe("expected `{` after `body b`");
  });

  test("missing section and charter names", () => {
    expect(codes('charter {\n body { members: all members }\n decision { by: x }\n member of { }\n}')).toEqual([
      "CH0012@1",
      "CH0012@2",
      "CH0012@3",
      "CH0012@4",
    ]);
    expect(parse("charter {}", "t").diagnostics[0]!.message).toBe("the charter needs a name");
    expect(codes("charter Foo {}")).toEqual(["CH0012@1"]);
    expect(parse("charter Foo {}", "t").ast.header).toMatchObject({ name: null });
  });

  test("a name on a section that takes none", () => {
    const r = parse('charter "x" { exit foo { approval: none } }', "t");
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["CH0010", "unexpected `foo`"]]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=none}"]);
  });

  test("missing header", () => {
    expect(codes("")).toEqual(["CH0011@1"]);
    expect(codes("// only a comment\n")).toEqual(["CH0011@1"]);
    const r = parse("\n{ exit { approval: none } }", "t");
    expect(codesAtLines("\n{ exit { approval: none } }", r.diagnostics)).toEqual(["CH0011@2"]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=none}"]);
    expect(outline(parse("exit { approval: none }", "t").ast.entries)).toEqual(["exit{approval=none}"]);
  });

  test("missing charter braces", () => {
    expect(codes('charter "x"\n exit { approval: none }')).toEqual(["CH0008@1"]);
    expect(codes('charter "x" {\n exit { approval: none }\n')).toEqual(["CH0009@2"]);
  });

  test("content after the charter", () => {
    const text = 'charter "x" { }\n} exit { approval: none } "junk" }';
    const r = parse(text, "t");
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["CH0015", "unexpected `}` after the end of the charter"]]);
    expect(outline(r.ast.entries)).toEqual(["exit{approval=none}"]);
  });

  test("junk: one diagnostic per run, named by its first token", () => {
    const text = 'charter "x" {\n exit { : , { { 7 approval: none }\n "s" "t"\n}';
    const r = parse(text, "t");
    expect(r.diagnostics.map((d) => [d.code, d.message, text.slice(d.span.start, d.span.end)])).toEqual([
      ["CH0010", "unexpected `:`", ": , { { 7"],
      ["CH0010", "unexpected string", '"s" "t"'],
    ]);
  });

  test("imports", () => {
    const text = 'import "a.charter" as a\nimport "b.charter"\nimport as c\nimport "d" as\ncharter "x" {}';
    const r = parse(text, "t");
    expect(codesAtLines(text, r.diagnostics)).toEqual(["CH0013@2", "CH0013@3", "CH0013@4"]);
    expect(r.ast.imports.map((i) => [i.path, i.alias?.name ?? null])).toEqual([
      ["a.charter", "a"],
      ["b.charter", null],
      ["d", null],
    ]);
    expect(r.ast.header).toMatchObject({ name: "x" });
  });

  test("nested braces are junk, not recursion", () => {
    const text = 'charter "x" { exit { approval { none } } }';
    const r = parse(text, "t");
    expect(spansInside(text, r.diagnostics)).toBe(true);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  test("phrase text helpers see the terms", () => {
    const r = parse('charter "x" { decision d { threshold: 2/3 of votes cast } }', "t");
    const f = (r.ast.entries[0] as Section).fields[0] as Field;
    expect(phraseText(f.value!.items[0]!)).toBe("2/3 of votes cast");
  });
});
