// Bundles charterc with esbuild into dist/ (ESM, code-split so each command
// loads only what it needs). Run by `npm run build`, by `npm test`, and by
// bin/charterc.js on first use when dist/ is missing.
import { build as esbuild } from "esbuild";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
  const common = {
    absWorkingDir: root,
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
    metafile: true,
  };
  // The CLI is built on its own: split only along its own lazy commands, a
  // cold `charterc check` loads a few chunks instead of the many small ones
  // that sharing modules with four other entry points creates (each ESM
  // module costs a resolve, a read and a link).
  const { cli, ...rest } = entryPoints;
  const results = await Promise.all([
    cli ? esbuild({ ...common, entryPoints: { cli } }) : null,
    esbuild({ ...common, entryPoints: rest }),
  ]);
  // Chunks of earlier builds are never loaded again: remove them.
  const fresh = new Set(results.flatMap((r) => (r ? Object.keys(r.metafile.outputs) : [])).map((f) => path.resolve(root, f)));
  const chunks = path.join(root, "dist", "chunks");
  for (const f of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!fresh.has(path.join(chunks, f))) rmSync(path.join(chunks, f), { force: true });
  }
  return results.filter((r) => r !== null);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
