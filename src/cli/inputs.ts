// The inputs of a command: its paths, else `include` from charterc.yaml.
import { check, relativeId } from "../compiler.js";
import type { Profile } from "../config/options.js";
import { openProject, type ProjectConfig } from "../project/project.js";
import { expandInputs, type Refused } from "../project/inputs.js";
import { nodeHost } from "../project/node-host.js";
import { sanitizeForTerminal } from "../text/terminal.js";
import { NoInputError, UsageError, type Io } from "./io.js";

export { expandInputs };

/**
 * The charter files a command works on: `paths` from the command line, else
 * `include` from charterc.yaml, confined to the project root; exit 2
 * (UsageError) when nothing matches. `refused` are files named or matched
 * that were refused unread (outside the root, not a regular file).
 */
export async function projectInputs(
  paths: readonly string[],
  io: Io,
  configPath: string | undefined,
  verb: string,
): Promise<{ project: ProjectConfig; files: string[]; refused: Refused[] }> {
  const project = await openProject(io.cwd, configPath);
  const args = paths.length > 0 ? paths : project.include;
  const base = paths.length > 0 ? io.cwd : project.root;
  const { files, unmatched, empty, refused } = await expandInputs(args, base, project.root);
  const shown = (a: readonly string[]) => a.map((x) => `\`${sanitizeForTerminal(x)}\``).join(", ");
  if (files.length === 0 && refused.length === 0) {
    if (paths.length > 0 && unmatched.length === paths.length) {
      const missing = unmatched.filter((u) => !empty.includes(u));
      const parts = [...(missing.length > 0 ? [`${missing.length === 1 ? "no such file" : "no such files"}: ${shown(missing)}`] : []), ...(empty.length > 0 ? [`no \`*.charter\` files in ${shown(empty)}`] : [])];
      throw new NoInputError(parts.join("; "));
    }
    const where = paths.length > 0 ? "" : ` in the project root \`${sanitizeForTerminal(project.root)}\`${project.file ? ", the folder of its charterc.yaml" : ""}`;
    throw new UsageError(`no charter files to ${verb} (looked for ${shown(args)}${where})`);
  }
  for (const u of unmatched) io.err(empty.includes(u) ? `charterc: no \`*.charter\` files in \`${sanitizeForTerminal(u)}\`` : `charterc: no charter files match \`${sanitizeForTerminal(u)}\``);
  return { project, files, refused };
}

/** Check the command's inputs, with `--profile` over the configured profile. Refused files are reported as CH0303. */
export async function checkInputs(paths: readonly string[], io: Io, flags: { config?: string; profile?: Profile }, verb: string) {
  const { project, files, refused } = await projectInputs(paths, io, flags.config, verb);
  const options = flags.profile ? { ...project.options, profile: flags.profile } : project.options;
  const entries = [...files, ...refused.map((r) => r.abs)].map((f) => relativeId(project.root, f));
  const host = nodeHost(project.root, undefined, new Map(refused.map((r) => [r.abs, r.reason])));
  const result = check({ entries, host, options });
  return { project, files, options, result };
}
