#!/usr/bin/env node
// The `charterc` command: runs the bundled CLI in dist/, building it first
// if this checkout has not been built yet (npm ci does not run build steps).
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  const { build } = await import("../scripts/build.mjs");
  await build({ quiet: true });
}
await import(cli.href);
