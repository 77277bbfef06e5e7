#!/usr/bin/env node
// The `charterc` command: runs the bundled CLI in dist/ (see ./launch.js for
// what happens when dist/ is missing). CommonJS, like its loader
// dist/cli-loader.cjs, so a check never starts the ES-module loader.
"use strict";
const { built, bundle } = require("./launch.js");

const loader = built("cli-loader.cjs");
if (loader !== null) require(loader);
else bundle("cli-loader.cjs").then((file) => require(file));
