// The editor configuration exactly as docs/editors.md prints it: the first
// code block of a language under a heading, so the editor tests run what a
// user copies, not a private variant.
import fs from "node:fs";
import path from "node:path";
import { examples, project, REPO, type Project } from "../adoption/helpers/pack.js";

export function documentedSnippet(heading: string, lang: string): string {
  const doc = fs.readFileSync(path.join(REPO, "docs", "editors.md"), "utf8");
  const at = doc.indexOf(`\n## ${heading}`);
  if (at < 0) throw new Error(`docs/editors.md has no section "${heading}"`);
  const section = doc.slice(at + 1).split(/\n## /)[0]!;
  const m = new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "m").exec(section);
  if (!m) throw new Error(`docs/editors.md: no \`\`\`${lang} block under "${heading}"`);
  return m[1]!;
}

export type Install = "local" | "global";

/**
 * A project with the example charters and `files`: for "local", charterc is
 * installed in it from the packed tarball; for "global", it has no
 * node_modules and `PATH` leads to an installed `charterc-lsp`.
 */
export async function editorProject(install: Install, files: Record<string, string>): Promise<{ p: Project; env: NodeJS.ProcessEnv }> {
  const p = await project({ ...examples("charters"), ...files });
  if (install === "local") return { p, env: { ...process.env } };
  // The same installed package, moved outside the project: a global install
  // (a prefix's node_modules, its bins on PATH).
  const global = p.dir + "-global";
  fs.mkdirSync(global);
  fs.renameSync(path.join(p.dir, "node_modules"), path.join(global, "node_modules"));
  const remove = p.remove;
  p.remove = () => {
    remove();
    fs.rmSync(global, { recursive: true, force: true });
  };
  return { p, env: { ...process.env, PATH: `${path.join(global, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` } };
}
