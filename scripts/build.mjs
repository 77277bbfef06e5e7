// Bundles charterc with esbuild into dist/ (ESM, code-split so each command
// loads only what it needs). Run by `npm run build`, by `npm test`, and by
// bin/charterc.js on first use when dist/ is missing.
import { build as esbuild } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
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
};

/**
 * Developer tools, bundled on their own (no chunks shared with the package)
 * into dist-dev/, which is not in package.json's `files`: the fuzzer reads
 * test/ files and needs fast-check, so it must not ship (`npm run fuzz`).
 */
export const DEV_ENTRIES = {
  fuzz: "src/fuzz/main.ts",
};

/**
 * The web addresses SARIF output names (src/cli/format-sarif.ts,
 * `SourceLinks`), from package.json: `docsBase` only for a GitHub
 * `repository` (`github:o/r`, `o/r`, or a github.com URL, with its
 * `directory`), as `https://github.com/o/r/blob/HEAD/[directory/]`;
 * `informationUri` from an https `homepage`, else that repository. Nothing
 * declared, nothing derived: no address is made up.
 */
export function sourceLinks(pkg) {
  const repo = typeof pkg.repository === "string" ? { url: pkg.repository } : pkg.repository && typeof pkg.repository.url === "string" ? pkg.repository : undefined;
  let web;
  if (repo) {
    const m =
      /^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repo.url) ??
      /^(?:git\+)?(?:https?|git|ssh):\/\/(?:git@)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repo.url) ??
      /^git@github\.com:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repo.url);
    if (m) web = `https://github.com/${m[1]}/${m[2]}`;
  }
  const dir = repo && typeof repo.directory === "string" ? repo.directory.replace(/^\/+|\/+$/g, "") : "";
  const links = {};
  const home = typeof pkg.homepage === "string" && /^https:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
  if (home ?? web) links.informationUri = home ?? web;
  if (web) links.docsBase = `${web}/blob/HEAD/${dir ? `${dir}/` : ""}`;
  return links;
}

/**
 * Node built-ins the CLI rarely needs but whose loading is a noticeable part
 * of a cold start (child_process pulls in net, dgram and more; crypto a dozen
 * internal modules): commander requires child_process at its top for
 * executable subcommands charterc never has, and the project layer requires
 * crypto for temporary file names only when it writes. In dist/cli.cjs each
 * is a stand-in object with a getter per export that loads the real module
 * on first use, so a `check` never loads them.
 */
const LAZY_BUILTINS = ["child_process", "crypto"];

const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join("|")})$`);
    b.onResolve({ filter }, (args) => (args.namespace === "lazy-builtin" ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const keys = Object.keys(await import(`node:${args.path}`)).filter((k) => k !== "default");
      return {
        loader: "js",
        contents: `let real;
const load = () => (real ??= require("node:${args.path}"));
for (const k of ${JSON.stringify(keys)}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });`,
      };
    });
  },
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
    define: { __CHARTERC_VERSION__: JSON.stringify(pkg.version), __CHARTERC_LINKS__: JSON.stringify(JSON.stringify(sourceLinks(pkg))), "process.env.CHARTERC_BUNDLED": '"1"' },
    // CommonJS dependencies bundled into ESM need a `require`.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    external: ["prettier", "prettier/*"],
    logLevel: quiet ? "error" : "warning",
    metafile: true,
  };
  // The CLI is one CommonJS script, dist/cli.cjs, run by a small CommonJS
  // loader, dist/cli-loader.cjs, through `vm.Script` with V8's code cache
  // (dist/cli.cjs.cache, made here by running a check once). Node 20 has no
  // compile cache for ES modules (`module.enableCompileCache` is Node 22),
  // and compiling the CLI — and, during the first check, every function it
  // calls — was most of a cold start: with the cache a check starts with
  // its functions already compiled (docs/performance.md, "Cold start").
  // The lazy commands stay lazy (esbuild runs a module reached by `import()`
  // only when it is imported), and `import()` becomes `require()` (no
  // dynamic import inside a vm.Script without an experimental flag).
  const { cli, ...rest } = entryPoints;
  const results = await Promise.all([
    cli
      ? esbuild({
          ...common,
          splitting: false,
          format: "cjs",
          outdir: undefined,
          outfile: path.join(root, "dist", "cli.cjs"),
          entryPoints: [cli],
          supported: { "dynamic-import": false },
          define: { ...common.define, "import.meta.url": "__charterc_cli_url" },
          banner: { js: "" },
          // ASCII only (non-ASCII escaped), so the loader reads it as latin1:
          // a copy, where decoding 1 MB of UTF-8 took about 2.5 ms of each start.
          charset: "ascii",
          plugins: [lazyBuiltins],
        })
      : null,
    esbuild({ ...common, entryPoints: rest }),
    ...Object.entries(DEV_ENTRIES)
      .filter(([, v]) => existsSync(path.join(root, v)))
      .map(([k, v]) => esbuild({ ...common, splitting: false, outdir: undefined, outfile: path.join(root, "dist-dev", `${k}.js`), entryPoints: [path.join(root, v)] })),
  ]);
  // Builds before dist-dev/ put the fuzzer in dist/, which is packed.
  for (const k of Object.keys(DEV_ENTRIES)) rmSync(path.join(root, "dist", `${k}.js`), { force: true });
  if (cli) {
    if (/[^\x00-\x7f]/.test(readFileSync(path.join(root, "dist", "cli.cjs"), "latin1"))) throw new Error("build: dist/cli.cjs is not ASCII, but its loader reads it as latin1");
    writeFileSync(path.join(root, "dist", "cli-loader.cjs"), CLI_LOADER);
    writeFileSync(path.join(root, "dist", "cli.js"), CLI_ESM);
    rmSync(path.join(root, "dist", "cli.cjs.cache"), { force: true });
    writeCodeCache();
  }
  // Chunks of earlier builds are never loaded again: remove them.
  const fresh = new Set(results.flatMap((r) => (r ? Object.keys(r.metafile.outputs) : [])).map((f) => path.resolve(root, f)));
  const chunks = path.join(root, "dist", "chunks");
  for (const f of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!fresh.has(path.join(chunks, f))) rmSync(path.join(chunks, f), { force: true });
  }
  return results.filter((r) => r !== null);
}

/**
 * dist/cli-loader.cjs: runs dist/cli.cjs from V8's code cache when it has
 * one that fits this Node (else compiles it, and writes the cache when it
 * can: a different Node version rejects the build's). Never fails because of
 * the cache: a missing, unreadable, rejected or unwritable one only costs
 * time. It is CommonJS, and so is bin/charterc.js (bin/package.json), so the
 * `charterc` command never starts Node's ES-module loader (about 6 ms of a
 * cold start); dist/cli.js, for `node dist/cli.js`, is an ES module that
 * requires it.
 */
const CLI_LOADER = `// Generated by scripts/build.mjs: loads cli.cjs with V8's code cache.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");
const file = path.join(__dirname, "cli.cjs");
const cacheFile = file + ".cache";
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
globalThis.__charterc_cli_url = pathToFileURL(file).href;
// ASCII (the build checks), so latin1 reads it exactly, without decoding UTF-8.
const script = new vm.Script(Module.wrap(fs.readFileSync(file, "latin1")), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected || process.env.CHARTERC_WRITE_CODE_CACHE === "1") {
  process.once("exit", () => {
    try {
      const tmp = cacheFile + "." + process.pid + ".tmp";
      fs.writeFileSync(tmp, script.createCachedData(), { flag: "wx" });
      fs.renameSync(tmp, cacheFile);
    } catch {}
  });
}
const cli = { exports: {} };
script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, __dirname);
`;

const CLI_ESM = `// Generated by scripts/build.mjs: \`node dist/cli.js\` runs the CLI (see cli-loader.cjs).
import { createRequire } from "node:module";
createRequire(import.meta.url)("./cli-loader.cjs");
`;

/** Run one check of a bundled example so the code cache holds what a check compiles. */
function writeCodeCache() {
  const example = path.join(root, "charters", "riverside-bakers-coop.charter"); // imports nothing
  const cwd = mkdtempSync(path.join(os.tmpdir(), "charterc-cache-"));
  try {
    const text = existsSync(example) ? readFileSync(example, "utf8") : 'charter "x" { }\n';
    writeFileSync(path.join(cwd, "one.charter"), text);
    spawnSync(process.execPath, [path.join(root, "dist", "cli-loader.cjs"), "check", "one.charter"], {
      cwd,
      env: { ...process.env, CHARTERC_WRITE_CODE_CACHE: "1", NO_COLOR: "1" },
      stdio: "ignore",
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
