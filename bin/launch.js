// Shared by bin/charterc.js and bin/charterc-lsp.js: find the bundle in
// dist/. A git checkout that has not been built yet builds it on first use
// (npm ci runs no build step); an installed package never builds — when its
// dist/ is missing it says so in one line and exits 2, without a stack trace.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);

/** The URL of dist/<name>, building it first in an unbuilt checkout; exits 2 when it cannot be had. */
export async function bundle(name) {
  const file = new URL(`dist/${name}`, root);
  if (existsSync(file)) return file;
  const checkout = existsSync(new URL(".git", root)) && existsSync(new URL("scripts/build.mjs", root));
  if (!checkout) {
    process.stderr.write(`charterc: this installation is incomplete: ${fileURLToPath(file)} is missing (the package was packed without its build; pack it again with \`npm pack\`, which builds dist/, and reinstall)\n`);
    process.exit(2);
  }
  try {
    const { build } = await import(new URL("scripts/build.mjs", root).href);
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
