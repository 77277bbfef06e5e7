#!/usr/bin/env node
// The `charterc` command: runs the bundled CLI in dist/ (see ./launch.js for
// what happens when dist/ is missing).
import { bundle } from "./launch.js";

await import((await bundle("cli.js")).href);
