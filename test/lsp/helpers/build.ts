// Build dist/ once per test file (scripts/build.mjs), unless a fresh build
// already exists.
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO } from "./client.js";

export async function ensureBuilt(): Promise<void> {
  if (process.env.CHARTERC_TEST_SKIP_BUILD === "1" && existsSync(path.join(REPO, "dist", "lsp.js"))) return;
  const { build } = (await import(path.join(REPO, "scripts", "build.mjs"))) as { build(o: { quiet: boolean }): Promise<unknown> };
  await build({ quiet: true });
}
