// docs/reference.md is generated from the compiler's tables and must not
// drift from them; it covers every section, field, value form, default and
// property; `charterc explain` prints one section's or field's entry.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { explain, explainOrFail } from "../src/cli/commands/explain.js";
import { referenceEntry, renderReference } from "../src/language/reference.js";
import { KIND_EXPECTED, SECTIONS } from "../src/language/schema.js";
import { PROPERTY_IDS } from "../src/language/properties.js";
import { RULES } from "../src/rules/index.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOC = fs.readFileSync(path.join(ROOT, "docs/reference.md"), "utf8");

describe("docs/reference.md", () => {
  it("is what `npm run reference` generates (run it after changing the schema, the properties or the rules)", () => {
    expect(DOC).toBe(renderReference());
  });

  it("the generator script writes the same text (its --check passes)", () => {
    expect(() => execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-reference.mjs"), "--check"], { cwd: ROOT, stdio: "pipe" })).not.toThrow();
  });

  it("covers every section, every field with its value form and default, every property", () => {
    for (const s of SECTIONS.values()) {
      expect(DOC).toContain(`### \`${s.keyword}`);
      for (const f of s.fields) {
        const row = DOC.split("\n").find((l) => l.startsWith(`| \`${f.name}\` | ${KIND_EXPECTED[f.kind].replace(/\|/g, "\\|")} |`));
        expect(row, `${s.keyword}.${f.name}`).toBeDefined();
        if (f.default) expect(row).toContain(f.default.replace(/\|/g, "\\|"));
        if (f.required) expect(row).toContain("| yes |");
      }
    }
    for (const id of PROPERTY_IDS) expect(DOC).toContain(`[\`${id}\`](rules/${id}.md)`);
    for (const r of RULES) expect(fs.existsSync(path.join(ROOT, "docs/rules", `${r.id}.md`))).toBe(true);
    expect(DOC).toContain("## Coalition rules");
    expect(DOC).toContain("amendable: never");
  });

  it("README and docs/language.md point at it, not at a LANGUAGE.md users do not have", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const language = fs.readFileSync(path.join(ROOT, "docs/language.md"), "utf8");
    expect(readme).toContain("(docs/reference.md)");
    expect(language).toContain("(reference.md)");
    expect(readme).not.toMatch(/specified in `LANGUAGE\.md`/);
  });
});

describe("charterc explain SECTION / SECTION.FIELD", () => {
  it("prints a field's entry", () => {
    const page = explain("exit.notice")!;
    expect(page).toMatch(/^# `exit.notice`\n/);
    expect(page).toContain("Value: a duration such as `30 days` or `immediately`.");
    expect(page).toContain("In: `exit`");
  });

  it("prints a section's entry with its field table", () => {
    const page = explain("membership")!;
    expect(page).toMatch(/^# `membership`\n/);
    expect(page).toContain("| `admission` |");
    expect(referenceEntry("member-of.withdrawal")).toContain("# `member of.withdrawal`");
  });

  it("still prints rule and code pages first", () => {
    expect(explain("exit-guaranteed")).toMatch(/^# `exit-guaranteed`/);
  });

  it("an unknown name is a usage error with a did-you-mean", () => {
    expect(() => explainOrFail("exit.notcie")).toThrow("nothing named `exit.notcie` (did you mean `exit.notice`?)");
    expect(() => explainOrFail("membreship")).toThrow("(did you mean `membership`?)");
    expect(() => explainOrFail("exit-garanteed")).toThrow("(did you mean `exit-guaranteed`?)");
    expect(() => explainOrFail("zzzzzz")).toThrow(/^nothing named `zzzzzz`; try a rule id/);
  });
});
