// Meta-tests: the registry, the docs and the fixtures stay in step, and the
// architecture's invariants (ARCHITECTURE.md) hold in the source tree.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CODES, docsLink } from "../src/diagnostics/codes.js";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("diagnostic registry", () => {
  for (const code of CODES.keys()) {
    it(`${code} has a docs page and a trigger fixture`, () => {
      expect(fs.existsSync(path.join(ROOT, docsLink(code))), docsLink(code)).toBe(true);
      const trigger = path.join(ROOT, "test/fixtures/codes", code, "trigger");
      expect(fs.existsSync(trigger), trigger).toBe(true);
    });
  }

  it("every page in docs/codes belongs to a registered code", () => {
    for (const f of fs.readdirSync(path.join(ROOT, "docs/codes"))) {
      expect(CODES.has(f.replace(/\.md$/, "")), f).toBe(true);
    }
  });

  it("every fixture folder belongs to a registered code", () => {
    for (const d of fs.readdirSync(path.join(ROOT, "test/fixtures/codes"))) {
      if (d.startsWith("_")) continue;
      expect(CODES.has(d), d).toBe(true);
    }
  });

  it("codes and names are unique", () => {
    const names = [...CODES.values()].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

describe("architecture invariants", () => {
  const files = sourceFiles(path.join(ROOT, "src")).map((f) => ({ rel: path.relative(ROOT, f).split(path.sep).join("/"), imports: importsOf(f) }));
  const only = (pkg: RegExp, allowed: RegExp) => {
    const offenders = files.filter((f) => !allowed.test(f.rel) && f.imports.some((i) => pkg.test(i))).map((f) => f.rel);
    expect(offenders).toEqual([]);
  };

  it("only src/syntax/ imports chevrotain", () => only(/^chevrotain/, /^src\/syntax\//));
  it("only src/lsp/ imports vscode-languageserver", () => only(/^vscode-languageserver/, /^src\/lsp\//));
  it("only src/prettier/ imports prettier", () => only(/^prettier/, /^src\/prettier\//));
  it("the compiler core does no IO: fs, child_process and net only in cli/, lsp/ and the fuzz driver", () =>
    only(/^(node:)?(fs|fs\/promises|child_process|net|http|https)$/, /^src\/(cli|lsp|fuzz)\//));
  it("later stages never see chevrotain types: nothing outside syntax/ and lower/ imports src/syntax", () =>
    only(/(^|\/)syntax\/(?!index\.js$)/, /^src\/(syntax|lower)\//));
  it("no test times anything: speed is measured by npm run bench, linearity by counted work", () => {
    // Clocks in tests are for deadlines (waiting for a server), not for
    // assertions; the fuzzer's hang bound lives in src/fuzz/.
    const clock = /performance\.now\(|process\.hrtime|\.cpuUsage\(/;
    const offenders = sourceFiles(path.join(ROOT, "test"))
      .filter((f) => clock.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
