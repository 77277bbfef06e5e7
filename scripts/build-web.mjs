// Builds the playground into dist/web/: playground.html, assets/playground.js
// (the page: CodeMirror and @codemirror/lsp-client), assets/worker.js (the
// language server, src/lsp/browser.ts, with the example charters bundled in),
// their chunks and the stylesheet. The folder is self-contained: copy it to
// any static host. Run by `npm run build:web`, by `npm test` and `prepack`.
//
//   node scripts/build-web.mjs [--out DIR] [--quiet]
import { build as esbuild } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Every `.charter` under charters/ (federations included, so imports resolve), sorted, as project-relative paths. */
export function bundledExamples() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith(".charter")) out.push({ path: rel, text: readFileSync(path.join(root, rel), "utf8") });
    }
  };
  walk("charters");
  return out;
}

/** Size of every file under `dir`, raw and gzipped (level 9, as a static host's compression would be at best). */
export function measure(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const buf = readFileSync(p);
        files.push({ file: path.relative(dir, p).split(path.sep).join("/"), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * What the first load of playground.html fetches: the page, its stylesheet,
 * its script and the static imports they pull, the worker and its static
 * imports. Chunks loaded later (prettier, when formatting) are not counted.
 */
export function firstLoad(metafile, outdir) {
  const outputs = metafile.outputs;
  const seen = new Set();
  const visit = (out) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imp of outputs[out]?.imports ?? []) if (imp.kind === "import-statement" && outputs[imp.path]) visit(imp.path);
  };
  // Dynamically imported modules are entry points in the metafile too: start from the two named ones only.
  for (const out of Object.keys(outputs)) if (/(^|\/)assets\/(playground|worker)\.js$/.test(out)) visit(out);
  return [...seen].map((o) => path.relative(outdir, path.resolve(root, o)).split(path.sep).join("/"));
}

export async function buildWeb({ out = path.join(root, "dist", "web"), quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, "assets"), { recursive: true });
  const common = {
    absWorkingDir: root,
    outdir: path.join(out, "assets"),
    bundle: true,
    platform: "browser",
    target: ["chrome110", "firefox115", "safari16"],
    minify: true,
    legalComments: "none",
    // The compiler core's paths are POSIX in the playground's in-memory workspace.
    alias: { "node:path": path.join(root, "src/web/shims/path.ts") },
    // `process.env` for the code that asks whether it runs bundled.
    inject: [path.join(root, "src/web/shims/process.ts")],
    define: {
      __CHARTERC_VERSION__: JSON.stringify(pkg.version),
      "process.env.CHARTERC_BUNDLED": '"1"',
      "process.env.NODE_ENV": '"production"',
    },
    logLevel: quiet ? "error" : "warning",
    metafile: true,
  };
  const [page, worker] = await Promise.all([
    // The page is a classic script, so that it runs (and explains) even where module scripts may not, as from file://.
    esbuild({ ...common, entryPoints: { playground: path.join(root, "src/web/playground.ts") }, format: "iife" }),
    // The worker is a module, split so that prettier loads only when one formats.
    esbuild({
      ...common,
      entryPoints: { worker: path.join(root, "src/lsp/browser.ts") },
      format: "esm",
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      define: { ...common.define, __CHARTERC_EXAMPLES__: JSON.stringify(bundledExamples()) },
    }),
  ]);
  const result = { metafile: { outputs: { ...page.metafile.outputs, ...worker.metafile.outputs } } };
  copyFileSync(path.join(root, "src/web/playground.html"), path.join(out, "playground.html"));
  copyFileSync(path.join(root, "src/web/playground.css"), path.join(out, "assets", "playground.css"));
  const sizes = measure(out);
  const first = new Set(["playground.html", "assets/playground.css", ...firstLoad(result.metafile, out)]);
  const firstLoadGzip = sizes.filter((f) => first.has(f.file)).reduce((a, f) => a + f.gzip, 0);
  const totalGzip = sizes.reduce((a, f) => a + f.gzip, 0);
  if (!quiet) {
    console.log(`dist/web: ${sizes.length} files; first load ${(firstLoadGzip / 1024).toFixed(0)} KiB gzip (${first.size} files), everything ${(totalGzip / 1024).toFixed(0)} KiB gzip`);
  }
  return { out, sizes, firstLoad: [...first], firstLoadGzip, totalGzip };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  const out = i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : undefined;
  if (out && existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, "playground.html"))) {
    console.error(`build-web: ${out} exists and is not a playground build; refusing to replace it`);
    process.exit(2);
  }
  await buildWeb({ out, quiet: args.includes("--quiet") });
}
