// Hostile charters never inject anything into the site: names, preamble,
// strings (in attributes too), SVG labels and the highlighted source are all
// escaped; bidi and control characters are made visible. Checked by parsing
// every page with jsdom.
import fs from "node:fs";
import { JSDOM } from "jsdom";
import { beforeAll, expect, test } from "vitest";
import type { SiteFile } from "../../src/emit/html/site.js";
import { checkFiles } from "../helpers/memory-host.js";
import { siteOf, testHighlighter } from "./site-helpers.js";

const DIR = "test/emit/fixtures/hostile-site";
let site: SiteFile[];
beforeAll(async () => {
  const files = { "member.charter": fs.readFileSync(`${DIR}/member.charter`, "utf8"), "federations/evil.charter": fs.readFileSync(`${DIR}/federations/evil.charter`, "utf8") };
  const result = checkFiles(files, Object.keys(files));
  expect(result.files.every((f) => f.charter)).toBe(true);
  site = siteOf(result, await testHighlighter(), /^$/);
});

const pages = () => site.filter((f) => f.name.endsWith(".html"));

test("no script but the site's own, no handler, no URL outside the site, no embedded content", () => {
  expect(pages().map((p) => p.name).sort()).toEqual(["compare.html", "federations/evil.html", "index.html", "member.html"]);
  for (const p of pages()) {
    const doc = new JSDOM(p.content).window.document;
    expect([...doc.querySelectorAll("script")].map((s) => s.getAttribute("src")), p.name).toEqual([p.name.includes("/") ? "../assets/site.js" : "assets/site.js"]);
    expect(doc.querySelectorAll("iframe, img, object, embed, foreignObject, style, [style], svg script, form, input, base").length, p.name).toBe(0);
    for (const el of doc.querySelectorAll("*")) {
      for (const a of el.getAttributeNames()) {
        expect(a.startsWith("on"), `${p.name}: <${el.tagName} ${a}>`).toBe(false);
        expect(a, p.name).not.toBe("autofocus");
      }
      for (const a of ["href", "src", "xlink:href", "action", "formaction"]) {
        const v = el.getAttribute(a);
        if (v !== null) expect(v, `${p.name}: ${a}=${v}`).not.toMatch(/^\s*[a-z][a-z0-9+.-]*:|^\/\//i);
      }
    }
    // The only <svg> elements are the diagrams charterc drew.
    for (const svg of doc.querySelectorAll("svg")) expect(svg.getAttribute("class")).toBe("diagram");
  }
});

test("the text arrives as text: names, preamble, attributes, diagram labels and source", () => {
  const member = new JSDOM(site.find((f) => f.name === "member.html")!.content).window.document;
  expect(member.querySelector("h1")!.textContent).toContain("<script>alert('name')</script><img src=x onerror=alert(1)> [home](javascript:alert(1))");
  expect(member.title).toContain("<script>");
  expect(member.querySelector("#preamble")!.textContent).toContain(`"><svg/onload=alert(3)>`);
  expect(member.querySelector("#source")!.textContent).toContain(`penalty: "<img src=x onerror=alert(5)>"`);
  // The federation's name reaches the tie's title and the federation diagram as text.
  expect(member.querySelector("#member-of-evil h3")!.textContent).toContain("<svg onload=alert('fed')>");
  const labels = [...member.querySelectorAll("#diagram-federation svg text, #diagram-federation svg title")].map((t) => t.textContent).join(" ");
  expect(labels).toContain("<svg onload=alert('fed')>");
  const fed = new JSDOM(site.find((f) => f.name === "federations/evil.html")!.content).window.document;
  expect(fed.querySelector("#members a")!.textContent).toContain("<script>alert('name')</script>");
  // Badge titles are attributes: a quote in them does not end them.
  for (const b of member.querySelectorAll(".badge[title]")) expect(b.getAttributeNames().sort()).toEqual(["class", "title"]);
});

test("bidi and control characters are shown, never applied", () => {
  for (const p of pages()) {
    expect(p.content, p.name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  }
  const member = new JSDOM(site.find((f) => f.name === "member.html")!.content).window.document;
  expect(member.querySelector("h1")!.textContent).toContain("⟨U+202E⟩gnp.exe⟨U+202C⟩");
  expect(member.querySelector("h1")!.textContent).toContain("⟨U+0007⟩bell");
});
