// The shape zoo (issue 13): every shape of bench/shapes.mjs at n, 2n and 4n,
// through the real CLI (`check`, and `build` / `diff` where the shape is
// meant for them), each run a child process of its own so that its peak RSS
// is its own. Reports, per shape and command: median wall time per size, the
// time ratios 2n/n and 4n/2n, peak heap and peak RSS, and the growth of each
// per 10,000 lines (minus the same command's figure on the shape at n = 1).
// The peak heap is V8's used heap (external memory included) at the end of each collection
// (bench/zoo-child.mjs; docs/performance.md, "Memory: heap and RSS").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { linesOf, SHAPES } from "./shapes.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

function writeProject(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split("/"));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

function runOnce(cli, dir, args, timeoutMs) {
  const report = path.join(dir, "..", `report-${process.pid}.json`);
  fs.rmSync(report, { force: true });
  const p = spawnSync(process.execPath, ["--expose-gc", path.join(here, "zoo-child.mjs"), cli, ...args], {
    cwd: dir,
    env: { ...process.env, ZOO_REPORT: report, NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (p.error || !fs.existsSync(report)) return { error: p.error ? String(p.error.code ?? p.error.message) : `exit ${p.status}, signal ${p.signal}: ${String(p.stderr).slice(-300)}` };
  const r = JSON.parse(fs.readFileSync(report, "utf8"));
  if (r.exit !== 0 && r.exit !== 1) return { error: `exit ${r.exit}: ${String(p.stderr).slice(-300)}` };
  return r;
}

/** The arguments of a command on a generated input, after writing it under `dir`. */
function prepare(command, input, dir) {
  const files = { ...input.files };
  if (command === "diff") {
    for (const [rel, text] of Object.entries(input.previous)) files[`before/${rel}`] = text;
    const entry = input.entries[0];
    return { files, args: ["diff", `before/${entry}`, entry] };
  }
  const targets = input.folder ? [input.folder] : input.entries;
  if (command === "build") return { files, args: ["build", ...targets, "--out", "site-out", "--no-progress"] };
  return { files, args: ["check", ...targets] };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Shapes that the quick bench also builds and diffs (the rest: `check` only). */
const QUICK_BUILD = new Set(["election chain", "deep amendable chain"]);

/**
 * Run the zoo. Three samples of `check` per size, one of `build` and `diff`
 * (slower, and from half the base size; their ratios are read over three sizes). `quick`: two samples of `check`,
 * base sizes halved, `build` and `diff` only on QUICK_BUILD. Returns rows
 * { shape, command, sizes: [{n, lines, ms, cpuMs, maxRssMB, peakHeapMB, growthMBPer10k, heapMBPer10k}],
 * ratios: [2n/n, 4n/2n] (wall), cpuRatios (CPU time), worstRatio, worstCpuRatio, worstGrowthMBPer10k,
 * worstHeapMBPer10k }. Growth is the peak (RSS, or heap after a collection) minus the same figure of
 * the same command on the shape at n = 1, per 10,000 lines.
 */
export function runZoo({ cli, quick = false, only = null, log = () => {}, timeoutMs = 180_000, slowMs = 60_000 }) {
  cli = path.resolve(cli);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-zoo-"));
  const dir = path.join(work, "project");
  const samplesOf = (command) => (command !== "check" ? 1 : quick ? 2 : 3);
  const rows = [];
  const jobs = [];
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (only && !name.includes(only)) continue;
    for (const command of shape.commands) {
      if (quick && command !== "check" && !QUICK_BUILD.has(name)) continue;
      jobs.push({ name, shape, command });
    }
  }
  let done = 0;
  for (const { name, shape, command } of jobs) {
    // `build` and `diff` take several times as long as `check`: they run from half the base size.
    const base = quick || command !== "check" ? Math.max(1, Math.round(shape.n / 2)) : shape.n;
    const measure = (n) => {
      const input = shape.make(n);
      const { files, args } = prepare(command, input, dir);
      writeProject(dir, files);
      const lines = linesOf({ files: command === "diff" ? files : input.files });
      const runs = [];
      for (let s = 0; s < samplesOf(command); s++) {
        const r = runOnce(cli, dir, args, timeoutMs);
        if (r.error) return { n, lines, error: r.error };
        runs.push(r);
      }
      return { n, lines, ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), samples: runs.map((r) => r.ms), maxRssMB: Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20, peakHeapMB: Math.max(...runs.map((r) => r.peakHeapBytes)) / 2 ** 20, peakHeapBeforeGcMB: Math.max(...runs.map((r) => r.peakHeapUsedBytes)) / 2 ** 20 };
    };
    // The same command on the shape at n = 1: Node, the CLI and its modules, to subtract from peak RSS.
    const floor = measure(1);
    const sizes = [];
    for (const n of [base, 2 * base, 4 * base]) {
      const m = measure(n);
      if (!m.error && !floor.error) {
        m.growthMBPer10k = (Math.max(0, m.maxRssMB - floor.maxRssMB) / m.lines) * 10000;
        m.heapMBPer10k = (Math.max(0, m.peakHeapMB - floor.peakHeapMB) / m.lines) * 10000;
      }
      sizes.push(m);
      if (m.error || m.ms > slowMs) break; // the next size would take minutes: the ratio so far says enough
    }
    const ok = sizes.filter((s) => !s.error);
    const ratios = [];
    const cpuRatios = [];
    for (let i = 1; i < ok.length; i++) {
      ratios.push(ok[i].ms / ok[i - 1].ms);
      cpuRatios.push(ok[i].cpuMs / ok[i - 1].cpuMs);
    }
    // Per-line cost of RSS from the sizes alone (largest minus smallest): the young generation
    // grows to its fixed maximum early, which a growth figure at the smallest size counts in full.
    const rssSlopeMBPer10k = ok.length > 1 ? (Math.max(0, ok[ok.length - 1].maxRssMB - ok[0].maxRssMB) / (ok[ok.length - 1].lines - ok[0].lines)) * 10000 : null;
    const row = { shape: name, command, rssSlopeMBPer10k, note: shape.note, floorMB: floor.maxRssMB ?? null, sizes, ratios, cpuRatios, worstRatio: ratios.length ? Math.max(...ratios) : null, worstCpuRatio: cpuRatios.length ? Math.max(...cpuRatios) : null, worstGrowthMBPer10k: Math.max(0, ...ok.map((s) => s.growthMBPer10k ?? 0)), worstHeapMBPer10k: Math.max(0, ...ok.map((s) => s.heapMBPer10k ?? 0)), floorHeapMB: floor.peakHeapMB ?? null, error: sizes.find((s) => s.error)?.error ?? null };
    rows.push(row);
    done++;
    const last = ok[ok.length - 1];
    log(
      `zoo [${done}/${jobs.length}] ${command.padEnd(5)} ${name.padEnd(34)} ${ok.map((s) => `${Math.round(s.ms)}`).join(" → ")} ms  ×${ratios.map((x) => x.toFixed(2)).join(" ×")} (cpu ×${cpuRatios.map((x) => x.toFixed(2)).join(" ×")})${last ? `  heap ${Math.round(last.peakHeapMB)} MB, RSS ${Math.round(last.maxRssMB)} MB` : ""}${row.error ? `  ERROR ${row.error}` : ""}`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
  return rows;
}
