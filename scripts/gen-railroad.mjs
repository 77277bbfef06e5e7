#!/usr/bin/env node
// Writes grammar/railroad.html: chevrotain's syntax diagrams of the parser.
// The parser is TypeScript, so it is bundled in memory with esbuild first.
// A test (test/syntax/grammar-sync.test.ts) checks the committed file is up
// to date; refresh it with `node scripts/gen-railroad.mjs` or
// `UPDATE=1 npx vitest run test/syntax/grammar-sync.test.ts`.
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "charter-railroad-"));
try {
  const out = join(dir, "syntax.mjs");
  await build({
    entryPoints: [join(root, "src/syntax/index.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: out,
    logLevel: "warning",
  });
  const { railroadHtml } = await import(pathToFileURL(out).href);
  const target = join(root, "grammar/railroad.html");
  writeFileSync(target, railroadHtml());
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
