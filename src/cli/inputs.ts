// The inputs of a command: its paths, else `include` from charterc.yaml.
import { check, relativeId } from "../compiler.js";
import type { Profile } from "../config/options.js";
import { loadProjectConfig, type ProjectConfig } from "../project/config-file.js";
import { expandInputs } from "../project/inputs.js";
import { nodeHost } from "../project/node-host.js";
import { UsageError, type Io } from "./io.js";

export { expandInputs };

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
