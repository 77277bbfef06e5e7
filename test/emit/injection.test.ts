// User text cannot create HTML elements, links or headings in the generated
// constitution: the page is rendered with markdown-it (CommonMark, raw HTML
// allowed) and the HTML inspected.
import fs from "node:fs";
import MarkdownIt from "markdown-it";
import { expect, test } from "vitest";
import { emitMarkdown } from "../../src/emit/markdown.js";
import { csvField, escapeMarkdown, escapeMarkdownInline } from "../../src/emit/escape.js";
import { toIgCsv } from "../../src/emit/ig.js";
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

/** RFC 4180 fields, row by row (enough for the emitter's output). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /[,\r]/.exec(text.slice(i));
      const end = m ? i + m.index : text.length;
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

test("user text cannot become a spreadsheet formula in the Institutional Grammar CSV", () => {
  const formula = '=HYPERLINK(""https://evil.example"",""x"")';
  const text = `charter "x" {
  membership { eligibility: "+1+cmd|' /C calc'!A0" admission: open }
  exit { approval: none penalty: "${formula.replace(/""/g, '\\"')}" retains: property }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast appeal: to "-2+3" }
  amendments { by: ordinary }
  disputes { by: "\t=1+1" appeal: to "@SUM(1+1)" }
}`;
  const r = checkText(text, "csv.charter");
  const f = r.files[0]!;
  expect(f.diagnostics.filter((d) => d.severity === "error" && !d.rule)).toEqual([]);
  const rows = parseCsv(toIgCsv(f.charter!));
  expect(rows.length).toBeGreaterThan(5);
  const cells = rows.flat();
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  // The text is kept, behind the quote.
  expect(cells).toContain(`'=HYPERLINK("https://evil.example","x")`);
  expect(cells.some((c) => c.includes("+1+cmd|' /C calc'!A0"))).toBe(true);
  expect(csvField("-")).toBe("'-");
  expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
  expect(csvField("a-b")).toBe("a-b");
});
