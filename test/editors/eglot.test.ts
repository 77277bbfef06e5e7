// A second real third-party client: Emacs with eglot attaches to
// charterc-lsp, receives the diagnostics (through flymake), hovers and formats.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCharter } from "../../src/prettier/generated.js";
import { LSP_JS, REPO } from "../lsp/helpers/client.js";
import { ensureBuilt } from "../lsp/helpers/build.js";
import { cliReport, copyProject } from "../lsp/helpers/project.js";
import { FIXME } from "../lsp/fixtures.js";

const emacs = spawnSync("emacs", ["--version"], { encoding: "utf8" });
const haveEglot = emacs.status === 0 && fs.existsSync("/usr/share/emacs/site-lisp/elpa") && fs.readdirSync("/usr/share/emacs/site-lisp/elpa").some((d) => d.startsWith("eglot"));
if (!haveEglot) console.warn("notice: Emacs with eglot is not installed here (apt-get install emacs-nox elpa-eglot); the eglot client test is skipped");

const MESSY = FIXME.replace("  membership {", "membership   {").replace('    eligibility: "anyone"', 'eligibility:"anyone"');
const FILE = "charters/fixme.charter";
let root: string;
let report: { diagnostics?: { line: number; column: number; message: string }[]; hover?: string; formatted?: string; error?: string };

beforeAll(async () => {
  if (!haveEglot) return;
  await ensureBuilt();
  root = copyProject({ [FILE]: MESSY });
  const out = path.join(root, "eglot-report.json");
  const r = spawnSync("emacs", ["-Q", "--batch", "-l", path.join(REPO, "test/editors/eglot-client.el")], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, CHARTER_FILE: path.join(root, FILE), CHARTER_SERVER: LSP_JS, CHARTER_OUT: out },
  });
  if (!fs.existsSync(out)) throw new Error(`emacs wrote no report (status ${r.status}): ${r.stderr.slice(-2000)}`);
  report = JSON.parse(fs.readFileSync(out, "utf8"));
}, 90_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("Emacs eglot", () => {
  it.skipIf(!haveEglot)("receives the CLI's diagnostics", async () => {
    expect(report.error).toBeUndefined();
    const cli = (await cliReport(root)).files.find((f) => f.file === FILE)!;
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
    expect(report.hover).toContain("**eligibility**");
    const expected = await formatCharter(MESSY, { file: FILE });
    expect(report.formatted).toBe((expected as { formatted: string }).formatted);
  });
});
