// Settings reach the analysis: the `profile` initialization option (the
// VS Code `charterc.profile` setting) gives the same severities as
// `charterc check --profile`; unsaved (untitled) documents are checked too.
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCheck } from "../../src/cli/commands/check.js";
import type { JsonReport } from "../../src/diagnostics/render-json.js";
import { LspClient } from "./helpers/client.js";
import { ensureBuilt } from "./helpers/build.js";
import { copyProject, fromCli, fromLsp } from "./helpers/project.js";
import { FIXME } from "./fixtures.js";

let root: string;
let c: LspClient;

beforeAll(async () => {
  await ensureBuilt();
  root = copyProject();
  c = await LspClient.start(root, { debounceMs: 5, profile: "strict" });
});

afterAll(async () => {
  await c?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

it("uses the profile from the initialization options, as `check --profile` does", async () => {
  let out = "";
  await runCheck([], { format: "json", profile: "strict" }, { cwd: root, out: (t) => (out += t), err: () => {} });
  const report = JSON.parse(out) as JsonReport;
  const file = report.files.find((f) => f.diagnostics.length > 0)!;
  expect(file.diagnostics.every((d) => d.severity === "error")).toBe(true);
  await c.waitFor(() => c.published.has(c.uri(file.file)));
  expect(c.published.get(c.uri(file.file))!.diagnostics.map((d) => fromLsp(d, root))).toEqual(file.diagnostics.map(fromCli));
});

it("checks an unsaved document", async () => {
  const uri = "untitled:Untitled-1";
  await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text: FIXME } });
  await c.waitFor(() => (c.published.get(uri)?.diagnostics.length ?? 0) > 0);
  const codes = c.published.get(uri)!.diagnostics.map((d) => d.code);
  expect(codes).toEqual(expect.arrayContaining(["CH0101", "CH0104", "CH0211"]));
  const hover = await c.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: 5 } });
  expect(hover?.contents.value).toContain("**eligibility**");
});
