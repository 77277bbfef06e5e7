// Every rule has a docs page, fixtures on both sides, a file named after its
// id, and a registry code whose name is the id.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CODES } from "../../src/diagnostics/codes.js";
import { PROPERTY_IDS } from "../../src/language/properties.js";
import { RULES } from "../../src/rules/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("rule catalogue", () => {
  it("implements every property of §6.2 once, in catalogue order", () => {
    expect(RULES.map((r) => r.id)).toEqual([...PROPERTY_IDS]);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it("is defined in src/rules/<id>.ts", () => {
        const file = path.join(ROOT, "src/rules", `${rule.id}.ts`);
        expect(fs.existsSync(file)).toBe(true);
        expect(fs.readFileSync(file, "utf8")).toMatch(new RegExp(`id: "${rule.id}"`));
      });
      it("has a registry code named after it", () => {
        expect(CODES.get(rule.code)?.name).toBe(rule.id);
      });
      it("has a docs page with a failing and a passing example", () => {
        const page = path.join(ROOT, "docs/rules", `${rule.id}.md`);
        expect(fs.existsSync(page)).toBe(true);
        const text = fs.readFileSync(page, "utf8");
        expect(text).toContain("## A failing example");
        expect(text).toContain("## A passing example");
        expect(text.startsWith(`# \`${rule.id}\` (${rule.code})`)).toBe(true);
      });
      it("has holds and fails fixtures", () => {
        const dir = path.join(ROOT, "test/rules/fixtures", rule.id);
        const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
        expect(files.some((f) => /^holds.*\.charter$/.test(f))).toBe(true);
        expect(files.some((f) => /^fails.*\.charter$/.test(f))).toBe(true);
      });
    });
  }

  it("src/rules holds only rule files and the known support modules", () => {
    const support = new Set(["api.ts", "index.ts", "rule.ts"]);
    for (const f of fs.readdirSync(path.join(ROOT, "src/rules"))) {
      if (support.has(f)) continue;
      expect(RULES.some((r) => `${r.id}.ts` === f), f).toBe(true);
    }
  });

  it("every docs/rules page belongs to a rule", () => {
    for (const f of fs.readdirSync(path.join(ROOT, "docs/rules"))) expect(RULES.some((r) => `${r.id}.md` === f), f).toBe(true);
  });
});
