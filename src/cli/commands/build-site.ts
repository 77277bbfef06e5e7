// The IO side of `charterc build --emit html`: loads the TextMate grammar and
// the Oniguruma WASM from the package (no network), finds the playground's
// prebuilt assets (dist/web/, built by the playground script), and with
// `--git REV` diffs each charter against the revision. The pages themselves
// come from the pure src/emit/html/site.ts; build.ts writes what this returns.
import { spawnSync as spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { check, type CheckResult } from "../../compiler.js";
import type { CheckOptions } from "../../config/options.js";
import { diffCharters, sideOf, type CharterDiff } from "../../diff/index.js";
import { createHighlighter, type Highlighter } from "../../emit/html/highlight.js";
import type { Constitution } from "../../emit/constitution.js";
import { buildSite, type SiteCharter } from "../../emit/html/site.js";
import { EMIT_SUFFIX, type EmitKind } from "../../emit/index.js";
import type { Charter } from "../../semantics/model.js";
import { UsageError } from "../io.js";
import { gitHost } from "./diff.js";
import { packageRoot } from "./explain.js";

export interface SiteOutput {
  readonly name: string;
  readonly content: string | Uint8Array;
}

const LABELS: Partial<Record<EmitKind, string>> = { markdown: "Markdown", json: "Canonical JSON", schema: "Records schema", ig: "Institutional Grammar CSV" };

/** The highlighter over the package's grammar, or null (plain source) when the grammar or the WASM cannot be found. */
async function loadHighlighter(root: string | undefined): Promise<Highlighter | null> {
  try {
    // Oniguruma's WASM runs on V8's baseline compiler only: optimising the
    // whole module on a background thread cost ~160 ms of CPU per build, more
    // than it saves on the at most MAX_HIGHLIGHTED_CHARS coloured per file.
    // The only WASM the CLI loads; set before it is compiled.
    v8.setFlagsFromString("--liftoff-only");
    const require = createRequire(root ? path.join(root, "package.json") : import.meta.url);
    const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    const grammar = fs.readFileSync(path.join(root ?? ".", "grammar", "charter.tmLanguage.json"), "utf8");
    return await createHighlighter(new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength), grammar);
  } catch {
    return null;
  }
}

/** The playground's files under dist/web/ (playground.html and its assets), relative to that folder; empty when not built. */
function playgroundFiles(root: string | undefined): { rel: string; abs: string }[] {
  if (!root) return [];
  const web = path.join(root, "dist", "web");
  if (!fs.existsSync(path.join(web, "playground.html"))) return [];
  const out: { rel: string; abs: string }[] = [];
  const stack = [""];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    for (const e of fs.readdirSync(path.join(web, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(r);
      else if (e.isFile()) out.push({ rel: r, abs: path.join(web, r) });
    }
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawn("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? "" };
}
/** Diffs of each entry against its version at `rev` (null for a charter new since then). */
function gitDiffs(rev: string, root: string, entries: readonly string[], result: CheckResult, options: CheckOptions): Map<string, CharterDiff | null> {
  const top = git(root, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new UsageError("--git needs a git repository");
  const commit = git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (!commit.ok) throw new UsageError(`\`${rev}\` is not a commit in this repository`);
  const realRoot = fs.realpathSync(root);
  const oldHost = gitHost(realRoot, path.resolve(top.out.trim()), commit.out.trim());
  const atRev = entries.filter((id) => oldHost.readFile(path.join(realRoot, ...id.split("/"))) !== undefined);
  const old = check({ entries: atRev, host: oldHost, options });
  const out = new Map<string, CharterDiff | null>();
  for (const id of entries) {
    const o = atRev.includes(id) ? sideOf(old, id, `${rev}:${id}`) : null;
    const n = sideOf(result, id);
    out.set(id, o && n ? diffCharters(o, n) : null);
  }
  return out;
}

export interface SiteBuildInput {
  readonly result: CheckResult;
  readonly projectRoot: string;
  /** Entry files that were built, with their output base (`federations/x`). */
  readonly built: readonly { readonly file: string; readonly base: string; readonly constitution?: Constitution }[];
  readonly kinds: readonly EmitKind[];
  readonly options: CheckOptions;
  readonly git?: string;
}

export async function siteFiles(input: SiteBuildInput): Promise<SiteOutput[]> {
  const root = packageRoot();
  const all = new Map<string, Charter>();
  for (const f of input.result.files) if (f.charter) all.set(f.file, f.charter);
  const diffs = input.git !== undefined ? gitDiffs(input.git, input.projectRoot, input.built.map((b) => b.file), input.result, input.options) : null;
  const charters: SiteCharter[] = [];
  const byFile = new Map(input.result.files.map((x) => [x.file, x]));
  for (const b of input.built) {
    const f = byFile.get(b.file);
    if (!f?.charter) continue;
    charters.push({ file: f.file, base: b.base, text: f.text, lines: f.lines, charter: f.charter, properties: f.properties, diagnostics: f.diagnostics, ...(b.constitution ? { constitution: b.constitution } : {}), ...(diffs ? { diff: diffs.get(f.file) ?? null } : {}) });
  }
  const playground = playgroundFiles(root);
  const pages = buildSite({
    charters,
    all,
    outputs: input.kinds.filter((k) => LABELS[k]).map((k) => ({ suffix: EMIT_SUFFIX[k], label: LABELS[k]! })),
    highlighter: await loadHighlighter(root),
    playground: playground.length > 0,
    gitRev: input.git ?? null,
  });
  const taken = new Set(pages.map((p) => p.name));
  const out: SiteOutput[] = [...pages];
  for (const p of playground) if (!taken.has(p.rel)) out.push({ name: p.rel, content: fs.readFileSync(p.abs) });
  return out;
}
