// The language server's framing fuzz family (issue 12 item 13): against the
// built server over stdio, rounds of random and hostile frames — bad
// Content-Length values (`abc`, negative, huge, off by a few bytes), missing
// headers, endless header blocks, random bytes, invalid UTF-8, bodies that are
// not JSON or not JSON-RPC — each followed by a well-formed request that must
// be answered. The server must answer every probe (it resynchronised) and
// never exit; a failure names the round and the bytes sent.
import { spawn } from "node:child_process";

export interface FramingFuzzOptions {
  /** Path of the built server (dist/lsp.js). */
  readonly server: string;
  readonly seed: number;
  readonly rounds: number;
  /** How long a probe may take to be answered, in milliseconds. */
  readonly probeTimeoutMs?: number;
}

export interface FramingFuzzReport {
  readonly rounds: number;
  readonly failures: readonly { round: number; message: string; sent: string }[];
  readonly skippedFramesLogged: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const enc = (s: string) => Buffer.from(s, "utf8");
const frame = (body: Buffer, length: string | number = body.length) => Buffer.concat([enc(`Content-Length: ${length}\r\n\r\n`), body]);

/** One hostile piece of the stream. */
function hostile(rand: () => number, id: number): Buffer {
  const int = (n: number) => Math.floor(rand() * n);
  const body = enc(JSON.stringify({ jsonrpc: "2.0", id: `noise-${id}`, method: "textDocument/hover", params: { textDocument: { uri: "file:///x.charter" }, position: { line: 0, character: 0 } } }));
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  switch (int(14)) {
    case 0:
      return frame(body, "abc");
    case 1:
      return frame(body, -int(100) - 1);
    case 2:
      return frame(body, body.length + 1 + int(8)); // a few bytes too long
    case 3:
      return frame(body, Math.max(0, body.length - 1 - int(8))); // a few bytes too short
    case 4:
      return frame(body, "99999999999");
    case 5:
      return Buffer.concat([enc("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"), body]); // no length
    case 6:
      return bytes(1 + int(200));
    case 7:
      return frame(Buffer.from([0xff, 0xfe, 0xc3, 0x28, ...body.subarray(4)]));
    case 8:
      return frame(enc("{ not json"));
    case 9:
      return frame(enc(JSON.stringify([1, 2, { jsonrpc: "2.0" }])));
    case 10:
      return frame(enc(JSON.stringify({ jsonrpc: "2.0", method: 42, id: {} })));
    case 11:
      return enc(`Content-Length: ${body.length}\r\nX-Junk: ${"a".repeat(int(100))}`); // header that never ends (until the next frame)
    case 12:
      return frame(body, ` ${body.length}x`);
    default:
      return Buffer.concat([enc("Content-Length: 5\r\n"), bytes(int(50)), enc("\r\n\r\n")]);
  }
}

export async function fuzzLspFraming(opts: FramingFuzzOptions): Promise<FramingFuzzReport> {
  const rand = rng(opts.seed);
  const timeout = opts.probeTimeoutMs ?? 5000;
  const child = spawn(process.execPath, [opts.server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  const failures: { round: number; message: string; sent: string }[] = [];
  let exited: number | null = null;
  let skipped = 0;
  const answered = new Map<string, (msg: unknown) => void>();
  let out = Buffer.alloc(0);
  child.on("exit", (code) => (exited = code ?? -1));
  child.stderr.resume();
  child.stdout.on("data", (chunk: Buffer) => {
    out = Buffer.concat([out, chunk]);
    for (;;) {
      const end = out.indexOf("\r\n\r\n");
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(out.subarray(0, end).toString("latin1"))?.[1] ?? -1);
      if (len < 0 || out.length < end + 4 + len) return;
      const msg = JSON.parse(out.subarray(end + 4, end + 4 + len).toString("utf8")) as { id?: unknown; method?: string; params?: { message?: string } };
      out = out.subarray(end + 4 + len);
      if (msg.method === "window/logMessage" && msg.params?.message?.includes("skipped a bad frame")) skipped++;
      if (typeof msg.id === "string") answered.get(msg.id)?.(msg);
    }
  });
  const write = (b: Buffer) => new Promise<void>((res) => child.stdin.write(b, () => res()));
  const probe = async (id: string, method: string, params: unknown): Promise<boolean> => {
    const got = new Promise<boolean>((res) => {
      const t = setTimeout(() => res(false), timeout);
      answered.set(id, () => {
        clearTimeout(t);
        res(true);
      });
    });
    await write(frame(enc(JSON.stringify({ jsonrpc: "2.0", id, method, params }))));
    const ok = await got;
    answered.delete(id);
    return ok;
  };
  try {
    if (!(await probe("init", "initialize", { processId: null, rootUri: null, capabilities: {} }))) failures.push({ round: -1, message: "initialize was not answered", sent: "" });
    await write(frame(enc(JSON.stringify({ jsonrpc: "2.0", method: "initialized", params: {} }))));
    for (let round = 0; round < opts.rounds && exited === null; round++) {
      const pieces = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => hostile(rand, round * 10 + k));
      const sent = Buffer.concat(pieces);
      // Sometimes split at random points, as a pipe may deliver it.
      if (rand() < 0.5) {
        let at = 0;
        while (at < sent.length) {
          const n = 1 + Math.floor(rand() * 64);
          await write(sent.subarray(at, at + n));
          at += n;
        }
      } else await write(sent);
      const ok = await probe(`probe-${round}`, "charterc/stats", {});
      if (!ok) {
        failures.push({ round, message: exited !== null ? `the server exited (${exited})` : `no answer to a request after the hostile frames`, sent: sent.toString("latin1").slice(0, 400) });
        // Start over on a clean stream is not possible: one failure ends the run.
        break;
      }
    }
  } finally {
    child.stdin.end();
    const killer = setTimeout(() => child.kill(), 3000);
    await new Promise((res) => (exited !== null ? res(null) : child.on("exit", res)));
    clearTimeout(killer);
  }
  if (exited !== null && exited !== 0 && failures.length === 0) failures.push({ round: opts.rounds, message: `the server exited with ${exited} when stdin closed`, sent: "" });
  return { rounds: opts.rounds, failures, skippedFramesLogged: skipped };
}
