// Real-browser test harness: Debian's chromium driven by playwright-core
// (never a downloaded browser), a tiny static server on 127.0.0.1 over a
// built folder, and a page wrapper that records console errors, page errors,
// dialogs and every request that leaves the site.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Why the browser suite is skipped, printed once per file. */
export const SKIP_REASON = `browser tests skipped: ${CHROMIUM} is absent (CI installs Debian's chromium in .ci/run; locally: apt-get install chromium)`;

export const ARTIFACTS = path.resolve("test-artifacts");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".charter": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serve `dir` read-only on 127.0.0.1 (random port), as a static host would. */
export async function serve(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let p: string;
    try {
      p = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, p);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface Watched {
  readonly page: Page;
  /** Console errors and uncaught page errors, as text. */
  readonly errors: string[];
  /** Requests to anything but the site's own origin (or data:/blob: URLs). */
  readonly outside: string[];
  /** Dialogs (alert, confirm, prompt) that opened. */
  readonly dialogs: string[];
}

/** A new page that records what a test must fail on; requests outside `origin` are recorded and aborted. */
export async function watchedPage(browser: Browser, origin: string, opts: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const w: Watched = { page, errors: [], outside: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    w.outside.push(url);
    return route.abort();
  });
  return w;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** axe-core's source, injected into a page as a script (it needs no network). */
export function axeSource(): string {
  return readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** Run axe-core on the page; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the devtools protocol, which the page's CSP does not govern (a <script> tag would be refused).
  await page.evaluate(axeSource());
  const res = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return res.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** What a hostile charter must never achieve on a page. */
export async function injected(page: Page, origin: string): Promise<string[]> {
  return page.evaluate((origin) => {
    const found: string[] = [];
    // The document and every open shadow root (the playground's editor lives in one).
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) for (const e of roots[i]!.querySelectorAll("*")) if (e.shadowRoot) roots.push(e.shadowRoot);
    const all = roots.flatMap((r) => [...r.querySelectorAll("*")]);
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push("window.__pwned was set");
    for (const s of all.filter((e) => e.localName === "script")) {
      const src = s.getAttribute("src");
      if (!src || !new URL(src, document.baseURI).href.startsWith(`${origin}/`)) found.push(`script: ${s.outerHTML.slice(0, 120)}`);
    }
    for (const e of all) {
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) found.push(`handler ${a.name} on <${e.localName}>`);
        if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) found.push(`${a.name}=${a.value.slice(0, 60)} on <${e.localName}>`);
      }
      if (/^(iframe|object|embed|foreignobject|math|form|base|meta)$/i.test(e.localName) && !(e.localName === "meta" && e.closest("head"))) found.push(`element <${e.localName}>`);
      if (e.localName === "img" && !(e.getAttribute("src") ?? "").startsWith("data:") && !new URL(e.getAttribute("src") ?? "", document.baseURI).href.startsWith(`${origin}/`)) found.push(`img ${e.getAttribute("src")}`);
    }
    return found;
  }, origin);
}

