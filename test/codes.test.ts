// Golden tests: every diagnostic code has a fixture that triggers it and one
// that does not, with what a user sees (source line, `~~~` underline,
// message) kept beside it in expected.txt. Update with `npx vitest run -u`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/diagnostics/codes.js";
import { renderDiagnostic } from "../src/diagnostics/render-text.js";
import { validateRecords } from "../src/validate/index.js";
import { decodeUtf8 } from "../src/text/utf8.js";
import { checkFiles } from "./helpers/memory-host.js";

const DIR = path.join(import.meta.dirname, "fixtures/codes");

function loadDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".charter") || e.name === "entries.txt") files[path.relative(dir, p).split(path.sep).join("/")] = decodeUtf8(fs.readFileSync(p)).text; // as the disk host decodes (CH0016)
    }
  };
  walk(dir);
  return files;
}

/** Record-validation codes (CH04xx): records.yaml checked against charter.charter. */
function runRecordsFixture(dir: string) {
  const charterText = fs.readFileSync(path.join(dir, "charter.charter"), "utf8");
  const checked = checkFiles({ "charter.charter": charterText }, ["charter.charter"]);
  const charter = checked.files[0]!.charter!;
  const text = fs.readFileSync(path.join(dir, "records.yaml"), "utf8");
  const r = validateRecords({ file: "records.yaml", text, charter });
  const rendered = r.diagnostics.map((d) => renderDiagnostic(d, r)).join("\n\n");
  return { rendered: rendered + "\n", codes: new Set(r.diagnostics.map((d) => d.code)) };
}

export function runFixture(dir: string) {
  if (fs.existsSync(path.join(dir, "records.yaml"))) return runRecordsFixture(dir);
  const { "entries.txt": entriesTxt, ...files } = loadDir(dir);
  const entries = entriesTxt ? entriesTxt.split("\n").filter(Boolean) : ["main.charter"];
  const result = checkFiles(files, entries);
  const byFile = new Map(result.files.map((f) => [f.file, f]));
  const rendered = result.files
    .flatMap((f) => f.diagnostics.map((d) => renderDiagnostic(d, f, undefined, (other) => byFile.get(other))))
    .join("\n\n");
  const codes = new Set(result.files.flatMap((f) => f.diagnostics.map((d) => d.code)));
  return { rendered: rendered + "\n", codes };
}

const codeDirs = fs.readdirSync(DIR).filter((d) => /^CH\d{4}$/.test(d)).sort();

describe("diagnostic code fixtures", () => {
  it("the shared clean records fixture has no findings", async () => {
    const { rendered, codes } = runFixture(path.join(DIR, "_clean-records"));
    expect([...codes]).toEqual([]);
    await expect(rendered).toMatchFileSnapshot(path.join(DIR, "_clean-records/expected.txt"));
  });

  it("the shared clean fixture has no diagnostics at all", async () => {
    const { rendered, codes } = runFixture(path.join(DIR, "_clean"));
    expect([...codes]).toEqual([]);
    await expect(rendered).toMatchFileSnapshot(path.join(DIR, "_clean/expected.txt"));
  });

  for (const code of codeDirs) {
    it(`${code} (${CODES.get(code)?.name}) is reported by its trigger fixture`, async () => {
      const dir = path.join(DIR, code, "trigger");
      const { rendered, codes } = runFixture(dir);
      expect(codes.has(code), `expected ${code} in:\n${rendered}`).toBe(true);
      await expect(rendered).toMatchFileSnapshot(path.join(dir, "expected.txt"));
    });
    it(`${code} is not reported by its clean fixture`, async () => {
      const own = path.join(DIR, code, "clean");
      const dir = fs.existsSync(own) ? own : path.join(DIR, code.startsWith("CH04") ? "_clean-records" : "_clean");
      const { rendered, codes } = runFixture(dir);
      expect(codes.has(code), rendered).toBe(false);
      if (dir === own) await expect(rendered).toMatchFileSnapshot(path.join(dir, "expected.txt"));
    });
  }
});
