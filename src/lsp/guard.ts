// Every handler and every timer goes through `guard`: an exception is logged
// to the client's console and the server lives on. (An exception thrown from
// our own timer would otherwise kill the process.)
import { ResponseError } from "vscode-languageserver";

export type Logger = (message: string) => void;

// Until the server sets the connection's console: the platform's console (Node and Web Workers alike).
let log: Logger = (m) => console.error(m);

/** A timer handle on any platform (Node's Timeout, a browser's number). */
export type Timer = ReturnType<typeof setTimeout>;

export function setLogger(l: Logger): void {
  log = l;
}

export function logError(where: string, e: unknown): void {
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    log(`charterc-lsp: ${where} failed: ${msg}`);
  } catch {
    // The connection is gone; nothing left to tell.
  }
}

/** Wrap a handler: exceptions are logged and `fallback` is returned. */
export function guard<A extends unknown[], R>(where: string, fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) {
        return r.catch((e: unknown) => {
          // A deliberate protocol error (a cancelled request) goes to the client as it is.
          if (e instanceof ResponseError) throw e;
          logError(where, e);
          return fallback;
        }) as R;
      }
      return r;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logError(where, e);
      return fallback;
    }
  };
}

/** setTimeout whose callback can never throw out of the timer. */
export function safeTimeout(where: string, fn: () => void, ms: number): Timer {
  return setTimeout(guard(where, fn, undefined), ms);
}
