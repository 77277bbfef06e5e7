// Hostile inputs: no throw, spans inside the text, linear time.
import { describe, expect, test } from "vitest";
import { parseUnchecked } from "../../src/lower/index.js";
import { specExample, spansInside } from "./helpers.js";

function check(text: string, expectCode?: string): void {
  const r = parseUnchecked(text, "hostile.charter");
  expect(spansInside(text, r.diagnostics)).toBe(true);
  expect(r.diagnostics.length).toBeGreaterThan(0);
  if (expectCode) expect(r.diagnostics.map((d) => d.code)).toContain(expectCode);
  expect(r.diagnostics.length).toBeLessThanOrEqual(20 * 100);
}

describe("hostile inputs", { timeout: 60_000 }, () => {
  test("100,000 nested `{`", () => {
    check("{".repeat(100_000), "CH0010");
    check('charter "x" ' + "{".repeat(100_000), "CH0009");
    check('charter "x" { exit ' + "{ a: b ".repeat(100_000) + "}".repeat(100_000));
  });
  test("5 MB single line: over the token limit, one CH0018 and nothing built", () => {
    check("abc ".repeat((5 * 1024 * 1024) / 4), "CH0018");
    check('charter "x" { a: ' + "b, ".repeat((5 * 1024 * 1024) / 3), "CH0018");
  });
  test("a single line just under the token limit", () => {
    check("abc ".repeat(199_000), "CH0011");
    check('charter "x" { a: ' + "b, ".repeat(99_000));
  });
  test("1 MB of one repeated token", () => {
    for (const tok of ["{", "}", '"', "/*", ":", ",", "@", "7", "a\n", "2/", "\r"]) {
      check(tok.repeat((1 << 20) / tok.length));
    }
  });
  test("unterminated string at the start of a large file", () => {
    const big = ('"\n' + specExample()).repeat(200);
    check(big, "CH0002");
    const text = '"unterminated\n' + specExample().repeat(100);
    const r = parseUnchecked(text, "t");
    expect(r.diagnostics.slice(0, 2).map((d) => d.code)).toEqual(["CH0002", "CH0010"]);
    expect(r.ast.header?.name).toBe("Free Commons of Cascadia");
  });
  test("unterminated prose and comment at the start of a large file", () => {
    check('"""' + specExample().repeat(200), "CH0003");
    check("/*" + specExample().repeat(200), "CH0004");
  });
  test("lone surrogates, NUL, odd line breaks", () => {
    check("\uD800", "CH0001");
    check('charter "\uDC00" { a: "\uD800" \uD800 \u0000 }\u2028\u2029\r\r\n', "CH0001");
    check("\uD800".repeat(1 << 20), "CH0001");
    check("\uFEFF\uFEFF", "CH0011");
  });
});
