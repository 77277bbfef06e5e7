// Hostile inputs through the whole CLI pipeline (check + text and JSON
// rendering), generated here rather than committed: each must be answered
// with diagnostics, inside the text, never a crash. That the front end stays
// linear on such shapes is tested in linear.test.ts.
import { describe, expect, it } from "vitest";
import { checkInvariants, runPipeline } from "../../src/fuzz/invariants.js";
import { parseUnchecked } from "../../src/lower/index.js";

const BOUND_MS = 20_000; // generous: these run beside other tests on 2 cores

const HOSTILE: Record<string, () => string> = {
  "100,000-deep braces": () => `charter "x" {${"{".repeat(100_000)}${"}".repeat(100_000)}}`,
  "100,000 unclosed braces": () => `charter "x" ${"{".repeat(100_000)}`,
  "100,000-deep brackets": () => `charter "x" { exit { approval: ${"[".repeat(100_000)} } }`,
  "a 5 MB single line": () => `charter "x" { ${"membership { eligibility: \"a\" admission: open } ".repeat(5 * 1024 * 1024 / 50)} }`,
  "1 MB of one repeated token": () => "exit ".repeat(1024 * 1024 / 5),
  "an unterminated string at the start of a large file": () => `charter "x {\n${'  body b { members: all members }\n'.repeat(20_000)}}`,
  "an unterminated prose block at the start of a large file": () => `charter "x" { preamble: """\n${"  words words words\n".repeat(20_000)}}`,
  "an unterminated block comment": () => `charter "x" { /* ${"x ".repeat(200_000)}`,
  "lone surrogates everywhere": () => `\ud800charter "\udc00" { exit { approval: none \udfff } \ud83d }\ud800`,
  "a BOM, NULs and CR-only line ends": () => `\uFEFFcharter "x" {\r\0exit {\rapproval: none\r}\r}\r`,
};

describe("hostile inputs", () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`${name}: diagnostics inside the text, no crash`, () => {
      const text = make();
      const r = checkInvariants(text, BOUND_MS);
      expect(r.failure).toBeNull();
      const { result } = runPipeline(text);
      const file = result.files[0]!;
      if (name !== "a 5 MB single line") expect(file.diagnostics.length).toBeGreaterThan(0);
      expect(result.errors + result.warnings).toBeGreaterThan(0);
    }, 60_000);
  }
});
