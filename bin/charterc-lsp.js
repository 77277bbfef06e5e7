#!/usr/bin/env node
// The `charterc-lsp` command: the charter language server (stdio by default;
// `charterc-lsp --help` lists the options), from the bundle in dist/ (see
// ./launch.js for what happens when it is missing). A bad option or a client
// that cannot be reached is one line on stderr and a nonzero exit.
"use strict";
const { pathToFileURL } = require("node:url");
const { bundle } = require("./launch.js");

bundle("lsp.js")
  .then((file) => import(pathToFileURL(file).href))
  .then(({ lspMain }) => lspMain(process.argv.slice(2)))
  .then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`charterc-lsp: internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
      process.exitCode = 2;
    },
  );
