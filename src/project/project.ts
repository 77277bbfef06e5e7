// One notion of the project for every command (check, fmt, build, validate,
// diff, compare) and the language server: the root is the folder of the
// charterc.yaml found at or above the working directory (or named with -c),
// else the working directory; every file is named by its root-relative id;
// a file outside the root is refused unread (CH0303), never given a root of
// its own.
import path from "node:path";
import { relativeId } from "../compiler.js";
import { loadProjectConfig, type ProjectConfig } from "./config-file.js";

export type { ProjectConfig };

/** The project of a command run in `cwd` (with `-c FILE` when given). Throws ConfigError. */
export function openProject(cwd: string, configFlag?: string): Promise<ProjectConfig> {
  return loadProjectConfig(cwd, configFlag);
}

/**
 * The entries for `check()` of files named on the command line, relative to
 * the project root. A file outside the root keeps an id starting with `../`,
 * which `check()` refuses unread with CH0303 — the same answer for every command.
 */
export function entryIds(project: ProjectConfig, cwd: string, args: readonly string[]): string[] {
  return args.map((a) => relativeId(project.root, path.resolve(cwd, a)));
}
