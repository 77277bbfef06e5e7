// Expanding command-line paths (files, folders, globs) into charter files.
import fs from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { check, relativeId, toPosix } from "../compiler.js";
import type { Profile } from "../config/options.js";
import { loadProjectConfig, type ProjectConfig } from "./config-file.js";
import { UsageError, type Io } from "./io.js";
import { nodeHost } from "./node-host.js";

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

/**
 * The charter files a command works on: `paths` from the command line, else
 * `include` from charterc.yaml; exit 2 (UsageError) when nothing matches.
 */
export async function projectInputs(paths: readonly string[], io: Io, configPath: string | undefined, verb: string): Promise<{ project: ProjectConfig; files: string[] }> {
  const project = await loadProjectConfig(io.cwd, configPath);
  const args = paths.length > 0 ? paths : project.include;
  const base = paths.length > 0 ? io.cwd : project.root;
  const { files, unmatched } = await expandInputs(args, base);
  for (const u of unmatched) io.err(`charterc: no charter files match \`${u}\``);
  if (files.length === 0) throw new UsageError(`no charter files to ${verb} (looked for ${args.map((a) => `\`${a}\``).join(", ")})`);
  return { project, files };
}

/** Check the command's inputs, with `--profile` over the configured profile. */
export async function checkInputs(paths: readonly string[], io: Io, flags: { config?: string; profile?: Profile }, verb: string) {
  const { project, files } = await projectInputs(paths, io, flags.config, verb);
  const options = flags.profile ? { ...project.options, profile: flags.profile } : project.options;
  const result = check({ entries: files.map((f) => relativeId(project.root, f)), host: nodeHost(project.root), options });
  return { project, files, options, result };
}
