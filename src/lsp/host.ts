// The seam between the language server and the world it runs in. The server
// (src/lsp/server.ts) and the workspace model (src/lsp/workspace.ts) import
// no Node module: everything that touches a file system, a path syntax or the
// project configuration comes through a WorkspaceHost. The Node entry
// (src/lsp/bin.ts) passes `nodeWorkspaceHost()` (src/lsp/node-host.ts: the
// disk, charterc.yaml via src/project/); the browser entry passes an
// in-memory host over the editor's text and the bundled examples.
import type { CheckOptions } from "../config/options.js";

export interface ProjectInfo {
  /** Absolute path of the project root (the folder of charterc.yaml, else the workspace folder). */
  readonly root: string;
  readonly options: CheckOptions;
  /** A problem with the configuration, shown to the user once; the defaults are used meanwhile. */
  readonly error: string | null;
}

export interface WorkspaceHost {
  /**
   * The project root for the workspace folder (a URI, or null when the
   * client opened no folder), known synchronously at `initialize` so that
   * documents opened before the configuration is read map to the right ids.
   */
  rootFor(folderUri: string | null): string;
  /** Read the project's configuration (charterc.yaml) for the workspace folder. Never throws. */
  loadProject(folderUri: string | null): Promise<ProjectInfo>;
  /** Project-relative, `/`-separated ids of the workspace's charters (the configuration's `include`). Never throws. */
  listFiles(project: ProjectInfo): Promise<readonly string[]>;
  /**
   * Text of a file at an absolute path (as CompilerHost.readFile): regular
   * files inside the root only, size-limited; undefined when it cannot be
   * read. Open documents never reach the host (the workspace overlays them).
   */
  readFile(absPath: string): string | undefined;
  /** The path with links resolved, or undefined when it does not exist (as CompilerHost.realpath). */
  realpath(absPath: string): string | undefined;
  /** Why `readFile` refused a file that exists (outside the root, not a regular file, too large), as CompilerHost.refusal. */
  refusal?(absPath: string): string | undefined;
  /** Forget anything cached about this path (the client reported it changed). */
  invalidate(absPath: string): void;
  /** Absolute path of a URI in the host's file system, or null (e.g. `untitled:` URIs). */
  uriToPath(uri: string): string | null;
  /** The URI of an absolute path. */
  pathToUri(absPath: string): string;
  /** Absolute path of a project-relative id. */
  absOf(root: string, file: string): string;
  /** Project-relative id of an absolute path. */
  fileOf(root: string, absPath: string): string;
  /** True when the path is a project configuration file (its change reloads the project). */
  isConfigFile(absPath: string): boolean;
}
