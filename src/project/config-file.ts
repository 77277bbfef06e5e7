// Finding and reading charterc.yaml (the Node-side project layer, shared by
// the CLI and the language server). Validation is pure: src/config/parse-config.ts.
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/error.js";
import { DEFAULT_OPTIONS, type CheckOptions } from "../config/options.js";

export const CONFIG_NAME = "charterc.yaml";

export interface ProjectConfig {
  /** The project root: the folder of charterc.yaml, else the starting directory. */
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
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export async function loadProjectConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { root: path.resolve(cwd), file: null, include: ["charters/**/*.charter"], options: DEFAULT_OPTIONS };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(`${file}: cannot read the configuration file`);
  }
  // yaml and ajv load only when a project has a charterc.yaml.
  const { parseConfig } = await import("../config/parse-config.js");
  return { ...parseConfig(text, file), root: path.dirname(file), file };
}

