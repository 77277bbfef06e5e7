// The HTML site (src/emit/html/site.ts) over the example charters and a
// small charter: golden page, same bytes twice, every link and anchor
// resolves inside the site, and every page keeps the strict CSP with no
// inline script, style or handler.
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, test } from "vitest";
import type { Highlighter } from "../../src/emit/html/highlight.js";
import { CSP, hrefFrom, pageOf, type SiteFile } from "../../src/emit/html/site.js";
import { checkFiles } from "../helpers/memory-host.js";
import { exampleCheck } from "./helpers.js";
import { siteOf, testHighlighter } from "./site-helpers.js";

let highlighter: Highlighter;
let site: SiteFile[];
beforeAll(async () => {
  highlighter = await testHighlighter();
  site = siteOf(exampleCheck(), highlighter);
});

const SMALL = `// A small charter for the golden page.
charter "Small & <Simple> Commons" {
  version: "1.0.0"
  jurisdiction: personal
  preamble: """
    We meet as equals. Anyone may go.
  """
  membership { admission: open consent: explicit concurrent: allowed expulsion: none }
  exit { approval: none notice: immediately penalty: none retains: property amendable: never }
  body assembly { members: all members }
  body stewards { members: 3 seats selection: election by ordinary recall: by ordinary term: 1 year }
  decision ordinary { by: assembly quorum: 10% threshold: majority of votes cast }
  amendments { by: ordinary }
  disputes { by: assembly }
}
`;

test("golden page of a small charter (and its index)", async () => {
  const result = checkFiles({ "small.charter": SMALL }, ["small.charter"]);
  const files = siteOf(result, highlighter, /^$/);
  expect(files.map((f) => f.name)).toEqual(["assets/site.css", "assets/site.js", "index.html", "compare.html", "small.html"]);
  await expect(files.find((f) => f.name === "small.html")!.content).toMatchFileSnapshot("golden/site/small.html");
  await expect(files.find((f) => f.name === "index.html")!.content).toMatchFileSnapshot("golden/site/index.html");
});

test("same input, same bytes", () => {
  const again = siteOf(exampleCheck(), highlighter);
  expect(again.map((f) => f.name)).toEqual(site.map((f) => f.name));
  for (let i = 0; i < site.length; i++) expect(again[i]!.content === site[i]!.content, site[i]!.name).toBe(true);
});

test("the example site has an index, compare, a page per charter and the assets", () => {
  const names = site.map((f) => f.name);
  for (const n of ["index.html", "compare.html", "assets/site.css", "assets/site.js", "free-commons.html", "federations/cascadia-confederacy.html"]) expect(names).toContain(n);
  const index = new JSDOM(site.find((f) => f.name === "index.html")!.content).window.document;
  const rows = [...index.querySelectorAll("#charters tbody tr")];
  expect(rows.length).toBe(exampleCheck().files.filter((f) => f.entry && f.charter).length);
  const cascadia = rows.find((r) => r.textContent!.includes("Cascadia Confederacy"))!;
  expect(cascadia.textContent).toMatch(/federation/);
  const free = rows.find((r) => r.querySelector("th")!.textContent === "Free Commons of Cascadia")!;
  expect(free.querySelector("a")!.getAttribute("href")).toBe("free-commons.html");
  expect(free.querySelectorAll(".badge.ok").length).toBe(6);
  expect(free.lastElementChild!.textContent).toBe("no one (it cannot be changed)");
});

describe("every page", () => {
  const pages = () => site.filter((f) => f.name.endsWith(".html"));
  const exists = (name: string) => site.some((f) => f.name === name) || /\.(md|json|ig\.csv)$/.test(name);

  test("links and anchors resolve inside the site", () => {
    const ids = new Map<string, Set<string>>();
    const docs = new Map<string, Document>();
    for (const p of pages()) {
      const doc = new JSDOM(p.content).window.document;
      docs.set(p.name, doc);
      ids.set(p.name, new Set([...doc.querySelectorAll("[id]")].map((e) => e.id)));
    }
    let checked = 0;
    for (const [name, doc] of docs) {
      for (const el of doc.querySelectorAll("[href], [src]")) {
        const url = el.getAttribute("href") ?? el.getAttribute("src")!;
        if (url.startsWith("url(")) continue;
        expect(url, `${name}: ${url}`).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
        const [file, frag] = url.split("#") as [string, string | undefined];
        const target = file === "" ? name : new URL(file, `http://site/${name}`).pathname.slice(1).split("/").map(decodeURIComponent).join("/");
        expect(exists(target), `${name} links to missing ${target}`).toBe(true);
        if (frag !== undefined && target.endsWith(".html")) expect(ids.get(target)!.has(decodeURIComponent(frag)), `${name} → ${target}#${frag}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  test("a strict CSP, scripts and styles only from files, no inline handler or style", () => {
    for (const p of pages()) {
      const doc = new JSDOM(p.content).window.document;
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content"), p.name).toBe(CSP);
      expect(CSP).toMatch(/^default-src 'self';/);
      for (const s of doc.querySelectorAll("script")) expect(s.getAttribute("src"), p.name).toMatch(/^(\.\.\/)*assets\/site\.js$/);
      expect(doc.querySelectorAll("style, [style]").length, p.name).toBe(0);
      for (const el of doc.querySelectorAll("*")) for (const a of el.getAttributeNames()) expect(a.startsWith("on"), `${p.name}: <${el.tagName} ${a}>`).toBe(false);
    }
  });
});

test("a charter page: articles, guarantees, how a failing guarantee could be undone, diagrams as SVG, source lines", () => {
  const doc = new JSDOM(site.find((f) => f.name === "ozark-homestead-compact.html")!.content).window.document;
  expect(doc.querySelector("h1")!.textContent).toBe("Ozark Ridge Homestead Compact");
  expect(doc.querySelector("#exit p")!.textContent).toMatch(/^Article 2\. A member may leave only with approval/);
  expect(doc.querySelector("#g-exit-guaranteed")!.textContent).toMatch(/✘ fails/);
  const steps = [...doc.querySelectorAll("#undo-exit-guaranteed ol.undo li")];
  expect(steps.length).toBeGreaterThanOrEqual(2);
  // Each step links to its article and to its source line.
  expect(steps[0]!.querySelector('a[href="#exit"]')).not.toBeNull();
  const line = steps[0]!.querySelector('a.src')!.getAttribute("href")!;
  expect(doc.querySelector(line)!.textContent).toMatch(/exit \{/);
  expect(doc.querySelectorAll("#diagrams svg").length).toBe(3);
  expect(doc.querySelector("#diagrams svg title")!.textContent).toBe("Who decides, and who selects and recalls each body");
  expect(doc.querySelectorAll("#source .line").length).toBe(exampleCheck().files.find((f) => f.file === "charters/ozark-homestead-compact.charter")!.lines.lineCount);
  expect(doc.querySelector("#source .tm-keyword")).not.toBeNull();
  // A member page links to its federation, whose page lists it back.
  const fedHref = doc.querySelector(".meta a")!.getAttribute("href")!;
  expect(fedHref).toBe("federations/many-flags.html#members");
  const fed = new JSDOM(site.find((f) => f.name === "federations/many-flags.html")!.content).window.document;
  expect([...fed.querySelectorAll("#members a")].map((a) => a.getAttribute("href"))).toContain("../ozark-homestead-compact.html");
  expect(fed.querySelector("#members table")!.textContent).toMatch(/Ozark Ridge Homestead Compact/);
});

test("the compare page has the compare table for every community", () => {
  const doc = new JSDOM(site.find((f) => f.name === "compare.html")!.content).window.document;
  const communities = exampleCheck().files.filter((f) => f.entry && f.charter?.kind === "charter");
  expect(doc.querySelectorAll("#compare thead th").length).toBe(communities.length + 1);
  expect([...doc.querySelectorAll("#compare tbody th")].map((t) => t.textContent)).toContain("cost to amend exit");
});

test("relative links between pages", () => {
  expect(hrefFrom("federations/x.html", "free-commons.html")).toBe("../free-commons.html");
  expect(hrefFrom("index.html", "federations/x.html")).toBe("federations/x.html");
  expect(hrefFrom("a/b.html", "a/c.md")).toBe("c.md");
  expect(hrefFrom("index.html", "my charter#1.html")).toBe("my%20charter%231.html");
  expect(pageOf("index")).toBe("index.charter.html");
});

test("the index sorts by a column when its heading is pressed (assets/site.js), and reads in file order without it", () => {
  const html = site.find((f) => f.name === "index.html")!.content;
  const js = site.find((f) => f.name === "assets/site.js")!.content;
  const dom = new JSDOM(html, { runScripts: "outside-only" });
  const names = () => [...dom.window.document.querySelectorAll("#charters tbody th")].map((t) => t.textContent);
  const before = names();
  dom.window.eval(js);
  const heads = [...dom.window.document.querySelectorAll("#charters thead th")];
  const cost = heads[heads.length - 1]!;
  cost.querySelector("button")!.click();
  expect(cost.getAttribute("aria-sort")).toBe("ascending");
  const ascending = names();
  expect([...ascending].sort()).toEqual([...before].sort());
  // Cheapest exit first: a charter whose exit one member can weaken before one that no one can change.
  const cells = [...dom.window.document.querySelectorAll("#charters tbody tr")].map((r) => r.lastElementChild!.getAttribute("data-sort")!);
  expect(cells).toEqual([...cells].sort((a, b) => parseFloat(a) - parseFloat(b)));
  cost.querySelector("button")!.click();
  expect(cost.getAttribute("aria-sort")).toBe("descending");
  heads[0]!.querySelector("button")!.click();
  expect(names()).toEqual([...before].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase())));
});
