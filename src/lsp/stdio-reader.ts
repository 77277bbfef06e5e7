// The message reader of `charterc lsp --stdio`: stdin through FrameParser
// (src/lsp/framing.ts), so a bad header or body is skipped and the server
// keeps answering (vscode-jsonrpc's own reader stops reading for good after
// one bad header). When a body stays incomplete for IDLE_MS, the parser is
// asked whether the declared length was too large.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from "vscode-languageserver/node";
import { FrameParser } from "./framing.js";

const IDLE_MS = 200;

export class ResyncingReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly parser: FrameParser;
  /** Where skipped frames are reported (the client's log once the connection exists). */
  log: (message: string) => void = (m) => process.stderr.write(`${m}\n`);

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
    this.parser = new FrameParser({
      message: (value) => this.callback?.(value as Message),
      error: (reason) => this.log(`charterc-lsp: skipped a bad frame: ${reason}`),
    });
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      try {
        this.parser.feed(chunk);
      } catch (e) {
        this.fireError(e);
      }
      if (this.parser.buffered > 0) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.parser.idle();
        }, IDLE_MS);
      }
    };
    let closed = false;
    const onEnd = () => {
      if (closed) return;
      closed = true;
      // The stream ended with a body incomplete: a last message with a too-large length is still taken.
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.parser.idle();
      this.fireClose();
    };
    const onError = (e: unknown) => this.fireError(e);
    this.input.on("data", onData);
    this.input.on("end", onEnd);
    this.input.on("close", onEnd);
    this.input.on("error", onError);
    return {
      dispose: () => {
        this.input.off("data", onData);
        this.input.off("end", onEnd);
        this.input.off("close", onEnd);
        this.input.off("error", onError);
        if (this.timer) clearTimeout(this.timer);
      },
    };
  }
}
