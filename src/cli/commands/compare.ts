// `charterc compare A B C ...`: charters side by side (src/diff/compare.ts).
import path from "node:path";
import { check, relativeId, toPosix } from "../../compiler.js";
import type { Profile } from "../../config/options.js";
import { renderDiagnostic } from "../../diagnostics/render-text.js";
import { compareCharters, comparisonToJson, comparisonToMarkdown, comparisonToText, type CompareInput } from "../../diff/compare.js";
import { loadProjectConfig } from "../../project/config-file.js";
import { UsageError, type Io } from "../io.js";
import { nodeHost } from "../../project/node-host.js";

export interface CompareFlags {
  format: "text" | "markdown" | "json";
  profile?: Profile;
  config?: string;
}

export async function runCompare(files: readonly string[], flags: CompareFlags, io: Io): Promise<number> {
  if (files.length < 1) throw new UsageError("`compare` takes one or more charter files");
  const project = await loadProjectConfig(io.cwd, flags.config);
  const options = flags.profile ? { ...project.options, profile: flags.profile } : project.options;
  const inputs: CompareInput[] = [];
  let broken = false;
  for (const arg of files) {
    const abs = path.resolve(io.cwd, arg);
    const rel = path.relative(project.root, abs);
    const root = rel.startsWith("..") || path.isAbsolute(rel) ? path.dirname(abs) : project.root;
    const id = relativeId(root, abs);
    const result = check({ entries: [id], host: nodeHost(root), options });
    const f = result.files.find((x) => x.file === id);
    const errs = f?.diagnostics.filter((d) => d.severity === "error" && d.rule === undefined) ?? [];
    if (!f?.charter || errs.length > 0) {
      broken = true;
      for (const d of errs) io.err(renderDiagnostic(d, f));
      if (errs.length === 0) io.err(`charterc: \`${arg}\` could not be read as a charter`);
      continue;
    }
    inputs.push({ file: toPosix(arg), charter: f.charter, properties: f.properties });
  }
  if (inputs.length === 0) return 1;
  const c = compareCharters(inputs);
  io.out(flags.format === "json" ? JSON.stringify(comparisonToJson(c), null, 2) : flags.format === "markdown" ? comparisonToMarkdown(c) : comparisonToText(c));
  return broken ? 1 : 0;
}
