// User text cannot create HTML elements, links or headings in the generated
// constitution: the page is rendered with markdown-it (CommonMark, raw HTML
// allowed) and the HTML inspected.
import fs from "node:fs";
import MarkdownIt from "markdown-it";
import { expect, test } from "vitest";
import { emitMarkdown } from "../../src/emit/markdown.js";
import { escapeMarkdown, escapeMarkdownInline } from "../../src/emit/escape.js";
import { checkText } from "../helpers/memory-host.js";

const md = new MarkdownIt("commonmark", { html: true });
const gfm = new MarkdownIt({ html: true, linkify: true });

async function page(): Promise<string> {
  const text = fs.readFileSync("test/emit/fixtures/injection.charter", "utf8");
  const r = checkText(text, "injection.charter");
  const f = r.files[0]!;
  expect(f.diagnostics.filter((d) => d.severity === "error" && !d.rule)).toEqual([]);
  return emitMarkdown({ charter: f.charter!, properties: f.properties });
}

function assertInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|iframe|svg|b|a href="[^#])/i);
  expect(html).not.toMatch(/href="(javascript|data|vbscript|https?|mailto):/i);
  expect(html).not.toMatch(/<[a-z]+[^>]*\s(src|on[a-z]+)=/i);
  expect(html).not.toContain("<!--");
  expect(html).not.toMatch(/<em>not emphasis/);
  // Every link left is one we generated: an in-page anchor of [a-z0-9_-].
  for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-z0-9_-]+$/);
}

test("the hostile charter renders inert in CommonMark and with GFM linkify", async () => {
  const out = await page();
  for (const renderer of [md, gfm]) {
    const html = renderer.render(out);
    assertInert(html);
    // The text is shown, literally.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[x](javascript:alert(1))");
  }
});

test("a leading # in the preamble does not become a heading, nor > a quote, nor - a list", async () => {
  const html = md.render(await page());
  const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => m[2]!);
  expect(headings.some((h) => h.includes("Not a heading"))).toBe(false);
  expect(headings.some((h) => h.includes("heading?"))).toBe(false);
  expect(html).toContain("# Not a heading");
  expect(html).not.toContain("<blockquote>");
  expect(html).not.toMatch(/<li>not a list/);
  expect(html).not.toContain("<hr");
});

test("pipes in user text do not break the tables", async () => {
  const html = gfm.render(await page());
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
  expect(rows.length).toBeGreaterThan(10);
  for (const n of rows) expect(n).toBe(4);
});

test("escaping round-trips to the same visible text", () => {
  const samples = ["a_b*c*", "<x>&amp;", "# h", "1. x", "[a](b)", "x | y", "~~s~~", "$x$", "`c`", "\\", "https://x.y", "www.x.y"];
  for (const s of samples) {
    const html = md.renderInline(escapeMarkdownInline(s));
    const text = html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
    expect(text).toBe(s);
  }
  expect(escapeMarkdown("# a\n- b")).toBe("\\# a\n\\- b");
});
