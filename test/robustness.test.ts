// Property test over the whole front end: random text and mutated example
// charters never make any stage throw, every diagnostic (and related
// location) lies inside its file, and the renderers cope with all of it.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonReport, textReport } from "../src/cli/commands/check.js";
import { NO_COLORS } from "../src/diagnostics/render-text.js";
import { checkFiles } from "./helpers/memory-host.js";

const CHARTERS = path.resolve(import.meta.dirname, "../charters");
const corpus = fs
  .readdirSync(CHARTERS, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".charter"))
  .map((f) => fs.readFileSync(path.join(CHARTERS, f), "utf8"));

const TOKENS = ["{", "}", ":", ",", '"', '"""', "/*", "*/", "//", "\n", "\r\n", "\uFEFF", "\ud800", "member of", "body", "decision", "by", "never", "30 days", "2/3", "50%", "import", "charter", "federation", "exit", "é", "\u0000"];

/** A corpus file with a few random edits: deletions, insertions, swaps, truncation. */
const mutated = fc
  .record({
    doc: fc.constantFrom(...corpus),
    edits: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        len: fc.nat({ max: 12 }),
        insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }), fc.constant("")),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ doc, edits, truncate }) => {
    let text = doc;
    for (const e of edits) {
      const at = Math.floor(e.at * text.length);
      text = text.slice(0, at) + e.insert + text.slice(at + e.len);
    }
    return truncate === undefined ? text : text.slice(0, Math.floor(truncate * text.length));
  });

const tokenSoup = fc.array(fc.constantFrom(...TOKENS, "x", " ", "1", "a-b"), { maxLength: 80 }).map((t) => t.join(" "));
const randomText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }));

function assertSound(files: Record<string, string>) {
  const result = checkFiles(files);
  for (const f of result.files) {
    const len = files[f.file]?.length ?? 0;
    for (const d of f.diagnostics) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
      expect(d.span.end).toBeLessThanOrEqual(len);
      for (const r of d.related ?? []) {
        const rlen = files[r.file]?.length ?? 0;
        expect(r.span.end).toBeLessThanOrEqual(rlen);
        expect(r.span.start).toBeGreaterThanOrEqual(0);
      }
    }
  }
  // Renderers never throw and produce valid JSON.
  expect(typeof textReport(result, NO_COLORS, false)).toBe("string");
  JSON.parse(JSON.stringify(jsonReport(result)));
}

describe("robustness of the front end", () => {
  it("mutated example charters", () => {
    fc.assert(fc.property(mutated, (text) => assertSound({ "main.charter": text })), { numRuns: 1500, seed: 20261122 });
  });
  it("token soup", () => {
    fc.assert(fc.property(tokenSoup, (text) => assertSound({ "main.charter": text })), { numRuns: 1000, seed: 7 });
  });
  it("random text, including lone surrogates and control characters", () => {
    fc.assert(fc.property(randomText, (text) => assertSound({ "main.charter": text })), { numRuns: 1000, seed: 11 });
  });
  it("mutated federations split across files", () => {
    const fed = corpus.find((c) => c.includes("federation \"Cascadia Confederacy\""));
    const member = corpus.find((c) => c.includes("import") && c.includes("cascadia"));
    if (!fed || !member) throw new Error("the examples should include the Cascadia federation and a member");
    const memberLocal = member.replace(/import "[^"]*cascadia[^"]*"/, 'import "./fed.charter"');
    fc.assert(
      fc.property(mutated, fc.boolean(), (text, mutateFed) =>
        assertSound(mutateFed ? { "main.charter": memberLocal, "fed.charter": text } : { "main.charter": text, "fed.charter": fed }),
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});
