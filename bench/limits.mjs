// The worst inputs the documented limits accept (src/config/limits.ts), by
// shape, run through the built CLI in child processes: peak RSS and wall
// time of `charterc check` and `charterc fmt --check` against the budget of
// docs/performance.md ("Input limits and the memory budget").
//
//   node bench/limits.mjs [--bytes N] [--tokens N] [--only SHAPE]   prints a table
//   import { limitRows } from "./limits.mjs"           bench/run.mjs calls it
//
// Each shape (LIMIT_SHAPES in bench/shapes.mjs) is generated up to (just
// under) the byte or the token limit, whichever it reaches first; the peak
// RSS is the child's own `process.resourceUsage().maxRSS`, written at exit by a
// preloaded module, so nothing but the CLI is measured.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LIMIT_SHAPES as SHAPES } from "./shapes.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The budget docs/performance.md states for any input the limits accept. */
export const BUDGET = { rssMB: 300, ms: 5000 };

/** Each command with the token limit that applies to it (src/config/limits.ts). */
const COMMANDS = {
  check: { args: (f) => ["check", f], tokens: "MAX_CHARTER_TOKENS" },
  "fmt --check": { args: (f) => ["fmt", "--check", f], tokens: "MAX_FORMAT_TOKENS" },
};

/**
 * Run the CLI once: peak RSS (MB) and CPU time (user + system, ms) from the
 * child itself, and wall time (ms). On a shared machine the wall time swings
 * with the load; the CPU time much less.
 */
function measure(cli, args, cwd, preload) {
  const out = path.join(cwd, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ["--import", pathToFileURL(preload).href, cli, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CHARTERC_RSS_OUT: out, NO_COLOR: "1" },
  });
  const ms = performance.now() - t0;
  let rssMB = NaN;
  let cpuMs = NaN;
  try {
    const [rss, cpu] = fs.readFileSync(out, "utf8").split(" ").map(Number);
    rssMB = rss / 1024;
    cpuMs = cpu;
    fs.rmSync(out, { force: true });
  } catch {
    // the child died before its exit handler (out of memory): reported as NaN
  }
  return { ms, cpuMs, rssMB, exit: p.status ?? p.signal, outBytes: (p.stdout?.length ?? 0) + (p.stderr?.length ?? 0) };
}

/**
 * One row per shape and command, each input as large as that command's
 * limits accept (`bytes`/`tokens` override them). Rows: { shape, command,
 * bytes, ms, rssMB, exit, outBytes, withinBudget }.
 */
export async function limitRows({ bytes, tokens, only, cli = path.join(root, "bin", "charterc.js"), log = () => {} } = {}) {
  const maxBytes = bytes ?? readLimit("MAX_CHARTER_BYTES");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-limits-"));
  const preload = path.join(tmp, "rss.mjs");
  fs.writeFileSync(
    preload,
    'import fs from "node:fs";\nprocess.on("exit", () => { try { fs.writeFileSync(process.env.CHARTERC_RSS_OUT, (() => { const u = process.resourceUsage(); return u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime) / 1000; })()); } catch {} });\n',
  );
  const rows = [];
  try {
    for (const [shape, make] of Object.entries(SHAPES)) {
      if (only && !shape.includes(only)) continue;
      for (const [command, spec] of Object.entries(COMMANDS)) {
        const text = make({ bytes: maxBytes, tokens: tokens ?? readLimit(spec.tokens) });
        const file = path.join(tmp, "input.charter");
        fs.writeFileSync(file, text);
        const r = measure(cli, spec.args("input.charter"), tmp, preload);
        const row = { shape, command, bytes: Buffer.byteLength(text), ...r, withinBudget: r.rssMB <= BUDGET.rssMB && r.cpuMs <= BUDGET.ms };
        rows.push(row);
        log(`limits: ${shape}, ${command}: ${row.bytes} bytes, ${row.rssMB.toFixed(0)} MB, cpu ${(row.cpuMs / 1000).toFixed(2)} s, wall ${(row.ms / 1000).toFixed(2)} s, exit ${row.exit}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** A limit as src/config/limits.ts states it. */
function readLimit(name) {
  const src = fs.readFileSync(path.join(root, "src/config/limits.ts"), "utf8");
  const m = new RegExp(`export const ${name} = ([^;]+);`).exec(src);
  if (!m) throw new Error(`bench/limits.mjs: ${name} not found in src/config/limits.ts`);
  return Function(`return (${m[1].replace(/_/g, "")})`)();
}

export function limitsTable(rows) {
  const o = [
    `Worst inputs within the limits (budget: ≤ ${BUDGET.rssMB} MB peak RSS and ≤ ${BUDGET.ms / 1000} s of CPU per command; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores):`,
    "",
    "| shape | bytes | command | peak RSS MB | CPU s | wall s | exit | output bytes | within budget |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    o.push(`| ${r.shape} | ${r.bytes} | \`${r.command}\` | ${r.rssMB.toFixed(0)} | ${(r.cpuMs / 1000).toFixed(2)} | ${(r.ms / 1000).toFixed(2)} | ${r.exit} | ${r.outBytes} | ${r.withinBudget ? "yes" : "**no**"} |`);
  }
  return o.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const bytes = arg("--bytes") ? Number(arg("--bytes")) : undefined;
  const tokens = arg("--tokens") ? Number(arg("--tokens")) : undefined;
  const rows = await limitRows({ bytes, tokens, only: arg("--only"), log: (s) => process.stderr.write(s + "\n") });
  console.log(limitsTable(rows));
}

/** bench/run.mjs's plug-in entry: the rows, the budget and the table for results.md. */
export async function run({ log = () => {} } = {}) {
  const rows = await limitRows({ log });
  return { budget: BUDGET, rows, allWithinBudget: rows.every((r) => r.withinBudget), markdown: limitsTable(rows) };
}
