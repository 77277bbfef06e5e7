// A second real third-party client: Emacs with eglot, configured with
// docs/editors.md's snippet as printed there, in a project with charterc
// installed from the packed tarball (and again with only a global
// charterc-lsp on PATH), attaches to charterc-lsp, receives the diagnostics
// (through flymake), hovers and formats.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCharter } from "../../src/prettier/generated.js";
import { REPO } from "../lsp/helpers/client.js";
import { cliReport } from "../lsp/helpers/project.js";
import { FIXME } from "../lsp/fixtures.js";
import type { Project } from "../adoption/helpers/pack.js";
import { documentedSnippet, editorProject, type Install } from "./snippet.js";

const emacs = spawnSync("emacs", ["--version"], { encoding: "utf8" });
const haveEglot = emacs.status === 0 && fs.existsSync("/usr/share/emacs/site-lisp/elpa") && fs.readdirSync("/usr/share/emacs/site-lisp/elpa").some((d) => d.startsWith("eglot"));
if (!haveEglot) console.warn("notice: Emacs with eglot is not installed here (apt-get install emacs-nox elpa-eglot); the eglot client test is skipped");

const MESSY = FIXME.replace("  membership {", "membership   {").replace('    eligibility: "anyone"', 'eligibility:"anyone"');
const FILE = "charters/fixme.charter";
type Report = { diagnostics?: { line: number; column: number; message: string }[]; hover?: string; formatted?: string; error?: string };
const runs = new Map<Install, { p: Project; report: Report }>();

async function runEmacs(install: Install): Promise<void> {
  const { p, env } = await editorProject(install, { [FILE]: MESSY });
  const snippet = path.join(p.dir, "init-charterc.el");
  fs.writeFileSync(snippet, documentedSnippet("Emacs (eglot)", "elisp"));
  const out = path.join(p.dir, "eglot-report.json");
  const r = spawnSync("emacs", ["-Q", "--batch", "-l", path.join(REPO, "test/editors/eglot-client.el")], {
    cwd: p.dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...env, CHARTER_FILE: path.join(p.dir, FILE), CHARTER_SNIPPET: snippet, CHARTER_OUT: out },
  });
  if (!fs.existsSync(out)) throw new Error(`emacs wrote no report (status ${r.status}): ${r.stderr.slice(-2000)}`);
  runs.set(install, { p, report: JSON.parse(fs.readFileSync(out, "utf8")) as Report });
}

beforeAll(async () => {
  if (!haveEglot) return;
  await runEmacs("local");
  await runEmacs("global");
}, 900_000);

afterAll(() => {
  for (const { p } of runs.values()) p.remove();
});

describe.each(["local", "global"] as const)("Emacs eglot, docs/editors.md's configuration, %s install", (install) => {
  const get = () => runs.get(install)!;
  it.skipIf(!haveEglot)("receives the CLI's diagnostics", async () => {
    const { p, report } = get();
    expect(report.error).toBeUndefined();
    const cli = (await cliReport(p.dir)).files.find((f) => f.file === FILE)!;
    // eglot shows "source [code]: message".
    const got = (report.diagnostics ?? []).map((d) => {
      const m = /^charterc \[(CH\d{4})\]: (.*)$/s.exec(d.message);
      return { line: d.line, column: d.column, code: m?.[1] ?? "", message: m?.[2] ?? d.message };
    });
    const want = cli.diagnostics.map((d) => ({ line: d.range.start.line, column: d.range.start.column, code: d.code, message: d.message }));
    const order = (a: (typeof want)[number], b: (typeof want)[number]) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1);
    expect(got.sort(order)).toEqual(want.sort(order));
    expect(want.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!haveEglot)("hovers and formats", async () => {
    const { report } = get();
    expect(report.hover).toContain("**eligibility**");
    const expected = await formatCharter(MESSY, { file: FILE });
    expect(report.formatted).toBe((expected as { formatted: string }).formatted);
  });
});
