// Multi-file examples for rule tests: docs pages and fixture folders.
import fs from "node:fs";
import path from "node:path";
import type { CheckResult } from "../../src/compiler.js";
import type { CheckOptions } from "../../src/config/options.js";
import { checkFiles } from "./harness.js";

export interface Example {
  /** File name → text. */
  readonly files: Record<string, string>;
  /** The file whose verdict is asserted (the last block). */
  readonly target: string;
}

/**
 * The ```charter blocks of a markdown section. A block may start with
 * `// file: NAME.charter`; otherwise it is `example.charter`. All blocks of
 * the section form one project; the last one is the target.
 */
export function examplesIn(markdown: string, heading: string): Example | null {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return null;
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const files: Record<string, string> = {};
  let target = "";
  for (const m of section.matchAll(/```charter\n([\s\S]*?)```/g)) {
    const text = m[1]!;
    const name = /^\/\/ file: (\S+)/.exec(text)?.[1] ?? "example.charter";
    files[name] = text;
    target = name;
  }
  return target ? { files, target } : null;
}

export function runExample(ex: Example, options: Partial<CheckOptions> = {}): CheckResult {
  return checkFiles(ex.files, options);
}

/** Every `.charter` file of a fixture folder (targets and helpers), by name. */
export function fixtureFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir)) if (f.endsWith(".charter")) files[f] = fs.readFileSync(path.join(dir, f), "utf8");
  return files;
}
