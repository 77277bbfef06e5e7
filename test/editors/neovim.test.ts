// A real third-party editor as the client: headless Neovim (0.7 API,
// built-in LSP client) runs docs/editors.md's configuration as printed
// there, in a project with charterc installed from the packed tarball (and
// again with only a global charterc-lsp on PATH), opens a charter, receives
// its diagnostics (equal to the CLI's), hovers and formats it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCharter } from "../../src/prettier/generated.js";
import { posOf, REPO } from "../lsp/helpers/client.js";
import { cliReport } from "../lsp/helpers/project.js";
import { FIXME } from "../lsp/fixtures.js";
import type { Project } from "../adoption/helpers/pack.js";
import { documentedSnippet, editorProject, type Install } from "./snippet.js";

const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const haveNvim = nvim.status === 0 && /NVIM v0\.(?:[7-9]|\d\d)|NVIM v[1-9]/.test(nvim.stdout);
if (!haveNvim) console.warn("notice: Neovim ≥ 0.7 is not installed here (apt-get install neovim); the Neovim LSP client test is skipped");

// Messy indentation, so formatting has something to do.
const MESSY = FIXME.replace("  membership {", "membership   {").replace('    eligibility: "anyone"', 'eligibility:"anyone"');
const FILE = "charters/fixme.charter";

type Report = { client: boolean; got_diagnostics: boolean; diagnostics: { lnum: number; col: number; message: string; code?: string }[]; hover?: string; formatted?: string; errors: string[] };
const runs = new Map<Install, { p: Project; report: Report }>();

async function runNvim(install: Install): Promise<void> {
  const { p, env } = await editorProject(install, { [FILE]: MESSY });
  const snippet = path.join(p.dir, "init-charterc.lua");
  fs.writeFileSync(snippet, documentedSnippet("Neovim (0.7+)", "lua"));
  const out = path.join(p.dir, "nvim-report.json");
  const hover = posOf(MESSY, "eligibility", 2);
  const r = spawnSync("nvim", ["--headless", "--clean", "-u", "NONE", "-c", `luafile ${snippet}`, "-c", `luafile ${path.join(REPO, "test/editors/nvim-client.lua")}`], {
    cwd: p.dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...env, CHARTER_FILE: path.join(p.dir, FILE), CHARTER_OUT: out, CHARTER_HOVER_LINE: String(hover.line), CHARTER_HOVER_CHAR: String(hover.character) },
  });
  if (!fs.existsSync(out)) throw new Error(`nvim wrote no report (status ${r.status}): ${r.stderr}`);
  runs.set(install, { p, report: JSON.parse(fs.readFileSync(out, "utf8")) as Report });
}

beforeAll(async () => {
  if (!haveNvim) return;
  await runNvim("local");
  await runNvim("global");
}, 900_000);

afterAll(() => {
  for (const { p } of runs.values()) p.remove();
});

describe.each(["local", "global"] as const)("Neovim's built-in LSP client, docs/editors.md's configuration, %s install", (install) => {
  const get = () => runs.get(install)!;
  it.skipIf(!haveNvim)("attaches and receives the CLI's diagnostics", async () => {
    const { p, report } = get();
    const root = p.dir;
    expect(report.errors).toEqual([]);
    expect(report.client).toBe(true);
    expect(report.got_diagnostics).toBe(true);
    const cli = (await cliReport(root)).files.find((f) => f.file === FILE)!;
    const fromNvim = report.diagnostics.map((d) => ({ line: d.lnum + 1, column: d.col + 1, message: d.message })).sort((a, b) => a.line - b.line || a.column - b.column);
    const fromCli = cli.diagnostics.map((d) => ({ line: d.range.start.line, column: d.range.start.column, message: d.message }));
    expect(fromNvim).toEqual(fromCli);
    expect(fromCli.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!haveNvim)("hovers a field and shows its documentation", () => {
    const { report } = get();
    expect(report.hover).toContain("**eligibility**");
    expect(report.hover).toContain("Who may become a member");
  });

  it.skipIf(!haveNvim)("formats the buffer through the prettier plugin", async () => {
    const { report } = get();
    const expected = await formatCharter(MESSY, { file: FILE });
    expect("formatted" in expected).toBe(true);
    expect(report.formatted).toBe((expected as { formatted: string }).formatted);
    expect(report.formatted).not.toBe(MESSY);
  });
});

describe("docs/editors.md's Neovim configuration without charterc installed", () => {
  it.skipIf(!haveNvim)("says how to install it instead of failing with a Lua error", async () => {
    const { p, env } = await editorProject("global", { [FILE]: MESSY });
    try {
      const snippet = path.join(p.dir, "init-charterc.lua");
      fs.writeFileSync(snippet, documentedSnippet("Neovim (0.7+)", "lua"));
      const out = path.join(p.dir, "messages.txt");
      const probe = path.join(p.dir, "probe.lua");
      fs.writeFileSync(
        probe,
        `local ok, err = pcall(vim.cmd, "edit ${FILE}")\nlocal f = io.open("${out}", "w")\nf:write((ok and "" or ("error: " .. tostring(err) .. "\\n")) .. vim.api.nvim_exec("messages", true) .. "\\nclients: " .. tostring(#vim.lsp.get_active_clients()))\nf:close()\nvim.cmd("qa!")\n`,
      );
      // No charterc-lsp anywhere: PATH without the global install.
      const path0 = (env.PATH ?? "").split(path.delimiter).filter((d) => !d.endsWith("-global/node_modules/.bin")).join(path.delimiter);
      spawnSync("nvim", ["--headless", "--clean", "-u", "NONE", "-c", `luafile ${snippet}`, "-c", `luafile ${probe}`], { cwd: p.dir, encoding: "utf8", timeout: 30_000, env: { ...env, PATH: path0 } });
      const text = fs.readFileSync(out, "utf8");
      expect(text).not.toMatch(/^error:/m);
      expect(text).toContain("charterc-lsp not found: npm install --save-dev charterc (or --global)");
      expect(text).toContain("clients: 0");
    } finally {
      p.remove();
    }
  });
});
