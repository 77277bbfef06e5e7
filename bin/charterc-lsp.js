#!/usr/bin/env node
// The `charterc-lsp` command: the charter language server (stdio by default),
// from the bundle in dist/ (see ./launch.js for what happens when it is missing).
import { bundle } from "./launch.js";

const { runLanguageServer } = await import((await bundle("lsp.js")).href);
runLanguageServer();
