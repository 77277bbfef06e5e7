// The language server runs in a Web Worker; @codemirror/lsp-client talks to
// it through a Transport of JSON strings, the worker's BrowserMessageReader
// and Writer exchange structured-clone messages.
import type { Transport } from "@codemirror/lsp-client";

export interface WorkerTransport extends Transport {
  readonly worker: Worker;
}

export function workerTransport(worker: Worker): WorkerTransport {
  const handlers = new Set<(value: string) => void>();
  worker.addEventListener("message", (e: MessageEvent) => {
    const s = JSON.stringify(e.data);
    for (const h of handlers) h(s);
  });
  return {
    worker,
    send: (message) => worker.postMessage(JSON.parse(message)),
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
