// A long analysis never blocks the requests that need only the document,
// nor a cancellation (issue 13): on a 5,000-line charter, a hover sent with
// an edit is answered from the edit's parse before that version's
// diagnostics are published, and a request that waits for the analysis
// (code lens) is cancelled while the analysis runs. Order of events only,
// no clock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancellationTokenSource, type Hover } from "vscode-languageserver-protocol/node";
import { electionChain } from "../../bench/shapes.mjs";
import { LspClient, posOf } from "./helpers/client.js";
import { ensureBuilt } from "./helpers/build.js";

const REL = "big.charter";
let root: string;
let c: LspClient;
let text: string;

beforeAll(async () => {
  await ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-lsp-responsive-"));
  c = await LspClient.start(root, { debounceMs: 5 });
  text = Object.values(electionChain(400).files)[0]!;
  await c.open(REL, text);
  await c.diagnosticsOf(REL, 1);
}, 60_000);

afterAll(async () => {
  await c?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("requests during a long analysis", () => {
  it("has a document whose analysis is long (5,000 lines)", () => {
    expect(text.split("\n").length).toBeGreaterThan(5000);
  });

  it("answers a hover sent with an edit from the edit's parse, before that version's diagnostics", async () => {
    const events: string[] = [];
    const at = posOf(c.text(REL), "council-200 {", 0);
    // Rename the body: the hover on its name can only say `council-200x` from the new parse.
    const version = await c.change(REL, [{ range: { start: { line: at.line, character: at.character + "council-200".length }, end: { line: at.line, character: at.character + "council-200".length } }, text: "x" }]);
    const hover = c.request<Hover | null>("textDocument/hover", { textDocument: { uri: c.uri(REL) }, position: { line: at.line, character: at.character + 2 } }).then((h) => {
      events.push("hover");
      return h;
    });
    const published = c.diagnosticsOf(REL, version).then(() => events.push("diagnostics"));
    const h = await hover;
    await published;
    expect(JSON.stringify(h?.contents)).toContain("council-200x");
    expect(events).toEqual(["hover", "diagnostics"]);
  });

  it("cancels a request waiting for the analysis while the analysis runs", async () => {
    const events: string[] = [];
    const at = posOf(c.text(REL), "council-300 {", 0);
    const version = await c.change(REL, [{ range: { start: { line: at.line, character: at.character + "council-300".length }, end: { line: at.line, character: at.character + "council-300".length } }, text: "y" }]);
    const source = new CancellationTokenSource();
    const lens = c.conn.sendRequest("textDocument/codeLens", { textDocument: { uri: c.uri(REL) } }, source.token).then(
      () => events.push("lens answered"),
      (e: { code?: number }) => events.push(`lens error ${e.code}`),
    );
    source.cancel();
    const published = c.diagnosticsOf(REL, version).then(() => events.push("diagnostics"));
    await lens;
    await published;
    // -32800: RequestCancelled.
    expect(events).toEqual(["lens error -32800", "diagnostics"]);
  });
});
