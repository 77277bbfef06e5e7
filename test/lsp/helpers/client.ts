// A JSON-RPC LSP client over a spawned `node dist/lsp.js --stdio`, for the
// end-to-end tests (vscode-languageserver-protocol, as an editor would).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

export const REPO = path.resolve(import.meta.dirname, "../../..");
export const LSP_JS = path.join(REPO, "dist", "lsp.js");

export interface Published {
  version?: number;
  diagnostics: Diagnostic[];
  /** How many times this uri was published. */
  count: number;
}

export class LspClient {
  readonly published = new Map<string, Published>();
  readonly logs: string[] = [];
  stderr = "";
  exited: number | null = null;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private waiters: (() => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
    readonly root: string,
  ) {}

  /** Start a server: `dist/lsp.js --stdio` by default, or any command line (`[script, ...args]` run with node). */
  static async start(root: string, initializationOptions: Record<string, unknown> = { debounceMs: 10 }, serverJs: string | string[] = LSP_JS): Promise<LspClient> {
    const argv = Array.isArray(serverJs) ? serverJs : [serverJs, "--stdio"];
    const child = spawn(process.execPath, argv, { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, conn, root);
    child.stderr!.on("data", (d: Buffer) => (client.stderr += d.toString()));
    child.on("exit", (code) => (client.exited = code ?? -1));
    conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const prev = client.published.get(p.uri);
      client.published.set(p.uri, { version: p.version, diagnostics: p.diagnostics, count: (prev?.count ?? 0) + 1 });
      const w = client.waiters;
      client.waiters = [];
      for (const f of w) f();
    });
    conn.onNotification("window/logMessage", (p: { message: string }) => client.logs.push(p.message));
    conn.onNotification("window/showMessage", (p: { message: string }) => client.logs.push(p.message));
    conn.onRequest("client/registerCapability", () => null);
    conn.onRequest("workspace/configuration", () => []);
    conn.onRequest("window/workDoneProgress/create", () => null);
    conn.listen();
    await conn.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "test" }],
      initializationOptions,
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await conn.sendNotification("initialized", {});
    return client;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, rel)).href;
  }

  /** Resolve when `pred` holds for the published diagnostics (checked on every publish). */
  async waitFor(pred: () => boolean, timeoutMs = 20_000, what = "diagnostics"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (this.exited !== null) throw new Error(`server exited (${this.exited}): ${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; logs: ${this.logs.join("\n")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Diagnostics of a document at a given version (the latest version by default). */
  async diagnosticsOf(rel: string, version = this.versions.get(this.uri(rel))): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    await this.waitFor(() => {
      const p = this.published.get(uri);
      return p !== undefined && (version === undefined || p.version === version);
    }, 20_000, `diagnostics of ${rel}@${version}`);
    return this.published.get(uri)!.diagnostics;
  }

  async open(rel: string, text: string): Promise<string> {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text } });
    return uri;
  }

  /** Send incremental changes; keeps the client's copy of the text in step. */
  async change(rel: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    let text = this.texts.get(uri) ?? "";
    for (const c of changes) text = "range" in c ? applyChange(text, c.range, c.text) : c.text;
    this.texts.set(uri, text);
    await this.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  text(rel: string): string {
    return this.texts.get(this.uri(rel)) ?? "";
  }

  async close(rel: string): Promise<void> {
    const uri = this.uri(rel);
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.conn.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification("exit");
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.exited === null) {
      await new Promise((r) => setTimeout(r, 200));
      if (this.exited === null) this.child.kill();
    }
  }
}

/** Offset of an LSP position in text (lines split on \r\n, \r, \n). */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      line++;
    }
    i++;
  }
  let end = i;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return Math.min(i + pos.character, end);
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

export function applyChange(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): string {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

/** Position of the n-th occurrence (0-based) of `needle` in text, plus `delta` characters. */
export function posOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` not found`);
  }
  return positionAt(text, at + delta);
}
