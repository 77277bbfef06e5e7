#!/usr/bin/env node
// The `charterc-lsp` command: the charter language server (stdio by default),
// from the bundle in dist/ (see ./launch.js for what happens when it is missing).
"use strict";
const { pathToFileURL } = require("node:url");
const { bundle } = require("./launch.js");

bundle("lsp.js")
  .then((file) => import(pathToFileURL(file).href))
  .then(({ runLanguageServer }) => runLanguageServer());
