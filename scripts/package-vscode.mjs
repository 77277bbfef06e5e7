// Packages the VS Code extension offline: bundles the client
// (vscode-extension/src/extension.ts → dist/extension.js, `vscode` external),
// bundles the language server and the CLI with prettier inlined
// (→ server/lsp.js, server/cli.js + chunks: the .vsix carries no
// node_modules), copies the TextMate grammar, then runs
// `vsce package --no-dependencies` → vscode-extension/charterc-<version>.vsix.
// Only the parts of prettier that charterc uses are inlined (its standalone
// core, the doc builders, and the markdown, babel and estree plugins for the
// generated Markdown and JSON): the full `prettier` entry, which `charterc fmt`
// imports only to read a project's .prettierrc and which would pull in every
// language plugin (flow, typescript, html, postcss, angular …, 4 MB), is
// replaced by a stub that finds no configuration. The extension formats
// through the server, which never reads .prettierrc.
// Run by `npm run package:vscode` (after `npm run build`).
import { build as esbuild } from "esbuild";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** esbuild plugin: the bare `prettier` entry becomes a stub (see above); `prettier/standalone`, `prettier/doc` and `prettier/plugins/*` are bundled as usual. */
export const prettierStandaloneOnly = {
  name: "prettier-standalone-only",
  setup(b) {
    b.onResolve({ filter: /^prettier$/ }, () => ({ path: "prettier", namespace: "charterc-prettier-stub" }));
    b.onLoad({ filter: /.*/, namespace: "charterc-prettier-stub" }, () => ({
      contents: "export async function resolveConfig() { return null; }\nexport default { resolveConfig };\n",
      loader: "js",
    }));
  },
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ext = path.join(root, "vscode-extension");

export async function packageVscode({ quiet = false } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const extPkg = JSON.parse(fs.readFileSync(path.join(ext, "package.json"), "utf8"));
  for (const dir of ["dist", "server", "syntaxes"]) fs.rmSync(path.join(ext, dir), { recursive: true, force: true });

  // The client: CommonJS, as VS Code 1.82 loads extensions.
  await esbuild({
    absWorkingDir: root,
    entryPoints: [path.join(ext, "src", "extension.ts")],
    outfile: path.join(ext, "dist", "extension.js"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node18",
    minify: true,
    external: ["vscode"],
    logLevel: quiet ? "error" : "warning",
  });

  // The server and the CLI (for "Open the Published Constitution"): ESM with prettier bundled in.
  await esbuild({
    absWorkingDir: root,
    entryPoints: { lsp: path.join(root, "src/lsp/bin.ts"), cli: path.join(root, "src/cli/bin.ts") },
    outdir: path.join(ext, "server"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node18",
    minify: true,
    legalComments: "none",
    chunkNames: "chunks/[name]-[hash]",
    define: { __CHARTERC_VERSION__: JSON.stringify(pkg.version), "process.env.CHARTERC_BUNDLED": '"1"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [prettierStandaloneOnly],
    logLevel: quiet ? "error" : "warning",
  });
  // server/*.js are ES modules; the extension's own package.json says nothing about module type.
  fs.writeFileSync(path.join(ext, "server", "package.json"), JSON.stringify({ type: "module" }, null, 2) + "\n");

  fs.mkdirSync(path.join(ext, "syntaxes"), { recursive: true });
  fs.copyFileSync(path.join(root, "grammar", "charter.tmLanguage.json"), path.join(ext, "syntaxes", "charter.tmLanguage.json"));

  const vsix = path.join(ext, `charterc-${extPkg.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const vsce = path.join(root, "node_modules", "@vscode", "vsce", "vsce");
  const r = spawnSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--out", vsix], {
    cwd: ext,
    encoding: "utf8",
    env: { ...process.env, VSCE_TELEMETRY: "off" },
  });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  if (!quiet) process.stdout.write(`${path.relative(root, vsix)}\n`);
  return vsix;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await packageVscode();
}
