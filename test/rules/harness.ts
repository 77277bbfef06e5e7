// In-memory compilation for analysis and rule tests: real `.charter` text
// through the real pipeline (`check`), no disk.
import path from "node:path";
import { check, type CheckResult, type CompilerHost, type FileResult } from "../../src/compiler.js";
import { DEFAULT_OPTIONS, type CheckOptions } from "../../src/config/options.js";
import type { Charter } from "../../src/semantics/model.js";

const ROOT = path.resolve("/virtual-project");

export function memoryHost(files: Readonly<Record<string, string>>): CompilerHost {
  const abs = new Map(Object.entries(files).map(([rel, text]) => [path.join(ROOT, ...rel.split("/")), text]));
  return {
    root: ROOT,
    readFile: (p) => abs.get(path.resolve(p)),
    realpath: (p) => {
      const r = path.resolve(p);
      if (abs.has(r)) return r;
      if (r === ROOT || [...abs.keys()].some((k) => k.startsWith(r + path.sep))) return r;
      return undefined;
    },
  };
}

/** Check every file given (all are entries). */
export function checkFiles(files: Readonly<Record<string, string>>, options: Partial<CheckOptions> = {}): CheckResult {
  return check({ entries: Object.keys(files), host: memoryHost(files), options: { ...DEFAULT_OPTIONS, ...options } });
}

export function fileResult(result: CheckResult, file: string): FileResult {
  const f = result.files.find((x) => x.file === file);
  if (!f) throw new Error(`no result for ${file}`);
  return f;
}

/** Compile one charter and return its resolved model; fails the test on syntax or semantic errors. */
export function charterOf(text: string, file = "test.charter", opts: { allowErrors?: boolean } = {}): Charter {
  const r = checkFiles({ [file]: text });
  const f = fileResult(r, file);
  const errors = f.diagnostics.filter((d) => d.severity === "error" && !d.rule);
  if (errors.length > 0 && !opts.allowErrors) throw new Error(`unexpected errors in ${file}:\n${errors.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  if (!f.charter) throw new Error(`${file} did not produce a charter`);
  return f.charter;
}

/** Wrap sections into a minimal valid charter. */
export function charter(body: string, header = 'charter "Test"'): string {
  return `${header} {\n  jurisdiction: personal\n${body}\n}\n`;
}
