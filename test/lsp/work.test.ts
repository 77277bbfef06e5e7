// Work-counting (no clock): an edit to one member of a federation costs
// nearly the same counted work whether the federation has 100 or 200 members
// (per extra member, under 2% of what checking that member costs), and the
// same whether the workspace has 100 or 400 unrelated charters, through
// the language server's Workspace over an in-memory host (the seam of
// src/lsp/host.ts), so editing never re-checks unaffected files.
// The work meter counts only code compiled after it is imported: import it first.
import { stopWorkMeter, work } from "../helpers/work-meter.js";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check, type FileResult } from "../../src/compiler.js";
import { DEFAULT_OPTIONS } from "../../src/config/options.js";
import type { WorkspaceHost } from "../../src/lsp/host.js";
import { Workspace } from "../../src/lsp/workspace.js";
import { memoryHost } from "../helpers/memory-host.js";
import { federationWorkspace, memberText } from "./shapes.js";

const ROOT = "/virtual/project";

function memoryWorkspaceHost(files: Record<string, string>): WorkspaceHost {
  const abs = (f: string) => path.posix.join(ROOT, f);
  const byAbs = new Map(Object.entries(files).map(([f, t]) => [abs(f), t]));
  return {
    rootFor: () => ROOT,
    loadProject: async () => ({ root: ROOT, options: DEFAULT_OPTIONS, error: null }),
    listFiles: async () => Object.keys(files),
    readFile: (a) => byAbs.get(a),
    realpath: (a) => (byAbs.has(a) || a === ROOT ? a : undefined),
    invalidate: () => {},
    uriToPath: (uri) => (uri.startsWith("file://") ? uri.slice("file://".length) : null),
    pathToUri: (a) => `file://${a}`,
    absOf: (root, f) => path.posix.join(root, f),
    fileOf: (root, a) => path.posix.relative(root, a),
    isConfigFile: (a) => a.endsWith("/charterc.yaml"),
  };
}

async function federation(n: number, standalone = 0) {
  const files = federationWorkspace(n);
  // Charters unrelated to the federation (no import, no tie).
  for (let i = 0; i < standalone; i++) files[`other/s${i}.charter`] = memberText(i, 50).replace(/^import[^\n]*\n/, "").replace(/  member of league \{[^}]*\}\n/, "");
  const published: { file: string; result: FileResult | null }[] = [];
  const ws = new Workspace({ publish: (file, _uri, _v, result) => published.push({ file, result }) }, memoryWorkspaceHost(files));
  ws.setFolder(`file://${ROOT}`);
  await ws.init({ debounceMs: 0 });
  ws.analyzeNow();
  const uri = `file://${ROOT}/members/m3.charter`;
  ws.didOpen(uri, 1, files["members/m3.charter"]!);
  ws.analyzeNow();
  let version = 1;
  const edit = () => {
    version++;
    ws.didChange(uri, version, memberText(3, 40 + (version % 7)));
    ws.analyzeNow();
  };
  edit();
  edit();
  return { ws, published, edit };
}

describe("LSP work per edit", () => {
  afterAll(() => stopWorkMeter());

  it("editing one member of a federation of 200 costs about what it costs in one of 100: no member is re-checked", async () => {
    const small = await federation(100);
    const large = await federation(200);
    const a = work(small.edit);
    const b = work(large.edit);
    // What checking one member (and its federation) from scratch costs: what an edit used to cost per member.
    const files = federationWorkspace(1);
    const one = work(() => check({ entries: ["members/m0.charter"], host: memoryHost(files), options: DEFAULT_OPTIONS }));
    // The edit's work grows only by bookkeeping per unrelated file (a set lookup, the federation's own
    // per-member rule loops): under 2% of checking that file, where it used to be 100%.
    const perExtraMember = (b - a) / 100;
    expect(perExtraMember).toBeLessThan(0.02 * one);
    expect(b / a).toBeLessThan(1.6);
    // And it is the member and the federation that were re-analysed, nothing else.
    large.published.length = 0;
    large.edit();
    expect(new Set(large.published.map((p) => p.file))).toEqual(new Set(["members/m3.charter", "fed.charter"].filter((f) => large.published.some((p) => p.file === f))));
    expect(large.published.some((p) => p.file === "members/m3.charter")).toBe(true);
    expect(large.ws.engine.stats.resolves).toBeLessThan(200 + 10);
  });

  it("editing one member costs the same work however many unrelated charters the workspace has", async () => {
    // The engine looks only at the edited file and what reads it: no walk of every file, no map of
    // every charter rebuilt, no filter over every result. (Before: ~20 blocks per unrelated charter.)
    const small = await federation(20, 100);
    const large = await federation(20, 400);
    const a = work(small.edit);
    const b = work(large.edit);
    const files = federationWorkspace(1);
    const one = work(() => check({ entries: ["members/m0.charter"], host: memoryHost(files), options: DEFAULT_OPTIONS }));
    // What is left per unrelated charter (~4 blocks, 0.02% of checking a member) is the federation
    // rules' index of the charters that tie to it (tiesTo in src/rules/rule.ts), rebuilt per edit.
    expect((b - a) / 300).toBeLessThan(0.0005 * one);
    large.published.length = 0;
    large.edit();
    expect(large.published.map((p) => p.file)).toContain("members/m3.charter");
    expect(large.published.some((p) => p.file.startsWith("other/"))).toBe(false);
  });
});
