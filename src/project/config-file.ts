// Finding and reading charterc.yaml (the Node-side project layer, shared by
// the CLI and the language server). Validation is pure: src/config/parse-config.ts.
import path from "node:path";
import { ConfigError } from "../config/error.js";
import { DEFAULT_OPTIONS, type CheckOptions } from "../config/options.js";
import { MAX_CONFIG_BYTES } from "../config/limits.js";
import { decodeUtf8, invalidUtf8 } from "../text/utf8.js";
import { readInside } from "./safe-fs.js";
import { findMarkedRoot, lexists } from "./root.js";

export const CONFIG_NAME = "charterc.yaml";

export interface ProjectConfig {
  /** The project root: the folder of charterc.yaml, else of the nearest package.json or .git, else the starting directory (./root.ts). */
  readonly root: string;
  /** Absolute path of the config file, when there is one. */
  readonly file: string | null;
  readonly include: readonly string[];
  readonly options: CheckOptions;
}

export { ConfigError };

/** The nearest charterc.yaml at or above `start`. */
export function findConfig(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    // lstat: a link named charterc.yaml is found (and then refused if it leads out), never followed here.
    if (lexists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The text of charterc.yaml, read the safe way: a regular file (a FIFO or
 * device is refused at once, never opened for a blocking read), inside its
 * own folder when it was found rather than named with -c, at most
 * MAX_CONFIG_BYTES, valid UTF-8. Throws ConfigError (one line, exit 2).
 */
export function readConfigText(file: string, shown: string, explicit: boolean): string {
  const r = readInside(file, { root: explicit ? undefined : path.dirname(file), limit: MAX_CONFIG_BYTES });
  if (!r.ok) throw new ConfigError(`${shown}: ${r.why === "missing" ? "no such configuration file" : `the configuration file ${r.detail}`}`);
  const { text, clean } = decodeUtf8(r.bytes);
  if (!clean) {
    const bad = invalidUtf8(text)!;
    throw new ConfigError(`${shown}: the configuration file is not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, "0")} at byte offset ${bad.byteOffset})`);
  }
  return text;
}

export async function loadProjectConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { root: findMarkedRoot(cwd) ?? path.resolve(cwd), file: null, include: ["charters/**/*.charter"], options: DEFAULT_OPTIONS };
  const text = readConfigText(file, path.relative(cwd, file) || file, explicit !== undefined);
  // yaml and ajv load only when a project has a charterc.yaml.
  const { parseConfig } = await import("../config/parse-config.js");
  return { ...parseConfig(text, file), root: path.dirname(file), file };
}

