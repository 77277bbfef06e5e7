// Hostile input to the language server (issue 12 items 6, 11, 13), over the
// built server on stdio: bad framing is skipped and the server keeps
// answering; requests before initialize get -32002; untitled URIs map one to
// one; hover Markdown carries no link or image from charter text; a file with
// thousands of findings of one code publishes at most the cap.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-protocol/node";
import { MAX_DIAGNOSTICS_PER_CODE as MAX_PER_CODE, OMITTED_CODE } from "../../src/diagnostics/cap.js";
import { FrameParser } from "../../src/lsp/framing.js";
import { fuzzLspFraming } from "../../src/fuzz/lsp-framing.js";
import { ensureBuilt } from "./helpers/build.js";
import { LSP_JS, LspClient } from "./helpers/client.js";
import { copyProject } from "./helpers/project.js";

const enc = (s: string) => new TextEncoder().encode(s);
const frame = (o: unknown, delta = 0) => {
  const body = JSON.stringify(o);
  return `Content-Length: ${Buffer.byteLength(body) + delta}\r\n\r\n${body}`;
};

function parseAll(chunks: string[], idle = false) {
  const messages: unknown[] = [];
  const errors: string[] = [];
  const p = new FrameParser({ message: (m) => messages.push(m), error: (e) => errors.push(e) });
  for (const c of chunks) p.feed(enc(c));
  if (idle) p.idle();
  return { messages, errors };
}

describe("framing parser", () => {
  const a = { jsonrpc: "2.0", id: 1, method: "a" };
  const b = { jsonrpc: "2.0", id: 2, method: "b" };
  it("skips a bad Content-Length (abc, negative, huge, missing) and resumes at the next header", () => {
    for (const bad of ["Content-Length: abc\r\n\r\n{}", "Content-Length: -5\r\n\r\n{}", "Content-Length: 99999999999\r\n\r\n{}", "X-Other: 1\r\n\r\n{}", "garbage\r\n\r\n"]) {
      const r = parseAll([bad + frame(a), frame(b)]);
      expect(r.messages, bad).toEqual([a, b]);
      expect(r.errors.length, bad).toBe(1);
    }
  });
  it("resynchronises when the length is a few bytes off, either way, whole or byte by byte", () => {
    for (const delta of [-3, -1, 1, 4]) {
      const text = frame(a, delta) + frame(b);
      expect(parseAll([text]).messages.at(-1), `delta ${delta}`).toEqual(b);
      expect(parseAll([...text]).messages.at(-1), `delta ${delta}, bytewise`).toEqual(b);
    }
    // Too long and the last message: taken when the stream goes idle.
    expect(parseAll([frame(a, 5)], true).messages).toEqual([a]);
  });
  it("keeps a body that itself contains the words Content-Length:, arriving in pieces", () => {
    const c = { jsonrpc: "2.0", method: "x", params: { text: "Content-Length: 12\r\n\r\n{}" } };
    const text = frame(c) + frame(b);
    expect(parseAll([...text]).messages).toEqual([c, b]);
  });
});

describe("server protocol", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);

  function raw() {
    const child = spawn(process.execPath, [LSP_JS, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    const responses = () =>
      out
        .split(/Content-Length: \d+\r\n\r\n/)
        .filter((s) => s.trim())
        .map((s) => JSON.parse(s) as { id?: unknown; error?: { code: number }; result?: unknown; method?: string });
    const until = async (pred: () => boolean) => {
      for (let i = 0; i < 300 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    return { child, responses, until };
  }

  it("answers a request before initialize with -32002, then initializes", async () => {
    const s = raw();
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "textDocument/hover", params: { textDocument: { uri: "file:///x.charter" }, position: { line: 0, character: 0 } } }));
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
    await s.until(() => s.responses().some((r) => r.id === 2));
    expect(s.responses().find((r) => r.id === 1)?.error?.code).toBe(-32002);
    expect(s.responses().find((r) => r.id === 2)?.result).toBeTruthy();
    s.child.kill();
  });

  it("keeps answering after bad headers and wrong lengths, and exits cleanly when stdin closes", async () => {
    const s = raw();
    const exit = new Promise<number | null>((res) => s.child.on("exit", res));
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
    s.child.stdin.write("Content-Length: abc\r\n\r\n{}");
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "charterc/stats" }));
    s.child.stdin.write("Content-Length: -7\r\n\r\n");
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 3, method: "charterc/stats" }, 3));
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 4, method: "charterc/stats" }, -2));
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 5, method: "charterc/stats" }));
    await s.until(() => s.responses().some((r) => r.id === 5));
    const ids = s.responses().map((r) => r.id);
    expect(ids).toContain(2);
    expect(ids).toContain(3);
    expect(ids).toContain(5);
    expect(s.responses().filter((r) => r.method === "window/logMessage").length).toBeGreaterThanOrEqual(3);
    s.child.stdin.write(frame({ jsonrpc: "2.0", id: 6, method: "shutdown" }));
    s.child.stdin.write(frame({ jsonrpc: "2.0", method: "exit" }));
    s.child.stdin.end();
    expect(await exit).toBe(0);
  });

  it("runs a slice of the framing fuzz family clean", async () => {
    const rounds = Number(process.env.CHARTERC_FRAMING_ROUNDS ?? 60);
    const report = await fuzzLspFraming({ server: LSP_JS, seed: Number(process.env.CHARTERC_FRAMING_SEED ?? 20261201), rounds });
    expect(report.failures).toEqual([]);
    expect(report.skippedFramesLogged).toBeGreaterThan(rounds / 2);
  }, 600_000);
});

describe("server content", () => {
  let root: string;
  let c: LspClient;
  beforeAll(async () => {
    await ensureBuilt();
    root = copyProject();
    c = await LspClient.start(root);
  }, 180_000);
  afterAll(async () => {
    await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("maps untitled:Untitled/1 and untitled:Untitled?1 to different files", async () => {
    const one = "untitled:Untitled/1";
    const two = "untitled:Untitled?1";
    await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri: one, languageId: "charter", version: 1, text: 'charter "One" {\n  body a { members: all members }\n}\n' } });
    await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri: two, languageId: "charter", version: 1, text: 'charter "Two" {\n  bodyy b { members: all members }\n}\n' } });
    await c.waitFor(() => c.published.get(one)?.version === 1 && c.published.get(two)?.version === 1);
    const d1 = c.published.get(one)!.diagnostics;
    const d2 = c.published.get(two)!.diagnostics;
    expect(d1.some((d) => d.code === "CH0101" || d.message.includes("bodyy"))).toBe(false);
    expect(d2.some((d) => d.message.includes("bodyy"))).toBe(true);
    const s1 = await c.request<{ name: string }[]>("textDocument/documentSymbol", { textDocument: { uri: one } });
    const s2 = await c.request<{ name: string }[]>("textDocument/documentSymbol", { textDocument: { uri: two } });
    expect(JSON.stringify(s1)).toContain("One");
    expect(JSON.stringify(s2)).toContain("Two");
    expect(JSON.stringify(s1)).not.toContain("Two");
  });

  it("checks a document opened from outside the workspace root on its own text (never read from disk)", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-elsewhere-"));
    const uri = pathToFileURL(path.join(outside, "elsewhere.charter")).href;
    await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text: 'charter "Elsewhere" {\n  jurisdiction: personl\n}\n' } });
    await c.waitFor(() => c.published.get(uri)?.version === 1);
    expect(c.published.get(uri)!.diagnostics.some((d) => /personl/.test(d.message))).toBe(true);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it("hover shows a hostile charter name as text: no link, no image", async () => {
    const name = "[x](https://evil.com) ![i](https://evil.com/t.png) <img src=x onerror=alert(1)> `code` www.evil.com";
    const uri = "untitled:Hostile";
    const text = `charter "${name}" {\n  jurisdiction: personal\n  body a { members: all members }\n  decision d { by: a threshold: majority of votes cast }\n}\n`;
    await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text } });
    await c.waitFor(() => c.published.get(uri)?.version === 1);
    const h = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 12 } });
    const value = (h.contents as { value: string }).value;
    const html = new MarkdownIt({ html: true, linkify: true }).render(value);
    expect(html).not.toMatch(/<a\s|<img/i);
    expect(html).toContain("evil.com");
  });

  it("publishes at most the per-code cap, with a CH0017 saying how many more", async () => {
    const uri = "untitled:Many";
    const fields = Array.from({ length: 3 * MAX_PER_CODE }, (_, i) => `  z${i}: 1`).join("\n");
    await c.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text: `charter "Many" {\n${fields}\n}\n` } });
    await c.waitFor(() => c.published.get(uri)?.version === 1);
    const diags = c.published.get(uri)!.diagnostics;
    const byCode = new Map<string, number>();
    for (const d of diags) byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
    const [code, count] = [...byCode].filter(([k]) => k !== OMITTED_CODE).sort((x, y) => y[1] - x[1])[0]!;
    expect(count).toBe(MAX_PER_CODE);
    const more = diags.filter((d) => d.code === OMITTED_CODE);
    expect(more.length).toBeGreaterThanOrEqual(1);
    expect(more.some((d) => d.message.includes(code) && /\d+/.test(d.message))).toBe(true);
    expect(diags.length).toBeLessThan(3 * MAX_PER_CODE);
  });
});
