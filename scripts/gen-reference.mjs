// Writes docs/reference.md from the compiler's own tables
// (src/language/reference.ts renders it). `npm run reference`;
// test/reference.test.ts fails when the checked-in file drifts.
// `--check` exits 1 instead of writing when the file is out of date.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "charterc-reference-"));
try {
  const out = path.join(tmp, "reference.mjs");
  await build({ entryPoints: [path.join(root, "src/language/reference.ts")], bundle: true, format: "esm", platform: "node", outfile: out, logLevel: "error" });
  const { renderReference } = await import(pathToFileURL(out).href);
  const file = path.join(root, "docs", "reference.md");
  const text = renderReference();
  if (process.argv.includes("--check")) {
    const old = readFileSync(file, "utf8");
    if (old !== text) {
      console.error("docs/reference.md is out of date: run `npm run reference`");
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.log("wrote docs/reference.md");
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
