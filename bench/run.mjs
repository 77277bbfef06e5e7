// `npm run bench`: charterc against the alternative a community would
// otherwise use — its charter as YAML, validated by a JSON Schema — on the
// same content, in the same process; the shape zoo (bench/zoo.mjs: every
// shape of bench/shapes.mjs at n, 2n, 4n through the real CLI, each run in a
// child process of its own); cold start; the language server.
//
//   node --expose-gc bench/run.mjs [--quick] [--record] [--only NAME]
//
// Progress goes to stderr, a line per measurement. Results go to bench/out/
// (untracked) unless `--record` is given: then bench/results.md and
// bench/results.json, the committed record. `--quick` takes one sample per
// size and builds/diffs two shapes of the zoo (a few minutes); the full run
// takes longer (see docs/performance.md). `--only NAME` runs the workloads
// whose name contains NAME and prints the Markdown.
//
// Other benches plug in: every bench/lsp-*.mjs (except lsp-client.mjs),
// bench/limits.mjs and bench/web-playground.mjs, if present, is imported and
// its exported `run({ quick, dist, root, log })` awaited (or, for the ones
// written before that convention, their own exports through ADAPTERS); the
// object it returns is stored under its file name in results.json, and its
// `markdown` string, if any, is added to results.md. The playground bench
// (headless chromium) runs only in the full bench.
//
// The library is imported from the built bundle (dist/index.js, or the folder
// in CHARTERC_DIST) so the bench measures production code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import YAML from "yaml";
import jsyaml from "js-yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import { charterJson, charterModel, charterText, corrupt, federation, workspace } from "./generate.mjs";
import { DOUBLING_SHAPES } from "./doubling-shapes.mjs";
import { lspLatency } from "./lsp-client.mjs";
import { electionChainModel } from "./shapes.mjs";
import { runZoo } from "./zoo.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const dist = path.resolve(process.env.CHARTERC_DIST ?? path.join(root, "dist"));
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const record = argv.includes("--record");
const started = performance.now();
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : null;
const lib = await import(pathToFileURL(path.join(dist, "index.js")).href);
const SEED = 20260601;

if (typeof globalThis.gc !== "function") {
  console.error("bench: run with `node --expose-gc bench/run.mjs` (heap figures need it)");
  process.exit(2);
}

// ── the baseline: YAML + JSON Schema ──────────────────────────────────────

const published = path.join(root, "schemas", "charter.schema.json");
const benchSchema = path.join(here, "charter.schema.json");
const ajv = new Ajv2020({ strict: true, allErrors: false, discriminator: true });
let schemaInfo = { file: path.relative(root, benchSchema), form: "bench/generate.mjs charterJson (structurally equivalent JSON form)" };
let validate = ajv.compile(JSON.parse(fs.readFileSync(benchSchema, "utf8")));
let toJson = (model) => charterJson(model);

// Switch to the published schema and canonical JSON as soon as both exist
// and agree on a generated charter.
if (fs.existsSync(published) && typeof lib.toCanonicalJson === "function") {
  try {
    const pubAjv = new Ajv2020({ strict: true, allErrors: false, discriminator: true });
    const { default: addFormats } = await import("ajv-formats").catch(() => ({ default: null }));
    if (addFormats) addFormats(pubAjv);
    const pubValidate = pubAjv.compile(JSON.parse(fs.readFileSync(published, "utf8")));
    const canonical = (model) => {
      const text = charterText(model);
      const r = checkFiles([{ file: "c.charter", text }]);
      const f = r.files.find((x) => x.file === "c.charter");
      return lib.toCanonicalJson(f.charter, f.properties);
    };
    const sample = canonical(charterModel(SEED, 100));
    if (pubValidate(sample)) {
      validate = pubValidate;
      toJson = canonical;
      schemaInfo = { file: "schemas/charter.schema.json", form: "toCanonicalJson (dist/index.js)" };
    } else {
      schemaInfo.note = `published schema rejected toCanonicalJson output: ${pubAjv.errorsText(pubValidate.errors)}`;
    }
  } catch (e) {
    schemaInfo.note = `published schema not usable yet: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const yamlOf = (json) => YAML.stringify(json, { aliasDuplicateObjects: false, lineWidth: 0 });
function yamlAjv(texts) {
  let ok = 0;
  for (const t of texts) {
    try {
      if (validate(YAML.parse(t, { maxAliasCount: 100 }))) ok++;
    } catch {
      /* a syntax error is a result too */
    }
  }
  return ok;
}
function jsyamlAjv(texts) {
  let ok = 0;
  for (const t of texts) {
    try {
      if (validate(jsyaml.load(t))) ok++;
    } catch {
      /* a syntax error is a result too */
    }
  }
  return ok;
}

// ── charterc ───────────────────────────────────────────────────────────────

function memoryHost(files) {
  const base = path.resolve("/bench-project");
  const byAbs = new Map(files.map((f) => [path.join(base, ...f.file.split("/")), f.text]));
  const dirs = new Set([base]);
  return { root: base, readFile: (abs) => byAbs.get(abs), realpath: (abs) => (byAbs.has(abs) || dirs.has(abs) ? abs : undefined) };
}
function checkFiles(files) {
  return lib.check({ entries: files.map((f) => f.file), host: memoryHost(files) });
}

// ── measurement ────────────────────────────────────────────────────────────

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs.length });

/**
 * Time several functions on the same content, interleaved round by round so
 * drift hits all alike. Small workloads repeat inside a sample until it lasts
 * ≥ 25 ms; figures are per run, in ms.
 */
function race(fns, { samples, warmup = 2 }) {
  const reps = {};
  for (const [name, fn] of Object.entries(fns)) {
    for (let i = 0; i < warmup; i++) fn();
    const t0 = performance.now();
    fn();
    const once = performance.now() - t0;
    reps[name] = Math.max(1, Math.min(200, Math.ceil(25 / Math.max(once, 0.01))));
  }
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let s = 0; s < samples; s++) {
    for (const [name, fn] of Object.entries(fns)) {
      globalThis.gc();
      const t0 = performance.now();
      for (let i = 0; i < reps[name]; i++) fn();
      times[name].push((performance.now() - t0) / reps[name]);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
}

const results = { machine: machine(), schema: schemaInfo, seed: SEED, workloads: [], linearity: null, doubling: null, heap: null, cold: null, lsp: null, targets: [] };
const want = (name) => only === null || name.includes(only);
const log = (s) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

function compare(name, files, samples, extra = {}) {
  if (!want(name)) return null;
  const texts = files.map((f) => ({ file: f.file, text: f.text }));
  const yamls = files.map((f) => f.yaml);
  const lines = texts.reduce((n, f) => n + f.text.split("\n").length, 0);
  const sanity = checkFiles(texts);
  const r = race(
    { charterc: () => checkFiles(texts), "yaml+ajv": () => yamlAjv(yamls), "js-yaml+ajv": () => jsyamlAjv(yamls) },
    { samples: quick ? Math.min(samples, 3) : samples, warmup: quick ? 1 : 2 },
  );
  const w = {
    name,
    files: files.length,
    lines,
    yamlLines: yamls.reduce((n, y) => n + y.split("\n").length, 0),
    errors: sanity.errors,
    warnings: sanity.warnings,
    valid: yamlAjv(yamls),
    ...extra,
    ms: r,
    ratio: { "yaml+ajv": r.charterc.median / r["yaml+ajv"].median, "js-yaml+ajv": r.charterc.median / r["js-yaml+ajv"].median },
  };
  results.workloads.push(w);
  log(`${name.padEnd(28)} charterc ${fmt(r.charterc.median)} ms  yaml+ajv ${fmt(r["yaml+ajv"].median)} ms (×${w.ratio["yaml+ajv"].toFixed(2)})  js-yaml+ajv ${fmt(r["js-yaml+ajv"].median)} ms (×${w.ratio["js-yaml+ajv"].toFixed(2)})`);
  return w;
}
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function single(clauses, seed = SEED) {
  const model = charterModel(seed, clauses);
  return { file: "charters/bench.charter", text: charterText(model), yaml: yamlOf(toJson(model)), model };
}

// Cold start: whole processes, as a shell or CI job starts them. Measured
// first, on a quiet machine: after the workloads below have churned through
// gigabytes of heap, even `node -e 0` started 10–20 ms slower in one run.
if (want("cold")) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-bench-"));
  const one = single(100);
  fs.writeFileSync(path.join(tmp, "one.charter"), one.text);
  const cli = path.join(root, "bin", "charterc.js");
  const run = (args) => {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, args, { cwd: tmp, encoding: "utf8" });
    const ms = performance.now() - t0;
    if (p.status !== 0 && p.status !== 1) throw new Error(`bench: \`node ${args.join(" ")}\` exited ${p.status}: ${p.stderr}`);
    return ms;
  };
  const n = quick ? 5 : 21;
  const t = { "node -e 0": [], "charterc --version": [], "charterc check one.charter": [] };
  for (let i = 0; i < 2; i++) run([cli, "--version"]);
  for (let i = 0; i < n; i++) {
    t["node -e 0"].push(run(["-e", "0"]));
    t["charterc --version"].push(run([cli, "--version"]));
    t["charterc check one.charter"].push(run([cli, "check", "one.charter"]));
  }
  const s = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v)]));
  results.cold = {
    ms: s,
    overNode: { version: s["charterc --version"].median - s["node -e 0"].median, check: s["charterc check one.charter"].median - s["node -e 0"].median },
    lines: one.text.split("\n").length,
  };
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`cold: node -e 0 ${fmt(s["node -e 0"].median)} ms; --version +${fmt(results.cold.overNode.version)} ms; check +${fmt(results.cold.overNode.check)} ms`);
}

// ── workloads ──────────────────────────────────────────────────────────────

// --quick keeps the small sizes (the large ones take minutes of YAML parsing on a loaded machine).
const sizes = quick ? [100, 1000] : [100, 1000, 5000, 10000];
const perClause = {};
for (const n of sizes) {
  const f = single(n);
  const w = compare(`charter ${n} clauses`, [f], n >= 5000 ? 5 : 9, { clauses: n });
  if (w) perClause[n] = w.ms.charterc.median / n;
}
for (const n of quick ? [1000] : [1000, 10000]) {
  const f = single(n);
  const bad = { ...f, text: corrupt(f.text, SEED + n), yaml: corrupt(f.yaml, SEED + n) };
  compare(`charter ${n}, 1% corrupted`, [bad], n >= 5000 ? 5 : 9, { clauses: n, corrupted: 0.01 });
}
for (const n of quick ? [10, 100] : [10, 100, 1000]) {
  const files = workspace(SEED, n).map((x) => ({ file: x.file, text: charterText(x.model), yaml: yamlOf(toJson(x.model)) }));
  compare(`workspace ${n} charters`, files, n >= 1000 ? 5 : 9, { charters: n });
}
for (const n of quick ? [10, 100] : [10, 100, 1000]) {
  const files = federation(SEED, n).map((x) => ({ file: x.file, text: charterText(x.model), yaml: yamlOf(toJson(x.model)) }));
  compare(`federation ${n} members`, files, n >= 1000 ? 5 : 9, { members: n });
}

// The 21,000-line election chain (issue 13: once 60× yaml+ajv) against the same content as YAML.
{
  const model = electionChainModel(1612); // 21,000 lines
  const f = { file: "charters/election-chain.charter", text: charterText(model), yaml: yamlOf(toJson(model)) };
  compare("election chain 21,000 lines", [f], quick ? 3 : 5, { councils: 1612 });
}

if (perClause[100] && perClause[10000]) {
  results.linearity = { perClause100: perClause[100], perClause10000: perClause[10000], ratio: perClause[10000] / perClause[100] };
  log(`linearity: ${(perClause[10000] * 1000).toFixed(1)} µs/clause at 10,000 vs ${(perClause[100] * 1000).toFixed(1)} at 100 (×${results.linearity.ratio.toFixed(2)})`);
}

// Doubling: the front end (lex, parse, lower) on the hostile shapes, timed
// at n and 2n tokens, alternating; ratio = median(2n) ÷ median(n). Wall
// time, garbage collector and regex engine included; before each run the
// heap is collected and left to settle (two event-loop turns), so one run's
// concurrent sweeping is not billed to the next. The tests hold the same
// shapes to ≤ 2.3× in counted work (test/hostile/linear.test.ts).
if (want("doubling")) {
  const n = 100_000;
  const settle = async () => {
    globalThis.gc();
    for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
  };
  results.doubling = { n, shapes: {} };
  for (const [name, make] of Object.entries(DOUBLING_SHAPES)) {
    const inputs = { n: make(n), "2n": make(2 * n) };
    const times = { n: [], "2n": [] };
    for (let i = 0; i < 3; i++) for (const t of Object.values(inputs)) lib.parse(t, "a.charter");
    for (let s = 0; s < (quick ? 5 : 21); s++) {
      for (const [k, t] of Object.entries(inputs)) {
        await settle();
        const t0 = performance.now();
        lib.parse(t, "a.charter");
        times[k].push(performance.now() - t0);
      }
    }
    const ms = { n: stats(times.n), "2n": stats(times["2n"]) };
    results.doubling.shapes[name] = { ms, ratio: ms["2n"].median / ms.n.median };
    log(`doubling ${name.padEnd(26)} ${fmt(ms.n.median)} → ${fmt(ms["2n"].median)} ms (×${results.doubling.shapes[name].ratio.toFixed(2)})`);
  }
  results.doubling.worst = Math.max(...Object.values(results.doubling.shapes).map((x) => x.ratio));
}

// Heap retained by a CheckResult, per 10,000 source lines (the result keeps
// text, line index, AST, model and diagnostics, as the LSP does).
if (want("heap")) {
  const f = single(quick ? 5000 : 10000);
  const lines = f.text.split("\n").length;
  const samples = [];
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    let kept = checkFiles([f]);
    globalThis.gc();
    const after = process.memoryUsage().heapUsed;
    samples.push(after - before);
    if (kept.files.length === 0) log("heap: empty result");
    kept = null;
  }
  const retained = median(samples);
  // Peak during a check: sampled heap growth without collecting.
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  checkFiles([f]);
  const peak = process.memoryUsage().heapUsed - base;
  results.heap = { lines, retainedBytes: retained, per10kLinesMB: (retained / lines) * 10000 / 2 ** 20, peakGrowthMB: peak / 2 ** 20 };
  log(`heap: ${results.heap.per10kLinesMB.toFixed(1)} MB retained per 10,000 lines (${lines} lines; ${(retained / 2 ** 20).toFixed(1)} MB)`);
}

// Editor: the language server over stdio, when it has been built.
if (want("lsp")) {
  const server = path.join(dist, "lsp.js");
  if (fs.existsSync(server)) {
    try {
      results.lsp = await lspLatency({ server, text: single(806).text, edits: quick ? 30 : 200, completions: quick ? 20 : 100, quantile, stats });
      log(`lsp: ${results.lsp.lines} lines, edit→diagnostics p50 ${fmt(results.lsp.diagnostics.p50)} ms p95 ${fmt(results.lsp.diagnostics.p95)} ms; completion p95 ${fmt(results.lsp.completion.p95)} ms`);
    } catch (e) {
      results.lsp = { error: e instanceof Error ? e.message : String(e) };
      log(`lsp: ${results.lsp.error}`);
    }
  } else {
    results.lsp = { error: "dist/lsp.js not built (the language server has not landed yet)" };
  }
}

// The shape zoo: whole CLI processes, n → 2n → 4n.
if (want("zoo")) {
  log("zoo: every shape of bench/shapes.mjs at n, 2n, 4n, each run a child process");
  const rows = runZoo({ cli: path.join(dist, "cli.js"), quick, only: null, log });
  const ranked = rows.filter((r) => r.worstRatio !== null).sort((a, b) => b.worstRatio - a.worstRatio);
  const worstCpu = rows.filter((r) => r.worstCpuRatio !== null).sort((a, b) => b.worstCpuRatio - a.worstCpuRatio)[0] ?? null;
  const worstMem = rows.filter((r) => r.worstGrowthMBPer10k !== null).sort((a, b) => b.worstGrowthMBPer10k - a.worstGrowthMBPer10k)[0] ?? null;
  const worstHeap = rows.filter((r) => r.worstHeapMBPer10k !== null).sort((a, b) => b.worstHeapMBPer10k - a.worstHeapMBPer10k)[0] ?? null;
  // build ≤ 3× check on the same input, at the largest size both reached
  const buildOverCheck = [];
  for (const b of rows.filter((r) => r.command === "build")) {
    const c = rows.find((r) => r.command === "check" && r.shape === b.shape);
    if (!c) continue;
    for (let i = Math.min(b.sizes.length, c.sizes.length) - 1; i >= 0; i--) {
      if (b.sizes[i].error || c.sizes[i].error) continue;
      buildOverCheck.push({ shape: b.shape, n: b.sizes[i].n, ratio: b.sizes[i].ms / c.sizes[i].ms });
      break;
    }
  }
  buildOverCheck.sort((a, b) => b.ratio - a.ratio);
  results.zoo = { rows, worst: ranked[0] ?? null, worstCpu, worstMem, worstHeap, buildOverCheck, errors: rows.filter((r) => r.error).map((r) => `${r.command} ${r.shape}: ${r.error}`) };
  if (ranked[0]) log(`zoo: worst shape ${ranked[0].command} ${ranked[0].shape} ×${ranked[0].worstRatio.toFixed(2)} (wall); most heap ${worstHeap?.command} ${worstHeap?.shape} ${worstHeap?.worstHeapMBPer10k.toFixed(1)} MB per 10,000 lines; most RSS ${worstMem?.command} ${worstMem?.shape} ${worstMem?.worstGrowthMBPer10k.toFixed(1)} MB per 10,000 lines`);
}

// Benches of other areas, when present (see the header). Those written
// before the `run` convention are called through their own exports.
const ADAPTERS = {
  "limits.mjs": async (mod, { log }) => {
    const rows = await mod.limitRows({ cli: path.join(root, "bin", "charterc.js"), log });
    return { rows, markdown: `## The worst inputs the limits accept (bench/limits.mjs)\n\n${mod.limitsTable(rows)}` };
  },
  "lsp-latency.mjs": async (mod, { quick }) => {
    const rows = await mod.lspShapes({ server: path.join(dist, "lsp.js"), quick });
    return { rows, markdown: `## Language server on the shapes of issue 13 (bench/lsp-latency.mjs)\n\n${mod.lspTable(rows)}` };
  },
};
if (!quick) {
  ADAPTERS["web-playground.mjs"] = async (mod) => {
    const rows = await mod.webPlaygroundBench({});
    return { rows, markdown: ["## Playground (bench/web-playground.mjs)", "", ...rows.map((r) => `- ${r.name}: ${r.value ?? "—"} ${r.unit}${r.limit ? ` (budget ${r.limit} ${r.unit})` : ""}${r.note ? ` — ${r.note}` : ""}`)].join("\n") };
  };
}
results.plugins = {};
for (const name of fs.readdirSync(here).filter((f) => (/^lsp-.*\.mjs$/.test(f) && f !== "lsp-client.mjs") || f === "limits.mjs" || f === "web-playground.mjs").sort()) {
  if (!want(name.replace(/\.mjs$/, ""))) continue;
  try {
    const mod = await import(pathToFileURL(path.join(here, name)).href);
    const run = typeof mod.run === "function" ? mod.run : ADAPTERS[name] ? (opts) => ADAPTERS[name](mod, opts) : null;
    if (!run) continue;
    log(`${name}: running`);
    results.plugins[name] = await run({ quick, dist, root, log });
  } catch (e) {
    results.plugins[name] = { error: e instanceof Error ? e.message : String(e) };
    log(`${name}: ${results.plugins[name].error}`);
  }
}

// ── targets and output ─────────────────────────────────────────────────────

const big = results.workloads.find((w) => w.name === "charter 10000 clauses");
const target = (name, value, limit, unit, better = "lower") => results.targets.push({ name, value, limit, unit, met: value === null ? null : better === "lower" ? value <= limit : value >= limit });
const chain = results.workloads.find((w) => w.name === "election chain 21,000 lines");
const z = results.zoo;
target("zoo: time(2n) / time(n), worst shape and command (wall)", z?.worst ? z.worst.worstRatio : null, 2.3, "×");
target("zoo: CPU time(2n) / time(n), worst shape and command", z?.worstCpu ? z.worstCpu.worstCpuRatio : null, 2.3, "×");
target("zoo: peak heap growth per 10,000 lines, worst shape and command", z?.worstHeap ? z.worstHeap.worstHeapMBPer10k : null, 40, "MB");
target("zoo: build / check on the same input, worst shape", z?.buildOverCheck?.[0] ? z.buildOverCheck[0].ratio : null, 3, "×");
target("election chain 21,000 lines / yaml+ajv", chain ? chain.ratio["yaml+ajv"] : null, 0.5, "×");
target("check 10,000 clauses / yaml+ajv", big ? big.ratio["yaml+ajv"] : null, 0.3, "×");
target("time per clause 10,000 / 100", results.linearity ? results.linearity.ratio : null, 1.5, "×");
target("front end, time(2n) / time(n), worst hostile shape", results.doubling ? results.doubling.worst : null, 2.3, "×");
target("heap retained per 10,000 lines", results.heap ? results.heap.per10kLinesMB : null, 40, "MB");
target("cold `check` over `node -e 0`", results.cold ? results.cold.overNode.check : null, 80, "ms");
target("cold `--version` over `node -e 0`", results.cold ? results.cold.overNode.version : null, 80, "ms");
target("edit→diagnostics p50 (5,000 lines)", results.lsp?.diagnostics ? results.lsp.diagnostics.p50 : null, 50, "ms");
target("edit→diagnostics p95 (5,000 lines)", results.lsp?.diagnostics ? results.lsp.diagnostics.p95 : null, 100, "ms");

results.mode = { quick, record, minutes: (performance.now() - started) / 60000, loadAverage: os.loadavg() };
if (only === null) {
  const outDir = record ? here : path.join(here, "out");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, "results.md"), markdown(results));
  log(`wrote ${path.relative(root, path.join(outDir, "results.md"))} and results.json${record ? "" : " (untracked; `--record` writes bench/results.md)"}`);
} else {
  process.stdout.write(markdown(results));
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}`, date: new Date().toISOString().slice(0, 10) };
}

function markdown(r) {
  const m = r.machine;
  const range = (s) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
  const o = [];
  o.push("# charterc benchmarks", "");
  o.push(`Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; ${m.date}. Seed ${r.seed}.`, "");
  if (r.mode) {
    const load = r.mode.loadAverage.map((x) => x.toFixed(1)).join(" / ");
    o.push(`Run: ${r.mode.quick ? "`--quick`" : "full"}, ${r.mode.minutes.toFixed(1)} minutes; load average at the end ${load} (1 / 5 / 15 min) on ${m.cores} cores${r.mode.loadAverage[0] > m.cores ? " — **the machine was shared and loaded during this run**: wall times swing, CPU-time ratios are the steadier figure" : ""}.`, "");
  }
  if (r.zoo?.worst) {
    const w = r.zoo.worst;
    const c = r.zoo.worstCpu;
    o.push(
      `**Worst shape: \`${w.command}\` of the ${w.shape}, time(2n)/time(n) = ${w.worstRatio.toFixed(2)}× (wall)**; worst in CPU time: \`${c.command}\` of the ${c.shape}, ${c.worstCpuRatio.toFixed(2)}×; ${r.zoo.worstHeap ? `most heap: \`${r.zoo.worstHeap.command}\` of the ${r.zoo.worstHeap.shape}, ${r.zoo.worstHeap.worstHeapMBPer10k.toFixed(1)} MB per 10,000 lines; ` : ""}most RSS: \`${r.zoo.worstMem.command}\` of the ${r.zoo.worstMem.shape}, ${r.zoo.worstMem.worstGrowthMBPer10k.toFixed(1)} MB per 10,000 lines.`,
      "",
    );
  }
  o.push(
    "Every figure is measured in one process on the same content: charterc's full `check` (lex, parse, resolve, analyses, property rules) on the charter text, against `yaml.parse` + ajv and `js-yaml` + ajv on the same charter written as YAML " +
      `(${r.schema.form}, validated against \`${r.schema.file}\`${r.schema.note ? `; ${r.schema.note}` : ""}). Times are medians in ms with min–max over the samples, after warm-up; ratio = charterc ÷ baseline (below 1 means charterc is faster).`,
    "",
  );
  o.push("| workload | lines (charter / YAML) | charterc ms | yaml+ajv ms | ratio | js-yaml+ajv ms | ratio |", "|---|---|---|---|---|---|---|");
  for (const w of r.workloads) {
    o.push(`| ${w.name} | ${w.lines} / ${w.yamlLines} | ${range(w.ms.charterc)} | ${range(w.ms["yaml+ajv"])} | ${w.ratio["yaml+ajv"].toFixed(2)}× | ${range(w.ms["js-yaml+ajv"])} | ${w.ratio["js-yaml+ajv"].toFixed(2)}× |`);
  }
  o.push("");
  if (r.linearity) o.push(`Time per clause: ${(r.linearity.perClause10000 * 1000).toFixed(1)} µs at 10,000 clauses vs ${(r.linearity.perClause100 * 1000).toFixed(1)} µs at 100 (×${r.linearity.ratio.toFixed(2)}).`, "");
  if (r.doubling) {
    o.push(`Doubling (front end: lex, parse, lower; n = ${r.doubling.n.toLocaleString("en")} tokens, wall time, collector included; median (min–max) ms):`, "", "| shape | n | 2n | ratio |", "|---|---|---|---|");
    for (const [k, x] of Object.entries(r.doubling.shapes)) o.push(`| ${k} | ${range(x.ms.n)} | ${range(x.ms["2n"])} | ${x.ratio.toFixed(2)}× |`);
    o.push("");
  }
  if (r.heap) o.push(`Heap retained by a check result: ${r.heap.per10kLinesMB.toFixed(1)} MB per 10,000 lines (${r.heap.lines} lines, ${(r.heap.retainedBytes / 2 ** 20).toFixed(1)} MB retained; heap growth during the check ${r.heap.peakGrowthMB.toFixed(0)} MB).`, "");
  if (r.cold) {
    o.push("Cold start (whole process, median (min–max) ms):", "", "| command | ms | over `node -e 0` |", "|---|---|---|");
    for (const [k, s] of Object.entries(r.cold.ms)) o.push(`| \`${k}\` | ${range(s)} | ${k === "node -e 0" ? "—" : `+${fmt(s.median - r.cold.ms["node -e 0"].median)}`} |`);
    o.push("", `(\`one.charter\` is a generated charter of ${r.cold.lines} lines; no charterc.yaml.)`, "");
  }
  if (r.lsp) {
    if (r.lsp.error) o.push(`Language server: not measured — ${r.lsp.error}.`, "");
    else
      o.push(
        `Language server over stdio, ${r.lsp.lines}-line charter, one-character edits: diagnostics p50 ${fmt(r.lsp.diagnostics.p50)} ms, p95 ${fmt(r.lsp.diagnostics.p95)} ms, p99 ${fmt(r.lsp.diagnostics.p99)} ms (${r.lsp.diagnostics.samples} edits); completion p50 ${fmt(r.lsp.completion.p50)} ms, p95 ${fmt(r.lsp.completion.p95)} ms (${r.lsp.completion.samples} requests).`,
        "",
      );
  }
  if (r.zoo) {
    o.push(
      "## The shape zoo",
      "",
      "Every shape of `bench/shapes.mjs`, whole CLI processes (module loading included), each run a child process of its own. Wall ms per size (median of " + (r.mode?.quick ? "2 (`--quick`)" : "3") + " for `check`, one run for `build` and `diff`, from half the base size), time ratios n→2n and 2n→4n (wall, then CPU time: user + system, all threads), then memory at the largest size and its growth per 10,000 input lines (worst size; the same command's figure on the shape at n = 1 subtracted): the peak heap (V8's used heap at the end of each collection: what the command holds, plus old-generation garbage not yet collected; see docs/performance.md) and the peak RSS (the heap plus the young generation's capacity, code and the allocator's slack).",
      "",
      "| shape | command | lines (n / 2n / 4n) | ms (n / 2n / 4n) | ratio (wall) | ratio (CPU) | peak heap | heap MB per 10k lines | peak RSS | RSS MB per 10k lines |",
      "|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const x of [...r.zoo.rows].sort((a, b) => (b.worstRatio ?? 99) - (a.worstRatio ?? 99))) {
      const ok = x.sizes.filter((s) => !s.error);
      const rss = ok.length ? `${Math.round(ok[ok.length - 1].maxRssMB)} MB` : "—";
      const heap = ok.length && ok[ok.length - 1].peakHeapMB !== undefined ? `${Math.round(ok[ok.length - 1].peakHeapMB)} MB` : "—";
      o.push(
        `| ${x.shape} | ${x.command} | ${x.sizes.map((s) => s.lines).join(" / ")} | ${ok.map((s) => fmt(s.ms)).join(" / ")}${x.error ? ` (then: ${x.error})` : ""} | ${x.ratios.map((v) => v.toFixed(2)).join(", ")} | ${x.cpuRatios.map((v) => v.toFixed(2)).join(", ")} | ${heap} | ${x.worstHeapMBPer10k?.toFixed(1) ?? "—"} | ${rss} | ${x.worstGrowthMBPer10k.toFixed(1)} |`,
      );
    }
    o.push("");
    const slopes = r.zoo.rows.filter((x) => x.rssSlopeMBPer10k != null).sort((a, b) => b.rssSlopeMBPer10k - a.rssSlopeMBPer10k);
    if (slopes.length)
      o.push(
        `Peak RSS per 10,000 lines between the smallest and the largest size (the slope, without the young generation's fixed growth to its maximum, which the growth column counts in full at the smallest size): at most ${slopes[0].rssSlopeMBPer10k.toFixed(1)} MB (\`${slopes[0].command}\` of the ${slopes[0].shape}).`,
        "",
      );
    if (r.zoo.buildOverCheck.length) o.push(`\`build\` ÷ \`check\` on the same input (largest size both ran): ${r.zoo.buildOverCheck.map((b) => `${b.shape} ${b.ratio.toFixed(1)}×`).join(", ")}.`, "");
    if (r.zoo.errors.length) o.push(`Runs that did not finish: ${r.zoo.errors.join("; ")}.`, "");
  }
  for (const [name, p] of Object.entries(r.plugins ?? {})) {
    if (p?.markdown) o.push(p.markdown, "");
    else if (p?.error) o.push(`\`${name}\`: ${p.error}.`, "");
  }
  o.push("## Targets", "", "| target | measured | limit | met |", "|---|---|---|---|");
  for (const t of r.targets) {
    const v = t.value === null ? "not measured" : `${t.unit === "×" ? t.value.toFixed(2) : t.value.toFixed(1)} ${t.unit}`;
    const miss = t.met === false ? ` — missed by ${t.unit === "×" ? `${(t.value / t.limit).toFixed(2)}×` : `${(t.value - t.limit).toFixed(1)} ${t.unit}`}` : "";
    o.push(`| ${t.name} | ${v} | ${t.limit} ${t.unit} | ${t.met === null ? "—" : t.met ? "yes" : `no${miss}`} |`);
  }
  o.push("", "Why a target is missed, and what was done about it: see `docs/performance.md`.", "");
  return o.join("\n");
}
