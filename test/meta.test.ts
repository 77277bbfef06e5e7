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
  it("the compiler core does no IO: fs, child_process and net only in project/, cli/, lsp/ and the fuzz driver", () =>
    only(/^(node:)?(fs|fs\/promises|child_process|net|http|https)$/, /^src\/(project|cli|lsp|fuzz)\//));
  it("the project layer stands under both front ends: it imports neither cli/ nor lsp/, and lsp/ never imports cli/", () => {
    const reaching = (from: string, into: RegExp) => files.filter((f) => f.rel.startsWith(from) && f.imports.some((i) => into.test(i))).map((f) => f.rel);
    expect(reaching("src/project/", /(^|\/)(cli|lsp)\//)).toEqual([]);
    expect(reaching("src/lsp/", /(^|\/)cli\//)).toEqual([]);
    expect(reaching("src/cli/", /(^|\/)lsp\/(?!bin\.js$)/)).toEqual([]);
  });
  it("dynamic import() loads only the project's own modules (and prettier, which the bundle leaves external, as ESM)", () => {
    // In the esbuild bundle a dynamic import() of a CommonJS package yields
    // only `default`, so `const { X } = await import("pkg")` is undefined
    // there while it works from source. Import such packages statically in a
    // module of ours, and import() that module.
    const dynamic = /import\(\s*["']([^"']+)["']\s*\)/g;
    const offenders = files.flatMap((f) =>
      [...fs.readFileSync(path.join(ROOT, f.rel), "utf8").matchAll(dynamic)]
        .map((m) => m[1]!)
        .filter((spec) => !spec.startsWith(".") && !/^prettier(\/|$)/.test(spec))
        .map((spec) => `${f.rel}: import("${spec}")`),
    );
    expect(offenders).toEqual([]);
  });
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
