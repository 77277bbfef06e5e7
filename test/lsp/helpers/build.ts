// Build dist/ with scripts/build.mjs before the LSP tests — once: test files
// run in parallel processes, so a lock folder serialises the builds and a
// bundle newer than every source file is reused.
import fs from "node:fs";
import path from "node:path";
import { REPO } from "./client.js";

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  const out = path.join(REPO, "dist", "lsp.js");
  if (!fs.existsSync(out) || !fs.existsSync(path.join(REPO, "dist", "cli.js"))) return false;
  return fs.statSync(out).mtimeMs > newestSource(path.join(REPO, "src"));
}

export async function ensureBuilt(): Promise<void> {
  if (process.env.CHARTERC_TEST_SKIP_BUILD === "1" && fs.existsSync(path.join(REPO, "dist", "lsp.js"))) return;
  const lock = path.join(REPO, "node_modules", ".charterc-lsp-build.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is stale.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error("timed out waiting for another build of dist/");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (fresh()) return;
    const { build } = (await import(path.join(REPO, "scripts", "build.mjs"))) as { build(o: { quiet: boolean }): Promise<unknown> };
    await build({ quiet: true });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
