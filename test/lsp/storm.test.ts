// A storm of random incremental edits with hover and completion requests in
// between: the server must not crash, its copy of the text must always equal
// the client's, and the final diagnostics must equal the CLI's for the final
// text.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { LspClient, positionAt } from "./helpers/client.js";
import { ensureBuilt } from "./helpers/build.js";
import { cliReport, copyProject, fromCli, fromLsp } from "./helpers/project.js";

const FILE = "charters/free-commons.charter";
const SNIPPETS = ["{", "}", ":", ",", '"', '"""', "\n", " ", "exit", "body x {", "decision d { by: assembly }", "// c\n", "/*", "*/", "30 days", "2/3", "25%", "é", "😀", "\r\n", "member of cascadia { withdrawal: unilateral }", "amendable: never"];

let root: string;
let c: LspClient;

beforeAll(async () => {
  await ensureBuilt();
  root = copyProject();
  c = await LspClient.start(root, { debounceMs: 5, verifyIncremental: true });
});

afterAll(async () => {
  await c?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

it("survives thousands of random edits with interleaved hovers and completions", async () => {
  const initial = fs.readFileSync(path.join(root, FILE), "utf8");
  const uri = await c.open(FILE, initial);
  const rng = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { numRuns: 1, seed: 6 })[0]!;
  let seed = rng;
  const rand = (n: number) => {
    // xorshift: deterministic across runs.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return Math.abs(seed) % n;
  };
  const EDITS = 3000;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < EDITS; i++) {
    const text = c.text(FILE);
    // Edits never split a surrogate pair: a file on disk (what the CLI reads) cannot hold half of one.
    const low = (k: number) => k < text.length && (text.charCodeAt(k) & 0xfc00) === 0xdc00;
    let a = rand(text.length + 1);
    if (low(a)) a--;
    let end = a + (rand(4) === 0 ? rand(Math.min(20, text.length - a) + 1) : 0);
    if (low(end)) end++;
    const del = end - a;
    // Keep the text from growing without bound: delete more than we insert now and then.
    const ins = text.length > 6000 ? "" : SNIPPETS[rand(SNIPPETS.length)]!;
    await c.change(FILE, [{ range: { start: positionAt(text, a), end: positionAt(text, a + del) }, text: ins }]);
    if (i % 7 === 0) {
      const t = c.text(FILE);
      const pos = positionAt(t, rand(t.length + 1));
      pending.push(c.request("textDocument/hover", { textDocument: { uri }, position: pos }));
      pending.push(c.request("textDocument/completion", { textDocument: { uri }, position: pos }));
    }
    if (i % 500 === 499) {
      // Now and then the whole text is replaced (a full-document change): back to a valid charter.
      await c.change(FILE, [{ text: initial }]);
      // Analyse it, then make one edit inside a section: that one re-parses incrementally.
      await c.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } });
      const q = initial.indexOf("quorum: 20%") + 8;
      await c.change(FILE, [{ range: { start: positionAt(initial, q), end: positionAt(initial, q + 2) }, text: "25" }]);
      await c.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } });
    }
    if (i % 250 === 0) {
      const expected = c.text(FILE);
      expect(await c.request<string>("charterc/documentText", { uri })).toBe(expected);
    }
  }
  await Promise.all(pending);
  expect(await c.request<string>("charterc/documentText", { uri })).toBe(c.text(FILE));
  expect(c.exited).toBeNull();
  // No handler failed, and every incremental re-parse equalled a full parse.
  expect(c.logs.filter((l) => l.includes("failed"))).toEqual([]);
  const stats = await c.request<{ parses: { incremental: number; full: number } }>("charterc/stats", {});
  expect(stats.parses.incremental).toBeGreaterThan(0);

  // The final diagnostics equal the CLI's for the final text.
  const diags = await c.diagnosticsOf(FILE);
  const copy = copyProject({ [FILE]: c.text(FILE) });
  const report = await cliReport(copy);
  fs.rmSync(copy, { recursive: true, force: true });
  const cli = report.files.find((f) => f.file === FILE)!;
  if (process.env.STORM_DUMP) fs.writeFileSync(process.env.STORM_DUMP, c.text(FILE));
  expect(diags.map((d) => fromLsp(d, root))).toEqual(cli.diagnostics.map(fromCli));
});
