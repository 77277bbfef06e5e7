// A minimal LSP client over stdio for the editor benchmark: spawn the
// server, open one document, then time (a) one-character edits until the
// next publishDiagnostics for that document and (b) completion requests.
import { spawn } from "node:child_process";

export async function lspLatency({ server, text, edits, completions, quantile, stats }) {
  const proc = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const waiters = [];
  proc.stdout.on("data", (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const headerEnd = buf.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, headerEnd).toString("ascii"));
      const len = m ? Number(m[1]) : 0;
      if (buf.length < headerEnd + 4 + len) return;
      const msg = JSON.parse(buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString("utf8"));
      buf = buf.subarray(headerEnd + 4 + len);
      if (msg.id !== undefined && pending.has(msg.id) && msg.method === undefined) {
        pending.get(msg.id)(msg);
        pending.delete(msg.id);
      } else if (msg.method && msg.id !== undefined) {
        // A request from the server (configuration, registerCapability…): answer null.
        send({ jsonrpc: "2.0", id: msg.id, result: msg.method === "workspace/configuration" ? (msg.params?.items ?? []).map(() => null) : null });
      } else if (msg.method === "textDocument/publishDiagnostics") {
        for (const w of waiters.splice(0)) w(msg.params);
      }
    }
  });
  const exited = new Promise((res) => proc.on("exit", res));
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  const request = (method, params, timeout = 10000) =>
    new Promise((res, rej) => {
      const id = nextId++;
      const t = setTimeout(() => rej(new Error(`${method}: no answer in ${timeout} ms`)), timeout);
      pending.set(id, (m) => {
        clearTimeout(t);
        if (m.error) rej(new Error(`${method}: ${m.error.message}`));
        else res(m.result);
      });
      send({ jsonrpc: "2.0", id, method, params });
    });
  const notify = (method, params) => send({ jsonrpc: "2.0", method, params });
  const nextDiagnostics = (uri, timeout = 10000) =>
    new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no diagnostics within ${timeout} ms`)), timeout);
      const w = (p) => {
        if (p.uri !== uri) return waiters.push(w);
        clearTimeout(t);
        res(p);
      };
      waiters.push(w);
    });

  try {
    const init = await request("initialize", { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: {}, completion: {} } }, workspaceFolders: null });
    notify("initialized", {});
    const sync = init.capabilities?.textDocumentSync;
    const incremental = (typeof sync === "number" ? sync : sync?.change) === 2;
    const uri = "file:///bench/editor.charter";
    let doc = text;
    let version = 1;
    const first = nextDiagnostics(uri, 30000);
    notify("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version, text: doc } });
    await first;

    // Edit inside a string near the middle of the file: insert a character, then delete it.
    const lines = doc.split("\n");
    const lineNo = lines.findIndex((l, i) => i > lines.length / 2 && l.includes("eligibility") === false && /"[^"]+"/.test(l));
    const editLine = lineNo >= 0 ? lineNo : Math.floor(lines.length / 2);
    const col = Math.max(0, lines[editLine].indexOf('"') + 1);
    const diagTimes = [];
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      version++;
      const range = { start: { line: editLine, character: col }, end: { line: editLine, character: insert ? col : col + 1 } };
      const newText = insert ? "x" : "";
      const l = lines[editLine];
      lines[editLine] = insert ? l.slice(0, col) + "x" + l.slice(col) : l.slice(0, col) + l.slice(col + 1);
      const wait = nextDiagnostics(uri);
      const t0 = performance.now();
      notify("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: incremental ? [{ range, text: newText }] : [{ text: lines.join("\n") }],
      });
      await wait;
      diagTimes.push(performance.now() - t0);
    }

    // Completion at the start of an empty line inside a decision section.
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l.trim().startsWith("threshold:"));
    const compTimes = [];
    for (let i = 0; i < completions; i++) {
      const t0 = performance.now();
      await request("textDocument/completion", { textDocument: { uri }, position: { line: at >= 0 ? at : 1, character: 4 } });
      compTimes.push(performance.now() - t0);
    }
    await request("shutdown", null).catch(() => null);
    notify("exit", null);
    const sum = (xs) => ({ ...stats(xs), p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) });
    return { lines: lines.length, incremental, diagnostics: sum(diagTimes), completion: sum(compTimes) };
  } finally {
    const killer = setTimeout(() => proc.kill(), 2000);
    await exited;
    clearTimeout(killer);
  }
}
