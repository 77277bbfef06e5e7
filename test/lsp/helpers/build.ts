// Build dist/ with scripts/build.mjs before the LSP tests — once: test files
// run in parallel processes, so a lock folder serialises the builds and a
// bundle newer than every source file is reused.
import fs from "node:fs";
import path from "node:path";
import { withDirLock } from "../../helpers/dir-lock.js";
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
  await withDirLock(lock, async () => {
    if (fresh()) return;
    const { build } = (await import(path.join(REPO, "scripts", "build.mjs"))) as { build(o: { quiet: boolean }): Promise<unknown> };
    await build({ quiet: true });
  });
}
