// Shared by the formatter tests: format through the public helper, and the
// invariants every formatting must keep.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { parse } from "../../src/lower/index.js";
import { formatCharter } from "../../src/prettier/generated.js";
import { commentTexts, stripAst } from "../../src/prettier/ast-equal.js";
import { checkFiles } from "../helpers/memory-host.js";
import type { CheckResult } from "../../src/compiler.js";

/** Format or fail the test with the diagnostics. */
export async function fmt(text: string, file = "test.charter"): Promise<string> {
  const r = await formatCharter(text, { file });
  if (!("formatted" in r)) throw new Error(`unexpected syntax errors in ${file}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return r.formatted;
}

/** Diagnostic codes (sorted: import order may change) and the properties of `file`. */
export function verdict(result: CheckResult, file: string): { codes: string[]; properties: unknown } {
  const f = result.files.find((x) => x.file === file);
  if (!f) throw new Error(`no result for ${file}`);
  return { codes: f.diagnostics.map((d) => d.code).sort(), properties: f.properties };
}

/**
 * Format `files[entry]` and assert the formatter's guarantees: a second
 * pass changes nothing; the AST is the same (ranges, raw spellings and
 * import order aside); the comments are the same, in the same order; and
 * `check` gives the same diagnostic codes and property verdicts (the other
 * files of `files` are there for the imports).
 */
export async function assertFormatInvariants(files: Record<string, string>, entry: string): Promise<string> {
  const text = files[entry]!;
  const once = await fmt(text, entry);
  const twice = await fmt(once, entry);
  expect(twice).toBe(once);
  const a = parse(text, entry).ast;
  const b = parse(once, entry).ast;
  expect(stripAst(b)).toEqual(stripAst(a));
  expect(commentTexts(b)).toEqual(commentTexts(a));
  const before = verdict(checkFiles(files, [entry]), entry);
  const after = verdict(checkFiles({ ...files, [entry]: once }, [entry]), entry);
  expect(after).toEqual(before);
  return once;
}

/** Every `.charter` file under `dir`, as paths relative to `dir`. */
export function charterFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".charter")) out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}
