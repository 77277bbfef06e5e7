// Rule fixtures: test/rules/fixtures/<rule>/holds*.charter must satisfy the
// rule, fails*.charter must fail it, with a diagnostic in that file whose
// message contains each `// expect: …` line (a diagnostic of the rule named
// by a `// reported by: RULE` line instead, when the failure is a fact that
// rule reports once for both). Other .charter files in the
// folder are helpers (imported federations).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/compiler.js";
import { DEFAULT_OPTIONS } from "../../src/config/options.js";
import { RULES } from "../../src/rules/index.js";
import { memoryHost } from "./harness.js";
import { fixtureFolder } from "./project.js";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");

for (const rule of RULES) {
  const dir = path.join(FIXTURES, rule.id);
  const files = fs.existsSync(dir) ? fixtureFolder(dir) : {};
  const targets = Object.keys(files).filter((f) => /^(holds|fails)/.test(f)).sort();
  describe(`fixtures/${rule.id}`, () => {
    for (const target of targets) {
      const expected = target.startsWith("holds");
      it(`${target} ${expected ? "holds" : "fails"}`, () => {
        const result = check({ entries: [target], host: memoryHost(files), options: DEFAULT_OPTIONS });
        const invalid = result.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === "error" && !d.rule);
        expect(invalid.map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
        const f = result.files.find((x) => x.file === target)!;
        const verdict = f.properties![rule.id]!;
        expect(verdict.holds, JSON.stringify(verdict)).toBe(expected);
        // `// reported by: RULE`: the failure is a fact another rule reports at the same place, once (exit-guaranteed and exit-entrenched share a weak or missing exit).
        const by = /^\/\/ reported by: (\S+)$/m.exec(files[target]!)?.[1] ?? rule.id;
        const messages = f.diagnostics.filter((d) => d.rule === by).map((d) => d.message);
        if (by !== rule.id) expect(f.diagnostics.filter((d) => d.rule === rule.id).map((d) => d.message)).toEqual([]);
        if (expected) {
          expect(messages).toEqual([]);
          expect(verdict.reasons).toBeUndefined();
        } else {
          expect(messages.length).toBeGreaterThan(0);
          expect(verdict.reasons?.length).toBeGreaterThan(0);
          for (const m of files[target]!.matchAll(/^\/\/ expect: (.*)$/gm)) {
            expect(messages.some((x) => x.includes(m[1]!)), `no message contains “${m[1]}”:\n${messages.join("\n")}`).toBe(true);
          }
        }
      });
    }
  });
}
