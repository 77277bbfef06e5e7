// Shared by bin/charterc.js and bin/charterc-lsp.js: find the bundle in
// dist/. A git checkout that has not been built yet builds it on first use
// (npm ci runs no build step); an installed package never builds — when its
// dist/ is missing it says so in one line and exits 2, without a stack trace.
// CommonJS (bin/package.json): `charterc` starts without Node's ES-module
// loader (docs/performance.md, "Cold start").
"use strict";
const { existsSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const root = path.join(__dirname, "..");

/** The path of dist/<name> when it is there, else null. */
function built(name) {
  const file = path.join(root, "dist", name);
  return existsSync(file) ? file : null;
}

/** The path of dist/<name>, building it first in an unbuilt checkout; exits 2 when it cannot be had. */
async function bundle(name) {
  const file = path.join(root, "dist", name);
  if (existsSync(file)) return file;
  const checkout = existsSync(path.join(root, ".git")) && existsSync(path.join(root, "scripts", "build.mjs"));
  if (!checkout) {
    process.stderr.write(`charterc: this installation is incomplete: ${file} is missing (the package was packed without its build; pack it again with \`npm pack\`, which builds dist/, and reinstall)\n`);
    process.exit(2);
  }
  try {
    const { build } = await import(pathToFileURL(path.join(root, "scripts", "build.mjs")).href);
    await build({ quiet: true });
  } catch (e) {
    process.stderr.write(`charterc: cannot build dist/ in this checkout (run \`npm install\`, then \`npm run build\`): ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    process.exit(2);
  }
  if (!existsSync(file)) {
    process.stderr.write(`charterc: the build did not produce dist/${name}; run \`npm run build\`\n`);
    process.exit(2);
  }
  return file;
}

module.exports = { built, bundle };
