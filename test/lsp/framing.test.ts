// One report per bad frame: a header block that is garbage (`garbage\r\n\r\n`)
// was reported once per byte while the parser stepped through it looking for
// the next `Content-Length:` ("garbage", "arbage", "rbage", …). Now the
// parser reports the frame once and skips its rest silently, until the next
// header — whether the bytes arrive at once, byte by byte, or with no next
// frame yet. The resynchronisation itself is test/lsp/hostile.test.ts's and
// the framing fuzz's.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { FrameParser } from "../../src/lsp/framing.js";
import { ensureBuilt } from "./helpers/build.js";
import { LSP_JS } from "./helpers/client.js";

const enc = (s: string) => new TextEncoder().encode(s);
const frame = (o: unknown) => {
  const body = JSON.stringify(o);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const a = { jsonrpc: "2.0", id: 1, method: "a" };
const b = { jsonrpc: "2.0", id: 2, method: "b" };

function parse(chunks: string[]) {
  const messages: unknown[] = [];
  const errors: string[] = [];
  const p = new FrameParser({ message: (m) => messages.push(m), error: (e) => errors.push(e) });
  for (const c of chunks) p.feed(enc(c));
  return { messages, errors, buffered: p.buffered };
}

describe("a bad frame is reported once", () => {
  it("`garbage\\r\\n\\r\\n` with nothing after it: one report, nothing left buffered", () => {
    for (const chunks of [["garbage\r\n\r\n"], [..."garbage\r\n\r\n"]]) {
      const r = parse(chunks);
      expect(r.errors).toEqual(['a header line without a name: "garbage"']);
      expect(r.buffered).toBe(0);
    }
  });

  it("a long garbage header arriving byte by byte, then a good frame: one report, the frame delivered", () => {
    const junk = "this is not a header at all, it goes on " + "x".repeat(200) + "\r\n\r\n";
    const r = parse([...junk, ...frame(a)]);
    expect(r.errors.length).toBe(1);
    expect(r.messages).toEqual([a]);
  });

  it("garbage split across several header blocks before the next frame is one bad stretch: one report", () => {
    const r = parse(["garbage\r\n\r\n", "more garbage\r\n\r\n", "X-Other: 1\r\n\r\n", frame(a)]);
    expect(r.errors.length).toBe(1);
    expect(r.messages).toEqual([a]);
  });

  it("two bad frames with a good one between them: two reports", () => {
    const r = parse(["garbage\r\n\r\n", frame(a), "Content-Length: abc\r\n\r\n{}", frame(b)]);
    expect(r.errors).toEqual(['a header line without a name: "garbage"', 'Content-Length "abc" is not a length']);
    expect(r.messages).toEqual([a, b]);
  });

  it("a body that is not JSON, arriving byte by byte: one report, the next frame delivered", () => {
    const r = parse([..."Content-Length: 30\r\n\r\nthis is not json, not at all!!", ...frame(b)]);
    expect(r.errors.length).toBe(1);
    expect(r.messages).toEqual([b]);
  });
});

describe("the built server logs one message per bad frame", () => {
  beforeAll(ensureBuilt, 180_000);

  it("`garbage\\r\\n\\r\\n` on stdin: one `skipped a bad frame` log, and the server answers the next request", async () => {
    const child = spawn(process.execPath, [LSP_JS, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    const messages = () =>
      out
        .split(/Content-Length: \d+\r\n\r\n/)
        .filter((s) => s.trim())
        .map((s) => JSON.parse(s) as { id?: number; method?: string; params?: { message?: string } });
    const until = async (pred: () => boolean) => {
      for (let i = 0; i < 300 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      child.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
      await until(() => messages().some((m) => m.id === 1));
      child.stdin.write("garbage\r\n\r\n");
      // Byte by byte, too: the pieces of one bad frame are one report.
      for (const ch of "more garbage\r\n\r\n") child.stdin.write(ch);
      child.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "charterc/stats" }));
      await until(() => messages().some((m) => m.id === 2));
      const skipped = messages().filter((m) => m.method === "window/logMessage" && m.params?.message?.includes("skipped a bad frame"));
      expect(skipped.map((m) => m.params!.message)).toEqual(['charterc-lsp: skipped a bad frame: a header line without a name: "garbage"']);
      expect(messages().some((m) => m.id === 2)).toBe(true);
    } finally {
      child.kill();
    }
  }, 60_000);
});
