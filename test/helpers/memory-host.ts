// An in-memory CompilerHost for tests: files by project-relative path.
import path from "node:path";
import { check, type CheckResult, type CompilerHost } from "../../src/compiler.js";
import type { CheckOptions } from "../../src/config/options.js";
import { DEFAULT_OPTIONS } from "../../src/config/options.js";

export const ROOT = path.resolve("/virtual/project");

export function memoryHost(files: Record<string, string>): CompilerHost {
  const byAbs = new Map(Object.entries(files).map(([rel, text]) => [path.join(ROOT, rel), text]));
  return {
    root: ROOT,
    readFile: (abs) => byAbs.get(abs),
    realpath: (abs) => (byAbs.has(abs) || abs === ROOT ? abs : undefined),
  };
}

/** Check in-memory files; `entries` defaults to every file. */
export function checkFiles(files: Record<string, string>, entries?: string[], options: CheckOptions = DEFAULT_OPTIONS): CheckResult {
  return check({ entries: entries ?? Object.keys(files), host: memoryHost(files), options });
}

/** Check one file's text. */
export function checkText(text: string, file = "main.charter", options: CheckOptions = DEFAULT_OPTIONS): CheckResult {
  return checkFiles({ [file]: text }, [file], options);
}
