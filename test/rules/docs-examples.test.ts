// Every rule's docs page has a failing and a passing example; the rule
// fails on the first and holds on the second, and both are valid charters.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { examplesIn, runExample } from "./project.js";

const DOCS = path.resolve(import.meta.dirname, "../../docs/rules");

describe.each(RULES.map((r) => [r.id, r] as const))("docs/rules/%s.md", (id) => {
  const page = fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8");
  for (const [heading, expected] of [
    ["A failing example", false],
    ["A passing example", true],
  ] as const) {
    it(`${heading.toLowerCase()}: the rule ${expected ? "holds" : "fails"}`, () => {
      const ex = examplesIn(page, heading);
      expect(ex, `${id}: no ${heading}`).not.toBeNull();
      const result = runExample(ex!);
      const all = result.files.flatMap((f) => f.diagnostics);
      const invalid = all.filter((d) => d.severity === "error" && !d.rule);
      expect(invalid.map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
      const target = result.files.find((f) => f.file === ex!.target)!;
      expect(target.properties?.[id]?.holds, JSON.stringify(target.properties?.[id])).toBe(expected);
      const mine = all.filter((d) => d.rule === id);
      if (expected) expect(mine.map((d) => d.message)).toEqual([]);
      else expect(mine.length).toBeGreaterThan(0);
    });
  }
});
