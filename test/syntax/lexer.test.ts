import { describe, expect, test } from "vitest";
import { tokenize } from "../../src/syntax/index.js";
import { parse, dedentProse, decodeString } from "../../src/lower/index.js";
import type { Term } from "../../src/ast/ast.js";

function kinds(text: string): string[] {
  return tokenize(text).map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
}

/** The terms of the value of the first field of a one-field file. */
function terms(value: string): { terms: Term[]; codes: string[] } {
  const r = parse(`a: ${value}`, "t.charter");
  const f = r.ast.entries[0];
  if (!f || f.kind !== "field" || !f.value) throw new Error("no value");
  return {
    terms: f.value.items.flatMap((p) => [...p.terms]),
    codes: r.diagnostics.map((d) => d.code).filter((c) => c !== "CH0011"),
  };
}

describe("tokens", () => {
  test("each kind", () => {
    expect(kinds('ident_1 mutual-aid "s" """p""" 7 0.5 25% 0.5% 2/3 30 days { } : , // c\n/* b */ @')).toEqual([
      "ident:ident_1",
      "ident:mutual-aid",
      'string:"s"',
      'prose:"""p"""',
      "number:7",
      "number:0.5",
      "percent:25%",
      "percent:0.5%",
      "fraction:2/3",
      "duration:30 days",
      "lcurly:{",
      "rcurly:}",
      "colon::",
      "comma:,",
      "comment:// c",
      "comment:/* b */",
      "error:@",
    ]);
  });

  test("whitespace, BOM and CRLF are skipped", () => {
    expect(kinds("\uFEFFa\r\n\tb\rc\u00a0d")).toEqual(["ident:a", "ident:b", "ident:c", "ident:d"]);
  });

  test("keywords are identifiers", () => {
    expect(kinds("charter exit member of by: exit-x immediately")).toEqual([
      "ident:charter",
      "ident:exit",
      "ident:member",
      "ident:of",
      "ident:by",
      "colon::",
      "ident:exit-x",
      "ident:immediately",
    ]);
  });

  test("durations: singular, plural, tabs, word boundary", () => {
    expect(kinds("1 day 2 days 1 week 3 weeks 1 month 6 months 1 year 2 years 0.5\tyears")).toEqual([
      "duration:1 day",
      "duration:2 days",
      "duration:1 week",
      "duration:3 weeks",
      "duration:1 month",
      "duration:6 months",
      "duration:1 year",
      "duration:2 years",
      "duration:0.5\tyears",
    ]);
    expect(kinds("30 daysx 30days 5 seats")).toEqual(["number:30", "ident:daysx", "number:30", "ident:days", "number:5", "ident:seats"]);
    const { terms: t } = terms("1 day, 2 weeks, 6 months, 1 year, 3 years");
    expect(t.map((x) => (x.kind === "duration" ? [x.amount, x.unit, x.days] : null))).toEqual([
      [1, "day", 1],
      [2, "week", 14],
      [6, "month", 180],
      [1, "year", 365],
      [3, "year", 1095],
    ]);
  });

  test("numbers, percents, fractions", () => {
    const { terms: t, codes } = terms("7 0.5 25% 0.5% 2/3");
    expect(codes).toEqual([]);
    expect(t).toMatchObject([
      { kind: "number", value: 7 },
      { kind: "number", value: 0.5 },
      { kind: "percent", value: 25, raw: "25%" },
      { kind: "percent", value: 0.5 },
      { kind: "fraction", numerator: 2, denominator: 3 },
    ]);
  });

  test("a string is one line; `\"\"\"` is prose", () => {
    expect(kinds('"a" "" """x\ny""" "b')).toEqual(['string:"a"', 'string:""', 'prose:"""x\ny"""', 'string:"b']);
    expect(kinds('"abc\n"')).toEqual(['string:"abc', 'string:"']);
  });

  test("unterminated tokens are one token each", () => {
    expect(kinds('"abc\nx')).toEqual(['string:"abc', "ident:x"]);
    expect(kinds('"""abc\nx')).toEqual(['prose:"""abc\nx']);
    expect(kinds("/* abc\nx")).toEqual(["comment:/* abc\nx"]);
    expect(kinds('"ab\\')).toEqual(['string:"ab\\']);
  });
});

describe("escapes", () => {
  test("known escapes are decoded", () => {
    expect(decodeString('"a\\"b\\\\c\\nd"')).toEqual({ value: 'a"b\\c\nd', terminated: true, badEscapes: [] });
    const { terms: t, codes } = terms('"say \\"hi\\"\\n"');
    expect(codes).toEqual([]);
    expect(t[0]).toMatchObject({ kind: "string", value: 'say "hi"\n', raw: '"say \\"hi\\"\\n"' });
  });

  test("unknown escapes are CH0005, kept as written", () => {
    const text = 'a: "x\\ty\\u"';
    const r = parse(text, "t.charter");
    const d = r.diagnostics.filter((x) => x.code === "CH0005");
    expect(d.map((x) => [x.message, text.slice(x.span.start, x.span.end)])).toEqual([
      ["unknown escape `\\t` in string", "\\t"],
      ["unknown escape `\\u` in string", "\\u"],
    ]);
    const f = r.ast.entries[0]!;
    expect(f.kind === "field" && f.value?.items[0]?.terms[0]).toMatchObject({ value: "x\\ty\\u" });
  });

  test("unterminated string, prose, comment", () => {
    expect(parse('charter "x" { a: "abc\n}', "t").diagnostics.map((d) => d.code)).toEqual(["CH0002"]);
    expect(parse('charter "x" { a: """abc\n}', "t").diagnostics.map((d) => d.code)).toEqual(["CH0003", "CH0009"]);
    expect(parse('charter "x" { /* abc\n}', "t").diagnostics.map((d) => d.code).sort()).toEqual(["CH0004", "CH0009"]);
  });
});

describe("prose dedent", () => {
  test("common indentation, first and last blank lines dropped", () => {
    expect(dedentProse('"""\n    We associate.\n      Indented.\n\n    Whoever joins may leave.\n  """').value).toBe(
      "We associate.\n  Indented.\n\nWhoever joins may leave.",
    );
  });
  test("single line and empty", () => {
    expect(dedentProse('"""hello"""').value).toBe("hello");
    expect(dedentProse('""""""').value).toBe("");
    expect(dedentProse('"""\n"""').value).toBe("");
    expect(dedentProse('"""   """').value).toBe("");
  });
  test("CRLF becomes LF, tabs compared literally, trailing spaces kept", () => {
    expect(dedentProse('"""\r\n\tA \r\n\t\tB\r\n"""').value).toBe("A \n\tB");
    expect(dedentProse('"""\n\tA\n  B\n"""').value).toBe("\tA\n  B");
  });
  test("text on the opening line counts", () => {
    expect(dedentProse('"""First\n   second\n"""').value).toBe("First\n   second");
  });
  test("raw is kept in the AST", () => {
    const { terms: t } = terms('"""\n  x\n"""');
    expect(t[0]).toMatchObject({ kind: "prose", value: "x", raw: '"""\n  x\n"""' });
  });
});

describe("comments", () => {
  test("kept on the document in order", () => {
    const text = '// one\ncharter "x" { /* two */ a: b // three\n}';
    const r = parse(text, "t");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.comments.map((c) => [c.style, c.text, text.slice(c.span.start, c.span.end)])).toEqual([
      ["line", "// one", "// one"],
      ["block", "/* two */", "/* two */"],
      ["line", "// three", "// three"],
    ]);
  });
});

describe("unexpected characters", () => {
  test("one CH0001 per run", () => {
    const text = 'charter "x" { a: b @@@ c\n ~ }';
    const r = parse(text, "t");
    expect(r.diagnostics.map((d) => [d.code, d.message, text.slice(d.span.start, d.span.end)])).toEqual([
      ["CH0001", "unexpected character `@`", "@@@"],
      ["CH0001", "unexpected character `~`", "~"],
    ]);
  });
  test("lone surrogates are shown escaped", () => {
    const r = parse("a: b \uD800", "t");
    expect(r.diagnostics.find((d) => d.code === "CH0001")?.message).toBe("unexpected character `\\uD800`");
  });
  test("capped per file", () => {
    const r = parse("@ ".repeat(10_000), "t");
    expect(r.diagnostics.filter((d) => d.code === "CH0001")).toHaveLength(100);
  });
});
