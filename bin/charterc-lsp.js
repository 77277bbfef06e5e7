#!/usr/bin/env node
// The `charterc-lsp` command: the charter language server (stdio by default),
// from the bundle in dist/, building it first if this checkout has not been
// built yet.
import { existsSync } from "node:fs";

const lsp = new URL("../dist/lsp.js", import.meta.url);
if (!existsSync(lsp)) {
  const { build } = await import("../scripts/build.mjs");
  await build({ quiet: true });
}
const { runLanguageServer } = await import(lsp.href);
runLanguageServer();
