// Playground budgets, measured in headless Debian chromium:
//   - first load: compressed (gzip -9) bytes of what playground.html fetches
//     before the first keystroke (page, stylesheet, script, worker and their
//     static imports; prettier's chunks load only when one formats);
//   - keystroke → diagnostics: from the keydown of a real key press to the
//     editor showing the server's diagnostics for that text (the page's
//     `charterc-diagnostics` event, dispatched right after setDiagnostics),
//     on a generated 600-line charter, one key at a time.
//
// `webPlaygroundBench()` returns the rows; `run({ quick, log })` is the
// plug-in interface of bench/run.mjs (the rows and a Markdown table). Run
// alone it prints them:
//   node bench/web-playground.mjs [--keys 120]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildWeb } from "../scripts/build-web.mjs";
import { charterModel, charterText } from "./generate.mjs";

const CHROMIUM = "/usr/bin/chromium";

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** A generated charter of about `lines` lines (clauses grown until it is long enough). */
export function charterOfLines(lines, seed = 7) {
  let clauses = 10;
  let text = charterText(charterModel(seed, clauses));
  while (text.split("\n").length < lines && clauses < 2000) {
    clauses += Math.max(1, Math.round(clauses * 0.1));
    text = charterText(charterModel(seed, clauses));
  }
  return text;
}

function serve(dir) {
  const server = http.createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!p.startsWith(dir) || !existsSync(p) || statSync(p).isDirectory()) return void res.writeHead(404).end();
    const type = p.endsWith(".html") ? "text/html" : p.endsWith(".css") ? "text/css" : "text/javascript";
    res.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(readFileSync(p));
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

export async function webPlaygroundBench({ keys = 120, lines = 600 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "charterc-web-bench-"));
  const web = await buildWeb({ out: dir, quiet: true });
  const rows = [
    { name: "playground first load (gzip)", value: +(web.firstLoadGzip / 1024).toFixed(0), unit: "KiB", limit: 1536, files: web.firstLoad.length },
    { name: "playground, all assets (gzip)", value: +(web.totalGzip / 1024).toFixed(0), unit: "KiB" },
  ];
  if (!existsSync(CHROMIUM)) {
    rows.push({ name: `keystroke → diagnostics p95 (${lines}-line charter)`, value: null, unit: "ms", limit: 100, note: `${CHROMIUM} absent` });
    rmSync(dir, { recursive: true, force: true });
    return rows;
  }
  const { chromium } = await import("playwright-core");
  const server = await serve(dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/playground.html`);
    await page.waitForSelector("html[data-ready=true]", { timeout: 60_000 });
    const text = charterOfLines(lines);
    const shownLines = text.split("\n").length;
    // Load the charter, wait for its first diagnostics, and put the cursor inside a string in the middle.
    await page.evaluate((t) => {
      const pg = window.charterPlayground;
      pg.view.dispatch({ changes: { from: 0, to: pg.view.state.doc.length, insert: t } });
    }, text);
    await page.waitForFunction((n) => window.charterPlayground.view.state.doc.lines === n && window.charterPlayground.probe.published > 1, shownLines, { timeout: 60_000 });
    await page.evaluate(() => {
      const pg = window.charterPlayground;
      const doc = pg.view.state.doc.toString();
      const at = doc.indexOf('"', Math.floor(doc.length / 2)) + 1;
      pg.view.dispatch({ selection: { anchor: at } });
      pg.view.focus();
      window.__lat = [];
      let down = 0;
      document.addEventListener("keydown", () => (down = performance.now()), true);
      document.addEventListener("charterc-diagnostics", () => {
        if (down) window.__lat.push(performance.now() - down);
        down = 0;
      });
    });
    await page.waitForTimeout(300);
    for (let i = 0; i < keys; i++) {
      const before = await page.evaluate(() => window.__lat.length);
      // Alternate typing and deleting a letter inside the string: the text stays as valid as it was.
      await page.keyboard.press(i % 2 === 0 ? "x" : "Backspace");
      await page.waitForFunction((b) => window.__lat.length > b, before, { timeout: 10_000 });
      // A pause between keys, as between a person's keystrokes.
      await page.waitForTimeout(30);
    }
    const lat = await page.evaluate(() => window.__lat);
    const diagnostics = await page.evaluate(() => window.charterPlayground.probe.lastDiagnostics.length);
    rows.push(
      { name: `keystroke → diagnostics p50 (${shownLines}-line charter)`, value: +quantile(lat, 0.5).toFixed(1), unit: "ms" },
      { name: `keystroke → diagnostics p95 (${shownLines}-line charter)`, value: +quantile(lat, 0.95).toFixed(1), unit: "ms", limit: 100, keys: lat.length, diagnostics },
      { name: `keystroke → diagnostics max (${shownLines}-line charter)`, value: +Math.max(...lat).toFixed(1), unit: "ms" },
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The bench/run.mjs plug-in: `{ rows, markdown }`. */
export async function run({ quick = false, log = () => {} } = {}) {
  const rows = await webPlaygroundBench({ keys: quick ? 30 : 120 });
  for (const r of rows) log(`web-playground: ${r.name}: ${r.value ?? "—"} ${r.unit}`);
  const cell = (r) => (r.value === null ? `not measured${r.note ? ` (${r.note})` : ""}` : `${r.value} ${r.unit}`);
  const markdown = [
    "Playground (headless chromium; `bench/web-playground.mjs`):",
    "",
    "| measure | value | budget |",
    "|---|---|---|",
    ...rows.map((r) => `| ${r.name} | ${cell(r)} | ${r.limit ? `≤ ${r.limit} ${r.unit}${r.value === null ? "" : r.value <= r.limit ? " (met)" : " (missed)"}` : ""} |`),
  ].join("\n");
  return { rows, markdown };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--keys");
  const rows = await webPlaygroundBench({ keys: i > 0 ? Number(process.argv[i + 1]) : 120 });
  for (const r of rows) console.log(`${r.name}: ${r.value ?? "—"} ${r.unit}${r.limit ? ` (budget ${r.limit} ${r.unit}: ${r.value === null ? "not measured" : r.value <= r.limit ? "met" : "missed"})` : ""}${r.note ? ` — ${r.note}` : ""}`);
}
