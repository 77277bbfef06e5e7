// Adoption, in an editor: the installed `node_modules/.bin/charterc-lsp`
// (from the packed tarball) spoken to over stdio as an editor would —
// initialize, didOpen, publishDiagnostics — in a project with and without a
// charterc.yaml. The configuration must reach the server: a rule set to
// `error` gives severity 1, `profile: strict` turns warnings into errors.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examples, project, type Project } from "./helpers/pack.js";

interface Diag {
  severity: number;
  code: string;
  message: string;
}

/** A minimal LSP client over the server's stdio: Content-Length framing, requests, notifications. */
class Stdio {
  private buf = Buffer.alloc(0);
  private id = 0;
  private readonly pending = new Map<number, (r: unknown) => void>();
  readonly diagnostics = new Map<string, Diag[]>();
  readonly messages: string[] = [];
  stderr = "";
  private waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.stdout!.on("data", (d: Buffer) => this.feed(d));
    child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
  }

  private feed(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const head = this.buf.indexOf("\r\n\r\n");
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString())![1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString()) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buf = this.buf.subarray(head + 4 + len);
      if (msg.method === undefined && msg.id !== undefined) this.pending.get(msg.id)?.(msg.result);
      else if (msg.method === "textDocument/publishDiagnostics") this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
      else if (msg.method === "window/showMessage" || msg.method === "window/logMessage") this.messages.push(msg.params.message);
      else if (msg.id !== undefined) {
        if (msg.method === "window/showMessageRequest") this.messages.push(msg.params.message);
        this.send({ jsonrpc: "2.0", id: msg.id, result: msg.method === "workspace/configuration" ? [] : null });
      }
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    }
  }

  private send(msg: object): void {
    const body = Buffer.from(JSON.stringify(msg));
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.id;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  async until(pred: () => boolean, what: string): Promise<void> {
    const deadline = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}; messages: ${this.messages.join(" | ")}`)), 30_000));
    while (!pred()) await Promise.race([new Promise<void>((r) => this.waiters.push(r)), deadline]);
  }
}

async function diagnosticsIn(p: Project, rel: string): Promise<{ diagnostics: Diag[]; messages: string[]; stderr: string }> {
  // The installed bin itself, as an editor's `cmd` would start it (its shebang runs node).
  const child = spawn(p.lsp, ["--stdio"], { cwd: p.dir, stdio: ["pipe", "pipe", "pipe"] });
  const c = new Stdio(child);
  try {
    const root = pathToFileURL(p.dir).href;
    await c.request("initialize", { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: "adopter" }], capabilities: { textDocument: { publishDiagnostics: {} } } });
    c.notify("initialized", {});
    const uri = pathToFileURL(path.join(p.dir, rel)).href;
    c.notify("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text: fs.readFileSync(path.join(p.dir, rel), "utf8") } });
    await c.until(() => c.diagnostics.has(uri), `diagnostics of ${rel}`);
    await c.request("shutdown", null);
    c.notify("exit", null);
    return { diagnostics: c.diagnostics.get(uri)!, messages: c.messages, stderr: c.stderr };
  } finally {
    child.kill();
  }
}

const BAKERS = "charters/riverside-bakers-coop.charter";
let p: Project;

beforeAll(async () => {
  p = await project(examples("charters"));
}, 900_000);

afterAll(() => p?.remove());

/** The server's diagnostics for the bakers' charter with this charterc.yaml in the project. */
async function withConfig(config: string): Promise<{ diagnostics: Diag[]; messages: string[]; stderr: string }> {
  p.write("charterc.yaml", config);
  try {
    return await diagnosticsIn(p, BAKERS);
  } finally {
    fs.rmSync(path.join(p.dir, "charterc.yaml"));
  }
}

const summary = (ds: Diag[]) => ds.map((d) => `${d.code}:${d.severity}`).sort();

describe("the installed charterc-lsp", () => {
  it("without a configuration: the recommended profile's warnings (severity 2)", async () => {
    const r = await diagnosticsIn(p, BAKERS);
    // The weak exit is one finding (exit-entrenched's at equal levels).
    expect(summary(r.diagnostics)).toEqual(["CH0203:2"]);
    expect(r.stderr).toBe("");
  });

  it("a rule set to `error` in charterc.yaml gives severity 1", async () => {
    const r = await withConfig("profile: recommended\nrules:\n  exit-guaranteed: error\n");
    expect(summary(r.diagnostics)).toEqual(["CH0202:1"]);
    expect(r.messages.filter((m) => /error/i.test(m))).toEqual([]);
  });

  it("`profile: strict` turns every warning into an error", async () => {
    const r = await withConfig("profile: strict\n");
    expect(summary(r.diagnostics)).toEqual(["CH0203:1"]);
  });

  it("a bad charterc.yaml is reported to the editor with the CLI's message, and the server still answers", async () => {
    const r = await withConfig("profiles: strict\n");
    expect(r.messages.join("\n")).toContain("charterc.yaml:1:1: unknown key `profiles` (did you mean `profile`?)");
    expect(r.messages.join("\n")).not.toMatch(/TypeError|is not a constructor/);
    expect(summary(r.diagnostics)).toEqual(["CH0203:2"]);
  });
});
