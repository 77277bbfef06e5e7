// The WorkspaceHost of `charterc lsp` on Node: the disk (regular files inside
// the root, size-limited, cached by mtime and size) and charterc.yaml through
// the project layer (src/project/), exactly as the CLI reads them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { relativeId } from "../compiler.js";
import { CONFIG_NAME, ConfigError, findConfig, loadProjectConfig } from "../project/config-file.js";
import { expandInputs } from "../project/inputs.js";
import { nodeHost } from "../project/node-host.js";
import { isInside } from "../project/safe-fs.js";
import { DEFAULT_OPTIONS } from "../config/options.js";
import type { ProjectInfo, WorkspaceHost } from "./host.js";

const DEFAULT_INCLUDE = ["charters/**/*.charter"];

export function nodeWorkspaceHost(): WorkspaceHost {
  const disk = new Map<string, { mtimeMs: number; size: number; text: string }>();
  const include = new Map<string, readonly string[]>();
  const folderPath = (uri: string | null): string | null => {
    if (!uri) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  };
  // Reads are confined to the project root the file belongs to (the longest
  // known root containing it), not to the server's own working directory:
  // an editor may start the server anywhere.
  const hosts = new Map<string, ReturnType<typeof nodeHost>>();
  const hostFor = (abs: string) => {
    let root: string | undefined;
    for (const r of include.keys()) if (isInside(r, abs) && (root === undefined || r.length > root.length)) root = r;
    root ??= process.cwd();
    let h = hosts.get(root);
    if (!h) hosts.set(root, (h = nodeHost(root)));
    return h;
  };
  return {
    rootFor(folderUri) {
      const folder = folderPath(folderUri);
      if (!folder) return process.cwd();
      const cfg = findConfig(folder);
      return cfg ? path.dirname(cfg) : path.resolve(folder);
    },
    async loadProject(folderUri): Promise<ProjectInfo> {
      const folder = folderPath(folderUri);
      if (!folder) return { root: process.cwd(), options: DEFAULT_OPTIONS, error: null };
      try {
        const project = await loadProjectConfig(folder);
        include.set(project.root, project.include);
        return { root: project.root, options: project.options, error: null };
      } catch (e) {
        const fallback = path.resolve(folder);
        include.set(fallback, DEFAULT_INCLUDE);
        return { root: fallback, options: DEFAULT_OPTIONS, error: e instanceof ConfigError ? e.message : String(e) };
      }
    },
    async listFiles(project) {
      try {
        const { files } = await expandInputs(include.get(project.root) ?? DEFAULT_INCLUDE, project.root);
        return files.map((abs) => relativeId(project.root, abs));
      } catch {
        return [];
      }
    },
    readFile(abs) {
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch {
        disk.delete(abs);
        return undefined;
      }
      const hit = disk.get(abs);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
      const text = hostFor(abs).readFile(abs);
      if (text === undefined) disk.delete(abs);
      else disk.set(abs, { mtimeMs: st.mtimeMs, size: st.size, text });
      return text;
    },
    realpath: (abs) => hostFor(abs).realpath(abs),
    refusal: (abs) => hostFor(abs).refusal?.(abs),
    invalidate(abs) {
      disk.delete(abs);
      // The disk hosts remember refusals: a changed file is looked at afresh.
      hosts.clear();
    },
    uriToPath: folderPath,
    pathToUri: (abs) => pathToFileURL(abs).href,
    absOf: (root, file) => path.join(root, ...file.split("/")),
    fileOf: (root, abs) => relativeId(root, abs),
    isConfigFile: (abs) => path.basename(abs) === CONFIG_NAME,
  };
}
