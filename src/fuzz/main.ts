// `npm run fuzz -- --seed N --count N [--time-bound MS] [--chunk N] [--fs N] [--only fs]`:
// run the fuzzer (bundled to dist/fuzz.js). Failures are shrunk and saved
// under test/regressions/; exit status 1 when any were found. `--fs N` runs
// N hostile projects of the file-system family after the text families
// (default 2,000); `--only fs` runs that family alone.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, saveRegression } from "./corpus.js";
import { runFuzz } from "./run.js";
import { runFsFuzz } from "./fs-family.js";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) {
    process.stderr.write(`fuzz: ${name} needs a number\n`);
    process.exit(2);
  }
  return v;
}

const root = process.env.CHARTERC_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seed = arg("--seed", Date.now() % 1_000_000);
const count = arg("--count", 1_000_000);
const fsCount = arg("--fs", 2000);
const onlyFs = process.argv.includes("--only") && process.argv[process.argv.indexOf("--only") + 1] === "fs";
if (onlyFs) {
  process.stderr.write(`fuzz: seed ${seed}, ${fsCount} hostile projects (file-system family)\n`);
  process.exit(await fuzzFs());
}
const corpus = loadCorpus(root).map((c) => c.text);
process.stderr.write(`fuzz: seed ${seed}, ${count} inputs, corpus of ${corpus.length} files\n`);
const report = await runFuzz({
  seed,
  count,
  corpus,
  timeBoundMs: arg("--time-bound", 2000),
  chunk: arg("--chunk", 5000),
  onProgress: (done, r) => {
    const rate = done / (r.elapsedMs / 1000);
    process.stderr.write(`fuzz: ${done}/${count} (${rate.toFixed(0)}/s), ${r.failures.length} failures, slowest ${r.slowestMs.toFixed(0)} ms\n`);
  },
});
for (const f of report.failures) {
  const file = saveRegression(root, f);
  process.stderr.write(`fuzz: ${f.kind} (${f.family}): ${f.message.split("\n")[0]}\n  saved ${path.relative(root, file)}\n`);
}
const summary = { seed, count: report.runs, byFamily: report.byFamily, formatterChecked: report.formatted, failures: report.failures.length, slowestMs: Math.round(report.slowestMs), seconds: Math.round(report.elapsedMs / 1000) };
process.stdout.write(`${JSON.stringify(summary)}\n`);
const fsExit = fsCount > 0 ? await fuzzFs() : 0;
process.exitCode = report.failures.length > 0 || fsExit !== 0 ? 1 : 0;

/** The file-system family: hostile projects on disk, every command over them. */
async function fuzzFs(): Promise<number> {
  const r = await runFsFuzz(seed, fsCount, (done) => process.stderr.write(`fuzz fs: ${done}/${fsCount}\n`));
  if (r.failure) {
    process.stderr.write(`fuzz fs: ${r.failure.message.split("\n")[0]}\n  case: ${JSON.stringify(r.failure.input)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ seed, family: "fs", count: r.runs, failures: 0 })}\n`);
  return 0;
}
