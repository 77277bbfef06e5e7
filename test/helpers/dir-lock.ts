// A cross-process lock for test helpers that build or pack once per run:
// vitest runs test files in parallel processes, so the first to create the
// lock folder does the work and the others wait. A lock older than
// `staleMs` was left by a killed run and is taken over.
import fs from "node:fs";

export async function withDirLock<T>(lock: string, f: () => T | Promise<T>, staleMs = 120_000): Promise<T> {
  const deadline = Date.now() + staleMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await f();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
