// The built example site in a real browser: every page loads with no console
// error and no request outside the site, every link and anchor resolves,
// the main pages pass axe-core, and a site built from hostile charters runs
// nothing and injects nothing. The site is `charterc build --emit html`
// (with the playground copied in from dist/web/); where the installed
// charterc cannot emit html yet, the checks run over the pages that exist.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../../scripts/build-web.mjs";
import { HAVE_CHROMIUM, SKIP_REASON, artifact, injected, launch, seriousViolations, serve, watchedPage, type StaticServer, type Watched } from "./harness.js";

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

const BIN = path.resolve("bin/charterc.js");

/** Build a site from `charters` into a new folder; notes what kind of build it was. */
let webBuilt: Promise<unknown> | null = null;
async function buildSite(charters: string, cwd = process.cwd()): Promise<{ dir: string; html: boolean; note: string }> {
  // The site copies the playground from dist/web/: build it from the current source.
  await (webBuilt ??= buildWeb({ quiet: true }));
  const dir = mkdtempSync(path.join(os.tmpdir(), "charterc-site-"));
  const r = spawnSync(process.execPath, [BIN, "build", charters, "--out", dir, "--emit", "html,markdown,json,schema,ig"], { cwd, encoding: "utf8", timeout: 120_000 });
  if (r.status === 0 && existsSync(path.join(dir, "index.html"))) {
    if (!existsSync(path.join(dir, "playground.html"))) cpSync("dist/web", dir, { recursive: true });
    return { dir, html: true, note: "" };
  }
  // No html emitter yet: the playground is the site.
  rmSync(dir, { recursive: true, force: true });
  const only = mkdtempSync(path.join(os.tmpdir(), "charterc-site-"));
  cpSync("dist/web", only, { recursive: true });
  return { dir: only, html: false, note: `charterc build --emit html did not produce a site (${(r.stderr || r.stdout).trim().split("\n")[0]}); checking the playground alone` };
}

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else if (name.endsWith(".html")) out.push(r);
    }
  };
  walk("");
  return out;
}

interface PageFacts {
  readonly ids: string[];
  /** Every URL the page refers to: links, stylesheets, scripts, images, SVG references. */
  readonly refs: { readonly attr: string; readonly url: string }[];
}

async function facts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    for (const a of document.querySelectorAll("a[name]")) ids.push(a.getAttribute("name")!);
    const refs: { attr: string; url: string }[] = [];
    for (const e of document.querySelectorAll("[href], [src], [xlink\\:href]")) {
      for (const attr of ["href", "src", "xlink:href"]) {
        const v = e.getAttribute(attr);
        if (v !== null) refs.push({ attr: `${e.localName}[${attr}]`, url: new URL(v, document.baseURI).href });
      }
    }
    return { ids, refs };
  });
}

// One browser for the file; each suite serves its own site.
let browser: Browser;
beforeAll(async () => {
  if (HAVE_CHROMIUM) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface ServedSite {
  site: { dir: string; html: boolean; note: string };
  server: StaticServer;
}

/** Build and serve a site for the suite it is called in; removed afterwards. */
function useSite(charters: string, cwd?: string): ServedSite {
  const s = {} as ServedSite;
  beforeAll(async () => {
    s.site = await buildSite(charters, cwd);
    if (s.site.note) console.warn(s.site.note);
    s.server = await serve(s.site.dir);
  }, 180_000);
  afterAll(async () => {
    await s.server?.close();
    if (s.site?.dir) rmSync(s.site.dir, { recursive: true, force: true });
  });
  return s;
}

describe.skipIf(!HAVE_CHROMIUM)("the built site in chromium", () => {
  const served = useSite("charters");
  const byPage = new Map<string, PageFacts>();

  async function visit(rel: string): Promise<Watched> {
    const w = await watchedPage(browser, served.server.origin);
    await w.page.goto(`${served.server.origin}/${rel}`, { waitUntil: "load" });
    if (rel.endsWith("playground.html")) await w.page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    return w;
  }

  it("every page loads with no console error, no page error, no dialog and no request outside the site", async () => {
    const pages = htmlPages(served.site.dir);
    expect(pages).toContain("playground.html");
    if (served.site.html) for (const p of ["index.html", "compare.html"]) expect(pages).toContain(p);
    const problems: string[] = [];
    for (const rel of pages) {
      const w = await visit(rel);
      byPage.set(rel, await facts(w.page));
      for (const e of w.errors) problems.push(`${rel}: ${e}`);
      for (const u of w.outside) problems.push(`${rel}: request outside the site: ${u}`);
      for (const d of w.dialogs) problems.push(`${rel}: dialog ${d}`);
      await w.page.context().close();
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("every link and anchor between the pages resolves (link checker)", async () => {
    if (byPage.size === 0) for (const rel of htmlPages(served.site.dir)) {
      const w = await visit(rel);
      byPage.set(rel, await facts(w.page));
      await w.page.context().close();
    }
    const broken: string[] = [];
    let checked = 0;
    for (const [rel, f] of byPage) {
      for (const { attr, url } of f.refs) {
        if (!url.startsWith(`${served.server.origin}/`)) continue; // links out of the site are never fetched (the first test forbids requests)
        const u = new URL(url);
        const target = decodeURIComponent(u.pathname).replace(/^\//, "") || "index.html";
        checked++;
        const file = path.join(served.site.dir, target);
        if (!existsSync(file) || statSync(file).isDirectory()) {
          broken.push(`${rel}: ${attr} → ${target} does not exist`);
          continue;
        }
        if (u.hash.length > 1 && target.endsWith(".html")) {
          const id = decodeURIComponent(u.hash.slice(1));
          const t = byPage.get(target);
          // The playground's fragment carries a shared charter, not an anchor.
          if (target === "playground.html" && id.startsWith("c=")) continue;
          if (!t?.ids.includes(id)) broken.push(`${rel}: ${attr} → ${target}#${id}: no such anchor`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(byPage.size);
  }, 240_000);

  it("the index, a charter page, a federation page, compare and the playground have no serious or critical axe-core violation", async () => {
    const pages = htmlPages(served.site.dir);
    const pick = (re: RegExp) => pages.find((p) => re.test(p));
    const targets = served.site.html
      ? [pick(/^index\.html$/), pick(/free-commons[^/]*\.html$/), pick(/cascadia-confederacy[^/]*\.html$/), pick(/^compare\.html$/), "playground.html"]
      : ["playground.html"];
    expect(targets.every((t) => t !== undefined)).toBe(true);
    const report: string[] = [];
    for (const rel of targets as string[]) {
      const w = await visit(rel);
      for (const v of await seriousViolations(w.page)) report.push(`${rel}: ${v.impact} ${v.id} — ${v.help} at ${v.nodes.slice(0, 3).join(", ")}`);
      if (rel === "index.html") await w.page.screenshot({ path: artifact("site-index.png"), fullPage: true });
      if (/free-commons/.test(rel)) await w.page.screenshot({ path: artifact("site-charter.png"), fullPage: true });
      await w.page.context().close();
    }
    expect(report).toEqual([]);
  }, 240_000);
});

describe.skipIf(!HAVE_CHROMIUM)("a site built from hostile charters", () => {
  const served = useSite("charters", path.resolve("test/browser/fixtures/hostile"));

  it("runs nothing and injects nothing on any page: no script, handler, javascript: URL, foreign element or dialog", async () => {
    const problems: string[] = [];
    const pages = htmlPages(served.site.dir).filter((p) => p !== "playground.html"); // the playground's hostile test is in playground.test.ts
    if (served.site.html) expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const rel of pages) {
      const w = await watchedPage(browser, served.server.origin);
      await w.page.goto(`${served.server.origin}/${rel}`, { waitUntil: "load" });
      problems.push(...(await injected(w.page, served.server.origin)).map((p) => `${rel}: ${p}`));
      for (const e of w.errors) problems.push(`${rel}: ${e}`);
      for (const u of w.outside) problems.push(`${rel}: request outside the site: ${u}`);
      for (const d of w.dialogs) problems.push(`${rel}: dialog ${d}`);
      // Bidi and control characters do not reach the page's text raw (they could reorder what a reader sees).
      const raw = await w.page.evaluate(() => document.body.textContent ?? "");
      if (/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(raw)) problems.push(`${rel}: raw bidi or control character in the text`);
      // The hostile text is shown as text.
      if (/hostile/.test(rel)) expect(await w.page.textContent("body")).toContain("<script>window.__pwned=1</script>");
      await w.page.context().close();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
