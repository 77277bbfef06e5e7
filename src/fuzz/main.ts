// `npm run fuzz -- --seed N --count N [--time-bound MS] [--chunk N]`:
// run the fuzzer (bundled to dist/fuzz.js). Failures are shrunk and saved
// under test/regressions/; exit status 1 when any were found.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, saveRegression } from "./corpus.js";
import { runFuzz } from "./run.js";

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
process.exitCode = report.failures.length > 0 ? 1 : 0;
