// The playground in a real browser (Debian chromium, headless): the language
// server runs in its Web Worker and everything the page shows comes from it.
// Each test drives the page as a user would — keyboard, mouse, buttons — and
// fails on any console error, page error, dialog or request off the site.
import { mkdtempSync, readFileSync, rmSync, copyFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../../scripts/build-web.mjs";
import { encodeShare } from "../../src/web/share.js";
import { HAVE_CHROMIUM, SKIP_REASON, artifact, injected, launch, seriousViolations, serve, watchedPage, type StaticServer, type Watched } from "./harness.js";

if (!HAVE_CHROMIUM) console.warn(SKIP_REASON);

const FREE_COMMONS = readFileSync("charters/free-commons.charter", "utf8");

interface Handle {
  view: { state: { doc: { toString(): string; length: number } }; dispatch(tr: unknown): void; focus(): void; coordsAtPos(pos: number): { left: number; top: number; bottom: number } | null };
  probe: { published: number; lastDiagnostics: { code: string; message: string; line: number }[] };
  path: string;
}

describe.skipIf(!HAVE_CHROMIUM)("the playground in chromium", () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  const open: Watched[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "charterc-web-"));
    await buildWeb({ out: dir, quiet: true });
    server = await serve(dir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open the playground (optionally at a fragment) and wait until the server's first diagnostics are shown. */
  async function openPlayground(fragment = ""): Promise<Watched> {
    const w = await watchedPage(browser, server.origin);
    open.push(w);
    await w.page.goto(`${server.origin}/playground.html${fragment}`);
    await w.page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    await w.page.waitForFunction(() => (window as unknown as { charterPlayground: Handle }).charterPlayground.probe.published > 0, null, { timeout: 30_000 });
    return w;
  }

  const text = (page: Page) => page.evaluate(() => (window as unknown as { charterPlayground: Handle }).charterPlayground.view.state.doc.toString());

  /** Select the `nth` occurrence of `needle` in the editor (the keyboard then replaces it). */
  async function select(page: Page, needle: string, nth = 0): Promise<number> {
    return page.evaluate(
      ([needle, nth]) => {
        const pg = (window as unknown as { charterPlayground: Handle }).charterPlayground;
        const t = pg.view.state.doc.toString();
        let at = -1;
        for (let i = 0; i <= (nth as number); i++) at = t.indexOf(needle as string, at + 1);
        if (at < 0) throw new Error(`no ${needle as string} in the editor`);
        pg.view.dispatch({ selection: { anchor: at, head: at + (needle as string).length }, scrollIntoView: true });
        pg.view.focus();
        return at;
      },
      [needle, nth] as const,
    );
  }

  /** Wait until a diagnostic with `code` (and a message holding `part`) is shown — or, with present false, none with `code` is. */
  async function diagnosticsWhere(page: Page, code: string, present = true, part = ""): Promise<{ code: string; message: string; line: number }[]> {
    // A function, not a string: the page's CSP refuses eval.
    await page.waitForFunction(
      ([code, present, part]) =>
        (window as unknown as { charterPlayground: Handle }).charterPlayground.probe.lastDiagnostics.some((d) => d.code === code && d.message.includes(part as string)) === present,
      [code, present, part] as const,
      { timeout: 15_000 },
    );
    return page.evaluate(() => (window as unknown as { charterPlayground: Handle }).charterPlayground.probe.lastDiagnostics);
  }

  function clean(w: Watched): void {
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    expect(w.dialogs).toEqual([]);
  }

  it("loads an example, shows the server's verdicts, exit cost, code lens and constitution; nothing leaves the page", async () => {
    const w = await openPlayground();
    const { page } = w;
    expect(await text(page)).toBe(FREE_COMMONS);
    await page.waitForSelector("#verdicts li", { timeout: 15_000 });
    expect(await page.locator("#verdicts li").count()).toBe(14);
    expect(await page.textContent("#lens")).toContain("14/14 properties hold");
    expect(await page.textContent("#exit")).toContain("no one (it cannot be changed)");
    expect(await page.textContent("#constitution h1")).toBe("Free Commons of Cascadia");
    // Highlighting from the server's semantic tokens.
    await page.waitForSelector(".cm-content .tok-keyword");
    // Every example is offered, federations included.
    const options = await page.locator("#example option").allTextContents();
    expect(options).toContain("federations/cascadia-confederacy.charter");
    expect(options).toContain("free-commons.charter");
    await page.screenshot({ path: artifact("playground.png") });
    if (process.env.CHARTERC_UPDATE_SCREENSHOTS === "1") {
      mkdirSync("docs/images", { recursive: true });
      copyFileSync(artifact("playground.png"), "docs/images/playground.png");
    }
    clean(w);
  });

  it("a typo shows the diagnostic with its did-you-mean, and the quick fix applies", async () => {
    const w = await openPlayground();
    const { page } = w;
    const at = await select(page, "threshold", 0);
    await page.keyboard.type("treshold");
    const diags = await diagnosticsWhere(page, "CH0101", true, "`treshold`");
    const typo = diags.find((d) => d.code === "CH0101")!;
    expect(typo.message).toBe("unknown field `treshold` in `decision ordinary`");
    // The lint panel (Ctrl-Shift-M) lists it with the help line and the fix button.
    await page.keyboard.press("Control+Shift+M");
    const panel = page.locator(".cm-panel-lint");
    await panel.waitFor();
    const entry = panel.locator("li", { hasText: "CH0101" });
    await expect.poll(() => entry.textContent()).toContain("help: did you mean `threshold`?");
    await entry.locator("button", { hasText: "Change to `threshold`" }).click();
    await expect.poll(() => text(page)).toBe(FREE_COMMONS);
    await diagnosticsWhere(page, "CH0101", false);
    expect(at).toBeGreaterThan(0);
    clean(w);
  });

  it("hover over a decision shows its coalition cost", async () => {
    const w = await openPlayground();
    const { page } = w;
    const at = await select(page, "decision expel");
    const coords = await page.evaluate((pos) => {
      const pg = (window as unknown as { charterPlayground: Handle }).charterPlayground;
      pg.view.dispatch({ selection: { anchor: 0 } });
      return pg.view.coordsAtPos(pos);
    }, at + "decision ".length + 2);
    expect(coords).not.toBeNull();
    await page.mouse.move(coords!.left + 1, (coords!.top + coords!.bottom) / 2);
    const tip = page.locator(".cm-tooltip-hover");
    await tip.waitFor({ timeout: 10_000 });
    const t = await tip.textContent();
    expect(t).toContain("decision expel");
    expect(t).toMatch(/coalition:.*carried by/s);
    clean(w);
  });

  it("formatting restores the canonical layout (Format button and Shift-Alt-F)", async () => {
    const w = await openPlayground();
    const { page } = w;
    await select(page, '  version: "1.2.0"');
    await page.keyboard.type('version:"1.2.0"');
    await select(page, "  body assembly { members: all members }");
    await page.keyboard.type("body   assembly{members:all members}");
    expect(await text(page)).not.toBe(FREE_COMMONS);
    await page.click("#format");
    await expect.poll(() => text(page), { timeout: 15_000 }).toBe(FREE_COMMONS);
    await select(page, "  exit {");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("      ");
    await page.keyboard.press("Shift+Alt+f");
    await expect.poll(() => text(page), { timeout: 15_000 }).toBe(FREE_COMMONS);
    clean(w);
  });

  it("completion offers the section's fields", async () => {
    const w = await openPlayground();
    const { page } = w;
    await select(page, "admission: open");
    await page.keyboard.type("admission: ");
    await page.keyboard.type("o");
    const list = page.locator(".cm-tooltip-autocomplete");
    await list.waitFor({ timeout: 10_000 });
    expect(await list.textContent()).toContain("open");
    clean(w);
  });

  it("the verdict panel follows the text: weakening exit shows who can undo it and the path", async () => {
    const w = await openPlayground();
    const { page } = w;
    await select(page, "amendable: never", 0);
    await page.keyboard.type("amendable: by ordinary");
    await expect.poll(() => page.textContent("#exit"), { timeout: 15_000 }).toContain("Cheapest path: exit → ");
    expect(await page.textContent("#exit")).not.toContain("no one");
    expect(await page.textContent("#verdicts li.fails")).toContain("exit-");
    expect(await page.textContent("#lens")).toContain("✘ exit entrenched");
    clean(w);
  });

  it("a shared link reopens the same text and file, in a new page", async () => {
    const w = await openPlayground();
    const { page } = w;
    await page.selectOption("#example", "charters/federations/delian-league.charter");
    await expect.poll(() => text(page)).toBe(readFileSync("charters/federations/delian-league.charter", "utf8"));
    await select(page, "// ", 0);
    await page.keyboard.type("// shared from the playground — ünïcödé ✔ \u05d0 ");
    const edited = await text(page);
    await page.click("#share");
    const link = await page.inputValue("#share-url");
    expect(link.startsWith(`${server.origin}/playground.html#c=`)).toBe(true);
    const again = await openPlayground(link.slice(link.indexOf("#")));
    expect(await text(again.page)).toBe(edited);
    expect(await again.page.evaluate(() => (window as unknown as { charterPlayground: Handle }).charterPlayground.path)).toBe("charters/federations/delian-league.charter");
    // Imports resolve from where the shared file lives: no unresolved-import error.
    const diags = await again.page.evaluate(() => (window as unknown as { charterPlayground: Handle }).charterPlayground.probe.lastDiagnostics);
    expect(diags.filter((d) => /cannot be read|not found|missing/.test(d.message))).toEqual([]);
    clean(w);
    clean(again);
  });

  it("a damaged or hostile fragment opens the default example", async () => {
    const w = await openPlayground("#c=AAAA-not-deflate");
    expect(await text(w.page)).toBe(FREE_COMMONS);
    clean(w);
  });

  it("a hostile charter runs nothing and injects nothing: panels, constitution, hover and lint panel stay inert", async () => {
    // The fixture without its federation (not bundled in the playground), so every panel renders.
    const hostile = readFileSync("test/browser/fixtures/hostile/charters/hostile.charter", "utf8")
      .replace(/^import .*$/m, "")
      .replace(/\n  member of league \{[^}]*\}/, "");
    const w = await openPlayground(`#${encodeShare({ path: "charters/hostile.charter", text: hostile })}`);
    const { page } = w;
    expect(await text(page)).toBe(hostile);
    await page.waitForSelector("#constitution h1", { timeout: 15_000 });
    expect(await page.textContent("#constitution h1")).toContain("<script>window.__pwned=1</script>");
    // Hover the charter's name (its verdicts, rendered from Markdown) and open the lint panel.
    const at = await select(page, "<script>window.__pwned=1</script><img");
    const coords = await page.evaluate((pos) => (window as unknown as { charterPlayground: Handle }).charterPlayground.view.coordsAtPos(pos), at + 3);
    await page.mouse.move(coords!.left + 1, (coords!.top + coords!.bottom) / 2);
    const tip = page.locator(".cm-tooltip-hover");
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.textContent()).toContain("<script>window.__pwned=1</script><img src=x onerror=");
    await page.keyboard.press("Control+Shift+M");
    await page.locator(".cm-panel-lint").waitFor();
    expect(await injected(page, server.origin)).toEqual([]);
    // Bidi and control characters from the charter do not reach the panels' text raw.
    const panels = await page.evaluate(() => ["#lens", "#exit", "#verdicts", "#constitution"].map((s) => document.querySelector(s)!.textContent ?? "").join("\n"));
    expect(panels).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    clean(w);
  });

  it("has no serious or critical accessibility violation (axe-core)", async () => {
    const w = await openPlayground();
    await w.page.waitForSelector("#verdicts li");
    const violations = await seriousViolations(w.page);
    expect(violations).toEqual([]);
    clean(w);
  });

  it("from file:// it explains that the worker needs a web server", async () => {
    const w = await watchedPage(browser, "file://");
    await w.page.goto(pathToFileURL(path.join(dir, "playground.html")).href);
    await expect.poll(() => w.page.textContent("#status"), { timeout: 15_000 }).toMatch(/Serve this folder over http/);
    expect(await w.page.getAttribute("#status", "data-kind")).toBe("error");
    expect(w.dialogs).toEqual([]);
  });

  afterAll(async () => {
    for (const w of open) await w.page.context().close().catch(() => {});
  });
});
