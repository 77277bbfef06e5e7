// The language server runs in a Web Worker; @codemirror/lsp-client talks to
// it through a Transport of JSON strings, the worker's BrowserMessageReader
// and Writer exchange structured-clone messages.
import type { Transport } from "@codemirror/lsp-client";

export interface WorkerTransport extends Transport {
  readonly worker: Worker;
}

/**
 * Markdown from the server is shown with raw HTML disabled (as the
 * constitution preview is): outside code spans `<` becomes `&lt;`, so the
 * client's Markdown renderer makes text of any tag a charter name carries.
 */
export function withoutRawHtml(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;")))
    .join("");
}

type Json = { [k: string]: unknown };

function markupWithoutHtml(v: unknown): unknown {
  if (v && typeof v === "object" && (v as Json).kind === "markdown" && typeof (v as Json).value === "string") {
    return { ...(v as Json), value: withoutRawHtml((v as Json).value as string) };
  }
  return v;
}

/** Responses whose Markdown the client renders: hover contents and completion documentation. */
function filterResponse(method: string | undefined, msg: Json): Json {
  const result = msg.result as Json | Json[] | null | undefined;
  if (!result) return msg;
  if (method === "textDocument/hover" && !Array.isArray(result)) {
    const c = result.contents;
    return { ...msg, result: { ...result, contents: Array.isArray(c) ? c.map(markupWithoutHtml) : markupWithoutHtml(c) } };
  }
  if (method === "textDocument/completion" || method === "completionItem/resolve") {
    const fix = (item: Json) => ("documentation" in item ? { ...item, documentation: markupWithoutHtml(item.documentation) } : item);
    const items = Array.isArray(result) ? result : (result.items as Json[] | undefined);
    if (method === "completionItem/resolve") return { ...msg, result: fix(result as Json) };
    if (!items) return msg;
    const fixed = items.map(fix);
    return { ...msg, result: Array.isArray(result) ? fixed : { ...result, items: fixed } };
  }
  return msg;
}

export function workerTransport(worker: Worker): WorkerTransport {
  const handlers = new Set<(value: string) => void>();
  /** Request id → method, to know what a response answers. */
  const pending = new Map<number | string, string>();
  worker.addEventListener("message", (e: MessageEvent) => {
    let msg = e.data as Json;
    if (msg && typeof msg === "object" && "id" in msg && !("method" in msg)) {
      const id = msg.id as number | string;
      msg = filterResponse(pending.get(id), msg);
      pending.delete(id);
    }
    const s = JSON.stringify(msg);
    for (const h of handlers) h(s);
  });
  return {
    worker,
    send: (message) => {
      const msg = JSON.parse(message) as Json;
      if (typeof msg.method === "string" && (typeof msg.id === "number" || typeof msg.id === "string")) pending.set(msg.id, msg.method);
      worker.postMessage(msg);
    },
    subscribe: (h) => void handlers.add(h),
    unsubscribe: (h) => void handlers.delete(h),
  };
}

/**
 * Start the worker. Throws when the browser refuses it outright (Chromium
 * refuses workers on pages opened from `file://`); `onFail` hears of a worker
 * that started but could not load or run its script.
 */
export function startWorker(url: string, onFail: (why: string) => void): Worker {
  const worker = new Worker(url, { type: "module", name: "charterc-lsp" });
  worker.addEventListener("error", (e: ErrorEvent) => {
    e.preventDefault();
    onFail(e.message || "the worker script could not be loaded");
  });
  return worker;
}
