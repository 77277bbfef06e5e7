// Bundles charterc with esbuild into dist/ (ESM, code-split so each command
// loads only what it needs). Run by `npm run build`, by `npm test`, and by
// bin/charterc.js on first use when dist/ is missing.
import { build as esbuild } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Entry points: name in dist/ → source. An entry whose source does not exist
 * (yet) is skipped, so each front end can be added independently.
 */
export const ENTRIES = {
  cli: "src/cli/bin.ts",
  index: "src/index.ts",
  prettier: "src/prettier/index.ts",
  lsp: "src/lsp/bin.ts",
  fuzz: "src/fuzz/main.ts",
};

export async function build({ quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const entryPoints = Object.fromEntries(
    Object.entries(ENTRIES)
      .filter(([, v]) => existsSync(path.join(root, v)))
      .map(([k, v]) => [k, path.join(root, v)]),
  );
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints,
    outdir: path.join(root, "dist"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    keepNames: false,
    legalComments: "none",
    chunkNames: "chunks/[name]-[hash]",
    define: { __CHARTERC_VERSION__: JSON.stringify(pkg.version), "process.env.CHARTERC_BUNDLED": '"1"' },
    // CommonJS dependencies bundled into ESM need a `require`.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    external: ["prettier", "prettier/*"],
    logLevel: quiet ? "error" : "warning",
  });
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
