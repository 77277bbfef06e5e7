// Language-server latency on the shapes of issue 13, over the built server
// (dist/lsp.js) on stdio, as an editor drives it:
//
//   - edit → publishDiagnostics (for that version), p50/p95, on a 5,000-line
//     election chain, appointment chain and deep amendable chain (a character
//     replaced, and typing: a character inserted then deleted), and on an
//     18-line member of a 1,000-member federation (a workspace on disk);
//   - hover sent right after an edit (same write), p50/p95: answered from the
//     newest parse, never after the re-analysis;
//   - memory: peak and final RSS of the server after a burst of edits to a
//     5 MB document (issue 12 item 7).
//
// Use:  node bench/lsp-latency.mjs [--quick]            (prints a table and JSON)
//       import { lspShapes } from "./lsp-latency.mjs";
//       const rows = await lspShapes({ server: "dist/lsp.js", quick: true });
//       (options: lines = 5000, members = 1000, memory = true: the 2,000-edit burst, 200 when quick)
// Each row: { shape, lines, files, edits, editP50, editP95, hoverP50, hoverP95,
// cpuPerEditMs, rssMB, peakRssMB } (milliseconds, MB; null where not
// measured). cpuPerEditMs is the server's CPU time over the edits ÷ edits
// (/proc, 10 ms ticks): on a shared machine it moves far less than latency.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lspFederation } from "./shapes.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ── Shapes ──────────────────────────────────────────────────────────────

const HEAD = `charter "Shape" {\n  jurisdiction: personal\n  body assembly { members: all members }\n`;

/** Chained bodies: each council is elected by the decision of the one before. ~2 lines per step. */
export function electionChain(lines) {
  const n = Math.max(2, Math.floor(lines / 2));
  const out = [HEAD, `  body council-0 { members: 5 seats selection: sortition }\n  decision decision-0 { by: council-0 threshold: majority of votes cast }\n`];
  for (let i = 1; i < n; i++) {
    out.push(`  body council-${i} { members: 5 seats selection: election by decision-${i - 1} }\n  decision decision-${i} { by: council-${i} threshold: majority of votes cast }\n`);
  }
  out.push("}\n");
  return out.join("");
}

/** Each council appointed by the one before. 1 line per step. */
export function appointmentChain(lines) {
  const out = [HEAD, `  body council-0 { members: 5 seats selection: sortition }\n`];
  for (let i = 1; i < lines; i++) out.push(`  body council-${i} { members: 5 seats selection: appointment by council-${i - 1} }\n`);
  out.push(`  decision d { by: council-${lines - 1} threshold: majority of votes cast }\n}\n`);
  return out.join("");
}

/** Each decision amendable by the one before; d-0 at 2% quorum, so every clause's cheapest path runs the whole chain. */
export function deepAmendableChain(lines) {
  const out = [HEAD, `  decision d-0 { by: assembly quorum: 2% threshold: majority of votes cast }\n`];
  for (let i = 1; i < lines; i++) out.push(`  decision d-${i} { by: assembly quorum: 90% threshold: majority of votes cast amendable: by d-${i - 1} }\n`);
  out.push("}\n");
  return out.join("");
}

/** About `bytes` of plain decisions (a large but linear document). */
export function bigDocument(bytes) {
  const out = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < bytes; i++) {
    const line = `  decision plain-${i} { by: assembly quorum: 50% threshold: majority of votes cast }\n`;
    out.push(line);
    size += line.length;
  }
  out.push("}\n");
  return out.join("");
}

// ── A small LSP client ──────────────────────────────────────────────────

function connect(server, cwd) {
  const proc = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "ignore"], cwd });
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  };
  proc.stdout.on("data", (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      const end = buf.indexOf("\r\n\r\n");
      if (end < 0) return;
      const len = Number(/Content-Length: *(\d+)/i.exec(buf.subarray(0, end).toString("ascii"))?.[1] ?? 0);
      if (buf.length < end + 4 + len) return;
      const msg = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString("utf8"));
      buf = buf.subarray(end + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        pending.get(msg.id)?.(msg);
        pending.delete(msg.id);
      } else if (msg.id !== undefined) {
        send({ jsonrpc: "2.0", id: msg.id, result: msg.method === "workspace/configuration" ? (msg.params?.items ?? []).map(() => null) : null });
      } else if (msg.method === "textDocument/publishDiagnostics") {
        for (const l of [...listeners]) l(msg.params);
      }
    }
  });
  const exited = new Promise((res) => proc.on("exit", res));
  const request = (method, params, timeout = 60000) => {
    const id = nextId++;
    const msg = { jsonrpc: "2.0", id, method, params };
    const promise = new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`${method}: no answer in ${timeout} ms`)), timeout);
      pending.set(id, (m) => {
        clearTimeout(t);
        if (m.error) rej(new Error(`${method}: ${m.error.message}`));
        else res(m.result);
      });
    });
    return { msg, promise };
  };
  return {
    proc,
    send,
    request,
    call: (method, params, timeout) => {
      const r = request(method, params, timeout);
      send(r.msg);
      return r.promise;
    },
    notify: (method, params) => send({ jsonrpc: "2.0", method, params }),
    /** The next diagnostics for `uri` at `version` (or any version when undefined). */
    diagnostics(uri, version, timeout = 120000) {
      return new Promise((res, rej) => {
        const t = setTimeout(() => {
          listeners.delete(l);
          rej(new Error(`no diagnostics for version ${version} within ${timeout} ms`));
        }, timeout);
        const l = (p) => {
          if (p.uri !== uri || (version !== undefined && p.version !== undefined && p.version !== version)) return;
          listeners.delete(l);
          clearTimeout(t);
          res(p);
        };
        listeners.add(l);
      });
    },
    async close() {
      await this.call("shutdown", null, 10000).catch(() => null);
      this.notify("exit", null);
      const killer = setTimeout(() => proc.kill(), 3000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** VmRSS and VmHWM of a process, in MB (Linux; null elsewhere). */
function rss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { rss: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return { rss: null, peak: null };
  }
}

/** CPU time (user + system) a process has used, in ms (Linux; null elsewhere): unlike latency, little moved by the neighbours. */
function cpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const quantile = (xs, q) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** The position of the first match of `re` in the line nearest the middle of `text` that has one. */
function middleMatch(text, re) {
  const lines = text.split("\n");
  for (let d = 0; d < lines.length; d++) {
    for (const i of [Math.floor(lines.length / 2) + d, Math.floor(lines.length / 2) - d]) {
      const m = re.exec(lines[i] ?? "");
      if (m) return { line: i, character: m.index };
    }
  }
  throw new Error(`no ${re} in the document`);
}

/**
 * Open `text` (or `files` on disk with `open` among them), then make `edits`
 * one-character edits at `edit` (a regex whose match's first character is
 * replaced alternately by `a` and `b`), timing edit → diagnostics and a hover
 * sent with each edit.
 */
async function measure({ server, shape, text, files, open, editAt, swap, edits, typing = false }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-lsp-bench-"));
  try {
    for (const [rel, body] of Object.entries(files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    }
    const c = connect(server, dir);
    try {
      await c.call("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: {} } }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }] });
      const uri = open ? pathToFileURL(path.join(dir, open)).href : pathToFileURL(path.join(dir, "editor.charter")).href;
      let doc = open ? files[open] : text;
      let version = 1;
      const first = c.diagnostics(uri, 1, 300000);
      c.notify("initialized", {});
      c.notify("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version, text: doc } });
      await first;
      const at = middleMatch(doc, editAt);
      const editTimes = [];
      const hoverTimes = [];
      const cpu0 = cpuMs(c.proc.pid);
      for (let i = 0; i < edits; i++) {
        version++;
        const ch = i % 2 === 0 ? swap[1] : swap[0];
        // Typing: insert a character, then delete it (every later offset moves); otherwise replace one character.
        const change = typing ? (i % 2 === 0 ? { range: { start: at, end: at }, text: swap[1] } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "" }) : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: ch };
        const wait = c.diagnostics(uri, version);
        const hover = c.request("textDocument/hover", { textDocument: { uri }, position: { line: at.line, character: at.character } });
        const t0 = performance.now();
        c.send({ jsonrpc: "2.0", method: "textDocument/didChange", params: { textDocument: { uri, version }, contentChanges: [change] } });
        c.send(hover.msg);
        await hover.promise;
        hoverTimes.push(performance.now() - t0);
        await wait;
        editTimes.push(performance.now() - t0);
      }
      const cpu1 = cpuMs(c.proc.pid);
      const mem = rss(c.proc.pid);
      await c.close();
      return {
        shape,
        lines: doc.split("\n").length,
        files: files ? Object.keys(files).length : 1,
        edits,
        editP50: quantile(editTimes, 0.5),
        editP95: quantile(editTimes, 0.95),
        hoverP50: quantile(hoverTimes, 0.5),
        hoverP95: quantile(hoverTimes, 0.95),
        cpuPerEditMs: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / edits,
        rssMB: mem.rss,
        peakRssMB: mem.peak,
      };
    } catch (e) {
      c.proc.kill();
      throw e;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A burst of `edits` edits to a ~5 MB document (no waiting between them), then the final diagnostics: RSS. */
async function memoryBurst({ server, bytes, edits }) {
  const text = bigDocument(bytes);
  const c = connect(server, os.tmpdir());
  try {
    await c.call("initialize", { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } }, workspaceFolders: null });
    c.notify("initialized", {});
    const uri = "untitled:Big-1";
    const first = c.diagnostics(uri, 1, 300000);
    c.notify("textDocument/didOpen", { textDocument: { uri, languageId: "charter", version: 1, text } });
    await first;
    const afterOpen = rss(c.proc.pid);
    const lines = text.split("\n");
    let version = 1;
    const t0 = performance.now();
    for (let i = 0; i < edits; i++) {
      version++;
      const line = 3 + ((i * 7919) % (lines.length - 5));
      const col = lines[line].indexOf("50%");
      c.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: i % 2 === 0 ? "6" : "5" }] });
      // Let the server read as an editor would type: a few edits per turn.
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 1));
    }
    await c.diagnostics(uri, version, 600000);
    const seconds = (performance.now() - t0) / 1000;
    const mem = rss(c.proc.pid);
    await c.close();
    return { shape: `memory: ${edits} edits to a ${(text.length / 1e6).toFixed(1)} MB document`, lines: lines.length, files: 1, edits, editP50: null, editP95: null, hoverP50: null, hoverP95: null, cpuPerEditMs: null, rssMB: mem.rss, peakRssMB: mem.peak, rssAfterOpenMB: afterOpen.rss, seconds };
  } catch (e) {
    c.proc.kill();
    throw e;
  }
}

/** Every shape; `quick` makes fewer edits. Rows as documented at the top. */
export async function lspShapes({ server = path.join(HERE, "..", "dist", "lsp.js"), quick = false, lines = 5000, members = 1000, memory = true, memoryBytes = 5 * 1024 * 1024, memoryEdits, shapes = true, edits = quick ? 20 : 50, only = null } = {}) {
  const rows = [];
  const seats = { editAt: /5 seats/, swap: ["5", "6"] };
  if (!shapes) return memory ? [await memoryBurst({ server, bytes: memoryBytes, edits: memoryEdits ?? (quick ? 200 : 2000) })] : [];
  // `only`: a substring of the shape names to run (profiling one shape).
  const want = (name) => only === null || name.includes(only);
  if (want("election chain")) rows.push(await measure({ server, shape: "election chain", text: electionChain(lines), ...seats, edits }));
  if (want("appointment chain")) rows.push(await measure({ server, shape: "appointment chain", text: appointmentChain(lines), ...seats, edits }));
  if (want("deep amendable chain")) rows.push(await measure({ server, shape: "deep amendable chain", text: deepAmendableChain(lines), editAt: /90%/, swap: ["9", "8"], edits }));
  // The same chains while typing: a character inserted, then deleted, so every later offset moves.
  if (want("election chain (typing)")) rows.push(await measure({ server, shape: "election chain (typing)", text: electionChain(lines), ...seats, edits, typing: true }));
  if (want("appointment chain (typing)")) rows.push(await measure({ server, shape: "appointment chain (typing)", text: appointmentChain(lines), ...seats, edits, typing: true }));
  if (want("deep amendable chain (typing)")) rows.push(await measure({ server, shape: "deep amendable chain (typing)", text: deepAmendableChain(lines), editAt: /90%/, swap: ["9", "8"], edits, typing: true }));
  if (want("federation member")) rows.push(await measure({ server, shape: `federation member (${members} members)`, files: lspFederation(members, "charters/").files, open: `charters/members/m${members >> 1}.charter`, editAt: /50%/, swap: ["5", "6"], edits }));
  if (memory) {
    // The 5 MB document (over the documented limits: refused with a diagnostic, so it shows the cost of
    // the refusal path), and ~1 MB of decisions, about the largest document of this shape the token limit accepts.
    rows.push(await memoryBurst({ server, bytes: memoryBytes, edits: memoryEdits ?? (quick ? 200 : 2000) }));
    rows.push(await memoryBurst({ server, bytes: 1024 * 1024, edits: memoryEdits ?? (quick ? 200 : 2000) }));
  }
  return rows;
}

const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? "—" : x < 10 ? x.toFixed(1) : Math.round(x).toString());

export function lspTable(rows) {
  const out = ["| shape | lines | files | edits | edit→diagnostics p50 / p95 (ms) | hover after edit p50 / p95 (ms) | server CPU per edit (ms) | RSS / peak (MB) |", "|---|---|---|---|---|---|---|---|"];
  for (const r of rows) out.push(`| ${r.shape} | ${r.lines} | ${r.files} | ${r.edits} | ${fmt(r.editP50)} / ${fmt(r.editP95)} | ${fmt(r.hoverP50)} / ${fmt(r.hoverP95)} | ${fmt(r.cpuPerEditMs)} | ${fmt(r.rssMB)} / ${fmt(r.peakRssMB)} |`);
  return out.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  const rows = await lspShapes({ quick });
  console.log(lspTable(rows));
  console.log(JSON.stringify(rows, null, 2));
}
