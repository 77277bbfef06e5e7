// A misspelled section keyword (`exitt {`, `dispute {`, `bodyy council {`)
// is one CH0019 with a did-you-mean, not a cascade: the parser reads it as a
// section with an unknown keyword, lowering reports it once and leaves it out
// of the AST, and the rest of the file parses as if it were not there.
import { describe, expect, test } from "vitest";
import { parse } from "../../src/lower/index.js";
import { parseSource } from "../../src/compiler.js";
import { reparseIncrementally, sameParse } from "../../src/lsp/incremental.js";
import { formatCharter } from "../../src/prettier/generated.js";
import type { Document } from "../../src/ast/ast.js";
import { checkText } from "../helpers/memory-host.js";
import { codesAtLines } from "./helpers.js";

/** A valid charter with `middle` spliced in after the top-level fields (at line 4). */
function charter(middle: string): string {
  return [
    'charter "Fixture" {',
    '  version: "1.0.0"',
    "  jurisdiction: personal",
    middle,
    "  membership {",
    '    eligibility: "anyone"',
    "    admission: open",
    "  }",
    "  body assembly { members: all members }",
    "  decision ordinary {",
    "    by: assembly",
    "    threshold: majority of votes cast",
    "  }",
    "  amendments { by: ordinary }",
    '  disputes { by: "an arbiter" }',
    "}",
    "",
  ].join("\n");
}

const OUTLINE = ["version", "jurisdiction", "membership", "body assembly", "decision ordinary", "amendments", "disputes"];

function outline(doc: Document): string[] {
  return doc.entries.map((e) => (e.kind === "field" ? e.name.name : e.keyword + (e.name ? " " + e.name.name : "")));
}

function syntax(text: string) {
  const r = parse(text, "t.charter");
  return { ...r, at: codesAtLines(text, r.diagnostics) };
}

/** Errors through the whole pipeline (warnings of the rules aside), as `CODE@line:col message`. */
function errors(text: string): string[] {
  const f = checkText(text).files[0]!;
  return f.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const p = f.lines.position(d.span.start);
      return `${d.code}@${p.line}:${p.column} ${d.message}`;
    });
}

describe("an unknown section at the charter's level", () => {
  test("the new user's `exitt {`: one error, and body and decision still parse", () => {
    const text = charter("  exitt {\n    approval: none\n  }");
    expect(errors(text)).toEqual(["CH0019@4:3 unknown section `exitt` (did you mean `exit`?)"]);
    const r = syntax(text);
    expect(outline(r.ast)).toEqual(OUTLINE);
    // The quick fix renames the keyword.
    const d = r.diagnostics[0]!;
    expect(text.slice(d.span.start, d.span.end)).toBe("exitt");
    expect(d.fix).toEqual({ title: "Change to `exit`", edits: [{ file: "t.charter", span: d.span, newText: "exit" }] });
  });

  test("`dispute {` suggests `disputes`, on one line too", () => {
    expect(errors(charter('  dispute { by: "an elder" }'))).toEqual(["CH0019@4:3 unknown section `dispute` (did you mean `disputes`?)"]);
  });

  test("`bodyy council {`: the name is not reported, only the keyword", () => {
    const text = charter("  bodyy council {\n    members: 5 seats\n    selection: sortition\n  }");
    const r = syntax(text);
    expect(r.at).toEqual(["CH0019@4"]);
    expect(r.diagnostics[0]!.message).toBe("unknown section `bodyy` (did you mean `body`?)");
    expect(outline(r.ast)).toEqual(OUTLINE);
  });

  test("`memberof cascadia {` suggests `member of`", () => {
    const r = syntax(charter("  memberof cascadia {\n    delegates: defence\n  }"));
    expect(r.diagnostics.map((d) => d.message)).toEqual(["unknown section `memberof` (did you mean `member of`?)"]);
    expect(r.diagnostics[0]!.fix?.edits[0]?.newText).toBe("member of");
  });

  test("with nothing close, the help lists the sections", () => {
    const r = syntax(charter("  treasury {\n    budget: 100\n  }"));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "CH0019", message: "unknown section `treasury`" });
    expect(r.diagnostics[0]!.fix).toBeUndefined();
    expect(r.diagnostics[0]!.help).toContain("`membership`, `exit`, `secession`, `body NAME`, `decision NAME`");
    expect(r.diagnostics[0]!.help).toContain("`member of NAME`");
  });

  test("the line after a value is not glued onto it", () => {
    // Before: `jurisdiction: personal exitt` was one (invalid) value and `{` a stray token.
    const text = ['charter "F" {', "  jurisdiction: personal", "  exitt {", "    approval: none", "  }", "}", ""].join("\n");
    const r = syntax(text);
    expect(r.at).toEqual(["CH0019@3"]);
    expect(outline(r.ast)).toEqual(["jurisdiction"]);
    expect(errors(text)).toEqual(["CH0019@3:3 unknown section `exitt` (did you mean `exit`?)"]);
  });

  test("its fields get syntax errors only, never unknown-field or missing-field", () => {
    const text = charter('  exitt {\n    approval none\n    notice: 3 dayz\n    colour: "red" :\n  }');
    const found = errors(text);
    expect(found.map((e) => e.split(" ")[0])).toEqual(["CH0019@4:3", "CH0006@5:5", "CH0010@7:19"]);
  });

  test("a missing `}` is reported for it, and the following section still starts", () => {
    const text = charter("  exitt {\n    approval: none\n");
    const r = syntax(text);
    expect(r.at).toEqual(["CH0019@4", "CH0009@5"]);
    expect(r.diagnostics[1]!.message).toBe("expected `}` to close `exitt`");
    expect(outline(r.ast)).toEqual(OUTLINE);
  });

  test("in a federation, and after the charter's end", () => {
    const fed = ['federation "F" {', "  powers: defence", "  exitt { approval: none }", "}", ""].join("\n");
    expect(syntax(fed).at).toEqual(["CH0019@3"]);
    const after = ['charter "F" {', "  version: \"1\"", "}", "exitt { approval: none }", ""].join("\n");
    expect(syntax(after).at).toEqual(["CH0015@4", "CH0019@4"]);
  });

  test("many of them: one error each", () => {
    const many = Array.from({ length: 50 }, (_, i) => `  section${i} {\n    a: b\n  }`).join("\n");
    const r = syntax(charter(many));
    expect(r.diagnostics.every((d) => d.code === "CH0019")).toBe(true);
    expect(r.diagnostics).toHaveLength(50);
    expect(outline(r.ast)).toEqual(OUTLINE);
  });
});

describe("inside a section and inside values", () => {
  test("beginning a line inside a section, it ends that section as a known keyword does", () => {
    const text = charter("  exit {\n    approval: none\n  exitt {\n    notice: 3 days\n  }");
    const r = syntax(text);
    expect(r.at).toEqual(["CH0009@5", "CH0019@6"]);
    expect(r.diagnostics[0]!.message).toBe("expected `}` to close `exit`");
    expect(outline(r.ast)).toEqual([...OUTLINE.slice(0, 2), "exit", ...OUTLINE.slice(2)]);
  });

  test("a value's last word on its own line before a section is still the value's (`data` + `membership {`)", () => {
    const text = ['charter "F" {', "  exit {", "    approval: none", "    retains: property,", "      data", "  }", "  powers: a,", "    b", "  membership {", '    eligibility: "x"', "    admission: open", "  }", "}", ""].join("\n");
    const r = syntax(text);
    expect(r.diagnostics).toEqual([]);
    expect(outline(r.ast)).toEqual(["exit", "powers", "membership"]);
    const powers = r.ast.entries[1]!;
    expect(powers.kind === "field" && powers.value?.items.map((p) => p.terms.map((t) => (t.kind === "ident" ? t.name : "?")).join(" "))).toEqual(["a", "b"]);
  });

  test("not at a line start inside a value, `word {` is read as before (the `{` is a stray token)", () => {
    const r = syntax(charter("  exit {\n    approval: none foo {\n  }"));
    expect(r.diagnostics.map((d) => d.code)).toContain("CH0010");
    expect(r.diagnostics.map((d) => d.code)).not.toContain("CH0019");
  });
});

describe("the formatter and the editor", () => {
  test("fmt leaves such a file byte for byte, reporting CH0019", async () => {
    const text = charter("  exitt   {\n      approval:none\n  }");
    const r = await formatCharter(text, { file: "t.charter" });
    expect("diagnostics" in r && r.diagnostics.map((d) => d.code)).toEqual(["CH0019"]);
  });

  test("an edit in a known section of such a file re-parses incrementally, as a full parse would", () => {
    const text = charter("  exitt {\n    approval: none\n  }");
    const prev = parseSource("t.charter", text);
    const at = text.indexOf("majority of votes cast");
    const next = text.slice(0, at) + "2/3 of members" + text.slice(at + "majority of votes cast".length);
    const inc = reparseIncrementally(prev, next);
    expect(inc).not.toBeNull();
    expect(sameParse(inc!, parseSource("t.charter", next))).toBe(true);
    expect(inc!.parseDiagnostics.map((d) => d.code)).toEqual(["CH0019"]);
  });

  test("misspelling a section's keyword, and mending it, gives what a full parse gives", () => {
    const good = charter("  exit {\n    approval: none\n  }");
    const bad = good.replace("  exit {", "  exitt {");
    for (const [from, to] of [
      [good, bad],
      [bad, good],
    ] as const) {
      const prev = parseSource("t.charter", from);
      const inc = reparseIncrementally(prev, to);
      const full = parseSource("t.charter", to);
      if (inc !== null) expect(sameParse(inc, full)).toBe(true);
      expect(full.parseDiagnostics.map((d) => d.code)).toEqual(to === bad ? ["CH0019"] : []);
    }
  });
});
