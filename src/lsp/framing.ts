// The LSP base protocol's framing (`Content-Length: N\r\n\r\n` + N bytes of
// JSON), parsed so that a bad frame never stalls the stream: a header without
// a usable Content-Length (missing, `abc`, negative, huge), a header block
// that never ends, or a body that is not JSON is reported and skipped, and
// parsing resumes at the next `Content-Length:` header (one report per bad
// frame: its rest, arriving in pieces, is skipped silently). A Content-Length a
// few bytes too large is recognised when the next header arrives inside the
// body (or, for the last message, when the stream goes idle) and the JSON
// before it is taken as the message. Pure (no Node module): the Node reader
// in src/lsp/stdio-reader.ts feeds it stdin, and the framing fuzz feeds it
// anything.

/** Largest message accepted, in bytes (a charter at its size limit, JSON-escaped, with room). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Longest header block accepted, in bytes. */
export const MAX_HEADER_BYTES = 8 * 1024;

export interface FrameSink {
  message(value: unknown): void;
  /** A frame was skipped (the stream continues at the next header). */
  error(reason: string): void;
}

const CR = 13;
const LF = 10;
const KEY = "content-length:";

export class FrameParser {
  private buf = new Uint8Array(1024);
  private start = 0;
  private end = 0;
  /** While a body is incomplete: where it starts, its declared length, and how far it was scanned for a next header. */
  private body: { header: number; at: number; length: number; scanned: number } | null = null;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  /**
   * A bad frame was reported and no `Content-Length:` followed it yet: the
   * bytes still to come belong to that frame (its rest, arriving in pieces),
   * so they are skipped without a second report.
   */
  private resyncing = false;

  constructor(private readonly sink: FrameSink) {}

  /** Bytes buffered and not yet parsed (for tests). */
  get buffered(): number {
    return this.end - this.start;
  }

  feed(chunk: Uint8Array): void {
    this.append(chunk);
    this.parse();
  }

  /**
   * The stream went idle with a body incomplete: if what arrived is a whole
   * JSON value, the declared length was too large — take it. Else keep waiting.
   */
  idle(): void {
    const b = this.body;
    if (!b) return;
    const value = this.json(b.at, this.end);
    if (!isObject(value)) return;
    this.sink.error(`Content-Length ${b.length} is larger than the message (${this.end - b.at} bytes)`);
    this.body = null;
    this.start = this.end;
    this.sink.message(value);
    this.compact();
  }

  private append(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      let size = this.buf.length;
      while (size < live + chunk.length) size *= 2;
      const next = size === this.buf.length ? this.buf : new Uint8Array(size);
      next.set(this.buf.subarray(this.start, this.end), 0);
      if (this.body) {
        this.body.header -= this.start;
        this.body.at -= this.start;
        this.body.scanned -= this.start;
      }
      this.buf = next;
      this.end = live;
      this.start = 0;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  private compact(): void {
    if (this.start === this.end && !this.body) {
      this.start = this.end = 0;
      if (this.buf.length > 1 << 20) this.buf = new Uint8Array(1024);
    }
  }

  private parse(): void {
    for (;;) {
      if (this.body) {
        if (!this.takeBody()) return;
        continue;
      }
      if (this.start === this.end) break;
      const headerEnd = this.find([CR, LF, CR, LF], this.start, Math.min(this.end, this.start + MAX_HEADER_BYTES + 4));
      if (headerEnd < 0) {
        if (this.end - this.start > MAX_HEADER_BYTES) this.skip("a header block longer than 8 KB", this.start + 1);
        break;
      }
      const header = latin1(this.buf.subarray(this.start, headerEnd));
      let length: number | null = null;
      let problem: string | null = null;
      for (const line of header.split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) {
          problem = `a header line without a name: ${JSON.stringify(line.slice(0, 40))}`;
          break;
        }
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === "content-length") {
          if (!/^\d{1,10}$/.test(value)) problem = `Content-Length ${JSON.stringify(value.slice(0, 20))} is not a length`;
          else if (Number(value) > MAX_MESSAGE_BYTES) problem = `Content-Length ${value} is over the limit of ${MAX_MESSAGE_BYTES} bytes`;
          else length = Number(value);
        }
      }
      if (problem === null && length === null) problem = "a header without Content-Length";
      if (problem !== null) {
        // No `Content-Length:` can start inside a header block and end past it (the block ends at CR LF CR LF).
        this.skip(problem, this.start + 1, headerEnd + 4);
        continue;
      }
      this.resyncing = false;
      // `start` stays at the header while the body arrives (a resync may begin inside the header block).
      this.body = { header: this.start, at: headerEnd + 4, length: length!, scanned: headerEnd + 4 };
    }
    this.compact();
  }

  /** Try to complete the current body; false when more bytes are needed. */
  private takeBody(): boolean {
    const b = this.body!;
    const complete = this.end - b.at >= b.length;
    if (complete) {
      const value = this.json(b.at, b.at + b.length);
      if (value !== undefined) {
        this.body = null;
        this.start = b.at + b.length;
        this.sink.message(value);
        return true;
      }
    }
    // A next header right after a whole JSON object means the declared length is too large.
    // (A body may itself contain the words "Content-Length:"; a proper prefix of a JSON object never parses.)
    const to = complete ? Math.min(this.end, b.at + b.length + KEY.length) : this.end;
    const cut = this.cut(Math.max(b.at, b.scanned - KEY.length - 16), to);
    b.scanned = to;
    if (cut === "broken") {
      // A raw header inside the body (raw CR LF cannot occur in a JSON string): this frame is corrupt.
      this.body = null;
      this.skip(`a body of ${b.length} bytes with another header inside it`, b.header + 1);
      return true;
    }
    if (cut) {
      this.body = null;
      this.start = cut.next;
      this.sink.error(`Content-Length ${b.length} is larger than the message (${cut.next - b.at} bytes)`);
      this.sink.message(cut.value);
      return true;
    }
    if (!complete) return false;
    // Resume at the next header after this one's start: it may sit in this header block or in the body.
    this.body = null;
    this.skip(`a body of ${b.length} bytes that is not JSON`, b.header + 1);
    return true;
  }

  /**
   * The first `Content-Length:` in [from, to) that follows a whole JSON
   * object or array begun at the body's start (the length was too large), or
   * "broken" when one is followed by digits and a raw CR LF — a header, which
   * no JSON text can contain — or null.
   */
  private cut(from: number, to: number): { next: number; value: unknown } | "broken" | null {
    const b = this.body!;
    for (let next = this.findKey(from, to); next >= 0; next = this.findKey(next + 1, to)) {
      let last = next - 1;
      while (last > b.at && (this.buf[last] === 32 || this.buf[last] === CR || this.buf[last] === LF || this.buf[last] === 9)) last--;
      if (this.buf[last] === 125 || this.buf[last] === 93) {
        const value = this.json(b.at, next);
        if (isObject(value)) return { next, value };
      }
      if (/^[ \t]*\d{1,10}[ \t]*\r\n/.test(latin1(this.buf.subarray(next + KEY.length, Math.min(this.end, next + KEY.length + 16))))) return "broken";
    }
    return null;
  }

  /**
   * Report a bad frame (once: not again while resynchronising after one) and
   * continue at the next `Content-Length:` at or after `from`; with none
   * yet, wait at the tail (a header may be arriving), but not before `floor`
   * (bytes known to hold no header start).
   */
  private skip(reason: string, from: number, floor = from): void {
    if (!this.resyncing) this.sink.error(reason);
    const next = this.findKey(from, this.end);
    this.resyncing = next < 0;
    if (next >= 0) this.start = next;
    else this.start = Math.min(this.end, Math.max(from, floor, this.end - (KEY.length - 1)));
  }

  private json(from: number, to: number): unknown {
    try {
      const text = this.decoder.decode(this.buf.subarray(from, to));
      if (text.trim() === "") return undefined;
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  private find(needle: readonly number[], from: number, to: number): number {
    for (let i = this.buf.indexOf(needle[0]!, from); i >= 0 && i + needle.length <= to; i = this.buf.indexOf(needle[0]!, i + 1)) {
      let ok = true;
      for (let k = 1; k < needle.length; k++) if (this.buf[i + k] !== needle[k]) ok = false;
      if (ok) return i;
    }
    return -1;
  }

  /** The next `Content-Length:` (any case) in [from, to), or -1. */
  private findKey(from: number, to: number): number {
    for (let i = from; i + KEY.length <= to; i++) {
      const c = this.buf[i]!;
      if (c !== 67 && c !== 99) continue;
      let ok = true;
      for (let k = 1; k < KEY.length; k++) {
        const x = this.buf[i + k]!;
        if ((x >= 65 && x <= 90 ? x + 32 : x) !== KEY.charCodeAt(k)) {
          ok = false;
          break;
        }
      }
      if (ok) return i;
    }
    return -1;
  }
}

function isObject(v: unknown): boolean {
  return typeof v === "object" && v !== null;
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
