// Expanding paths (files, folders, globs) into charter files: the Node-side
// project layer, shared by the CLI and the language server.
import fs from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { toPosix } from "../compiler.js";

export interface Expanded {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Arguments that matched nothing. */
  readonly unmatched: string[];
}

export async function expandInputs(args: readonly string[], cwd: string, ext = ".charter"): Promise<Expanded> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(abs);
      continue;
    }
    const pattern = stat?.isDirectory() ? `${toPosix(path.relative(cwd, abs)) || "."}/**/*${ext}` : toPosix(arg);
    const found = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ["**/node_modules/**"] });
    if (found.length === 0) unmatched.push(arg);
    for (const f of found) files.add(path.resolve(f));
  }
  return { files: [...files].sort(), unmatched };
}
