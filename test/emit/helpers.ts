// Shared by the emitter tests: every example charter, checked once.
import fs from "node:fs";
import { globSync } from "tinyglobby";
import type { CheckResult, FileResult } from "../../src/compiler.js";
import type { Charter } from "../../src/semantics/model.js";
import { checkFiles } from "../helpers/memory-host.js";

export function exampleCharters(): FileResult[] {
  return exampleCheck().files.filter((f) => f.entry && f.charter);
}

let cached: CheckResult | null = null;
export function exampleCheck(): CheckResult {
  if (cached) return cached;
  const paths = globSync(["charters/**/*.charter"]).sort();
  const files: Record<string, string> = {};
  for (const p of paths) files[p] = fs.readFileSync(p, "utf8");
  cached = checkFiles(files, paths);
  return cached;
}

/** Every charter of the examples' check, by file (to name federations in titles). */
export function exampleChartersByFile(): Map<string, Charter> {
  const m = new Map<string, Charter>();
  for (const f of exampleCheck().files) if (f.charter) m.set(f.file, f.charter);
  return m;
}

/** `charters/federations/delian-league.charter` → `federations/delian-league`. */
export function goldenName(file: string): string {
  return file.replace(/^charters\//, "").replace(/\.charter$/, "");
}
