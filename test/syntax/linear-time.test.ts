// Doubling tests: time(2n) / time(n) stays near 2 (quadratic would be 4).
//
// They run in a child process with a large, fixed young generation
// (--min/max-semi-space-size) and measure CPU time: in vitest's worker, V8's garbage collector makes
// timings of allocation-heavy runs (a million tokens) jump by 3–5× at heap
// thresholds, which says nothing about the algorithm. The code under test is
// bundled with esbuild first (the child is plain Node).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dir = "";

const RUNNER = `
import { readFileSync } from "node:fs";
import { tokenize, parse } from "./bundle.mjs";
const ex = readFileSync(process.argv[2], "utf8");
const inputs = {
  "spec example": (n) => ex.repeat(Math.ceil(n / ex.length)).slice(0, n),
  "{": (n) => "{".repeat(n),
  '"': (n) => '"'.repeat(n),
  "/*": (n) => "/*".repeat(n / 2),
  "unterminated strings": (n) => '"abc\\n'.repeat(n / 5),
  "unterminated string first": (n) => '"' + ex.repeat(Math.ceil(n / ex.length)).slice(0, n - 1),
  identifiers: (n) => "abc ".repeat(n / 4),
  "bad characters": (n) => "@@ x ".repeat(n / 5),
  "lone surrogates": (n) => "\\uD800".repeat(n),
  commas: (n) => "a: " + ",".repeat(n - 3),
};
// CPU time of this process, not wall time: less sensitive to a busy machine.
// The runs of n and 2n alternate, so both see the same conditions.
function cpu(f) {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}
const n = 1 << 17;
const only = process.argv[3] ? JSON.parse(process.argv[3]) : null;
const out = {};
for (const [name, make] of Object.entries(inputs)) {
  for (const [stage, f] of [["lex", tokenize], ["parse", (s) => parse(s, "t")]]) {
    const key = stage + " " + name;
    if (only && !only.includes(key)) continue;
    const a = make(n), b = make(2 * n);
    f(a); f(b);
    let ta = Infinity, tb = Infinity;
    for (let i = 0; i < 7; i++) {
      ta = Math.min(ta, cpu(() => f(a)));
      tb = Math.min(tb, cpu(() => f(b)));
    }
    out[key] = [ta, tb];
  }
}
console.log(JSON.stringify(out));
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "charter-timing-"));
  writeFileSync(join(dir, "entry.ts"), `export { tokenize } from ${JSON.stringify(join(root, "src/syntax/index.ts"))};\nexport { parseUnchecked as parse } from ${JSON.stringify(join(root, "src/lower/index.ts"))};\n`);
  await build({ entryPoints: [join(dir, "entry.ts")], bundle: true, format: "esm", platform: "node", outfile: join(dir, "bundle.mjs"), logLevel: "warning" });
  writeFileSync(join(dir, "runner.mjs"), RUNNER);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function measure(only?: string[]): Record<string, [number, number]> {
  const args = ["--min-semi-space-size=128", "--max-semi-space-size=128", join(dir, "runner.mjs"), join(root, "test/syntax/fixtures/spec-example.charter")];
  if (only) args.push(JSON.stringify(only));
  const stdout = execFileSync(
    process.execPath,
    args,
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout) as Record<string, [number, number]>;
}

test("lexing and parsing time grow linearly (time(2n)/time(n), n = 128 K characters)", { timeout: 180_000 }, () => {
  const results = measure();
  const bad = (r: Record<string, [number, number]>) =>
    Object.entries(r).filter(([, [ta, tb]]) => tb / Math.max(ta, 3) > 2.5).map(([k]) => k);
  // Up to two retries of the failing cases only, against a noisy neighbour
  // (this machine is shared); a quadratic case fails every time (ratio ≈ 4).
  for (let retry = 0; retry < 2 && bad(results).length > 0; retry++) Object.assign(results, measure(bad(results)));
  const report = Object.fromEntries(Object.entries(results).map(([k, [ta, tb]]) => [k, `${ta.toFixed(1)} → ${tb.toFixed(1)} ms`]));
  expect(bad(results), JSON.stringify(report, null, 1)).toEqual([]);
});
