// Shared by the emitter tests: every example charter, checked once.
import fs from "node:fs";
import { globSync } from "tinyglobby";
import type { FileResult } from "../../src/compiler.js";
import { checkFiles } from "../helpers/memory-host.js";

export function exampleCharters(): FileResult[] {
  const paths = globSync(["charters/**/*.charter"]).sort();
  const files: Record<string, string> = {};
  for (const p of paths) files[p] = fs.readFileSync(p, "utf8");
  const result = checkFiles(files, paths);
  return result.files.filter((f) => f.entry && f.charter);
}

/** `charters/federations/delian-league.charter` → `federations/delian-league`. */
export function goldenName(file: string): string {
  return file.replace(/^charters\//, "").replace(/\.charter$/, "");
}
