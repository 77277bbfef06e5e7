// The TextMate grammar (grammar/charter.tmLanguage.json), checked with the
// vscode-tmgrammar-test runner over the assertion files in test/lsp/grammar/
// (excerpts of the example charters with `// ^^^ scope` lines).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers/client.js";

const BIN = path.join(REPO, "node_modules", ".bin", "vscode-tmgrammar-test");
const GRAMMAR = path.join(REPO, "grammar", "charter.tmLanguage.json");

function runGrammarTests(pattern: string) {
  return spawnSync(BIN, ["-c", "-g", GRAMMAR, pattern], { cwd: REPO, encoding: "utf8" });
}

describe("TextMate grammar", () => {
  it("is valid JSON with the charter scope", () => {
    const g = JSON.parse(fs.readFileSync(GRAMMAR, "utf8")) as { scopeName: string; fileTypes: string[] };
    expect(g.scopeName).toBe("source.charter");
    expect(g.fileTypes).toEqual(["charter"]);
  });

  it("passes every assertion file", () => {
    const files = fs.readdirSync(path.join(REPO, "test/lsp/grammar")).filter((f) => f.endsWith(".charter.test"));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const r = runGrammarTests("test/lsp/grammar/*.charter.test");
    expect(r.stdout + r.stderr).not.toMatch(/failed/);
    expect(r.status).toBe(0);
    for (const f of files) expect(r.stdout).toContain(f);
  });

  it("really checks: a wrong scope fails", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charter-grammar-"));
    fs.writeFileSync(path.join(dir, "wrong.charter.test"), '// SYNTAX TEST "source.charter"\n  exit {\n//^^^^ string.quoted.double.charter\n  }\n');
    const r = runGrammarTests(path.join(dir, "*.charter.test"));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("keyword.other.section.charter");
  });
});
