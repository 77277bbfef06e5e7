// The one Markdown escaper (src/emit/escape.ts), judged by what renderers
// make of its output: markdown-it with `linkify` on (fuzzy links, e-mail
// addresses, bare URLs) and marked (GFM: `www.` and `https://` autolinks,
// e-mail autolinks, strikethrough). User text must come out as the same
// visible text and nothing else — no link, no HTML, no emphasis, no cell
// break — and without backslashes where no markup could form.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
// marked is installed as mermaid's dependency; it is a second, GFM-flavoured renderer.
import { Marked } from "marked";
import { describe, expect, test } from "vitest";
import { code, escapeMarkdown, escapeMarkdownInline, escapeTableCell, escapeText, escapeWithCodeSpans } from "../../src/emit/escape.js";

const linkify = new MarkdownIt({ html: true, linkify: true });
const gfm = new Marked({ gfm: true, async: false });

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The inline renderings of one escaped line, by both renderers. */
const inline = (md: string) => [linkify.renderInline(md), gfm.parseInline(md) as string];

const HOSTILE = [
  "x@evil.com evil.com",
  "see docs.github.io/phish now",
  "www.evil.example and WWW.EVIL.EXAMPLE",
  "https://evil.example/a?b=c http://evil ftp://evil.example",
  "//evil.example/x",
  "mailto:x@evil.example xmpp:x@evil.example",
  "<https://evil.example> <x@evil.example>",
  "[x](javascript:alert(1)) [y][ref] ![i](https://evil.example/t.png)",
  "<script>alert(1)</script> <img src=x onerror=alert(1)> <!-- c -->",
  "&lt;b&gt; &#60;b&#62; &copy;",
  "*em* **strong** _em_ __strong__ ~~del~~ ~del~ `code` $x$",
  "a | b | c",
  "@someone and @org/team",
  "пример.рф xn--e1afmkfd.xn--p1ai",
  "trailing backslash \\",
];

describe("no link, HTML or emphasis from user text", () => {
  test.each(HOSTILE)("inline: %s", (s) => {
    for (const html of inline(escapeMarkdownInline(s))) {
      expect(html).not.toContain("<");
      expect(decode(html)).toBe(s);
    }
  });

  test.each(HOSTILE)("block: %s", (s) => {
    const md = escapeMarkdown(`# heading\n${s}\n\n- ${s}\n> ${s}\n1. ${s}\n---`);
    for (const html of [linkify.render(md), gfm.parse(md) as string]) {
      expect(html.match(/<\/?[a-z][^>]*>/g)!.every((t) => /^<\/?p>$/.test(t))).toBe(true);
      const text = decode(html.replace(/<\/?p>/g, " ")).replace(/\s+/g, " ").trim();
      expect(text).toBe(`# heading ${s} - ${s} > ${s} 1. ${s} ---`.replace(/\s+/g, " "));
    }
  });

  test("a name becomes no mailto: or http: link in any context the emitters use", () => {
    const name = "x@evil.com evil.com docs.github.io/phish";
    const contexts = [
      `# ${escapeMarkdownInline(name)}`,
      `The charter ${escapeMarkdownInline(name)} says so.`,
      `| a | b |\n|---|---|\n| ${escapeTableCell(name)} | ${code(name)} |`,
      `- ${escapeWithCodeSpans(`the charter \`${name}\` ${name}`)}`,
    ];
    for (const md of contexts) {
      for (const html of [linkify.render(md), gfm.parse(md) as string]) {
        expect(html).not.toMatch(/<a |href=/);
        expect(html).toContain("x@evil.com evil.com docs.github.io/phish");
      }
    }
  });

  test("property: any line of Markdown punctuation renders as exactly that text", () => {
    const unit = fc.constantFrom(..."`*_[]()<>&|~$@.:#!-+=\\/ \"'{}^%;?,abcwxy019é@".split(""), "www.", "http", "mailto:", ".com", "&amp;", "&#");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        const want = s.trim();
        for (const html of inline(escapeMarkdownInline(s))) {
          expect(html).not.toContain("<");
          expect(decode(html)).toBe(want);
        }
      }),
      { numRuns: 800 },
    );
  });

  test("property: a table cell never splits, and shows its text", () => {
    const unit = fc.constantFrom(..."|\\`*_[]<>& ab-#1.".split(""));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""), (s) => {
        const md = `| h | i |\n|---|---|\n| ${escapeTableCell(s)} | ${code(s)} |`;
        for (const html of [linkify.render(md), gfm.parse(md) as string]) {
          const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
          expect(cells.length).toBe(2);
          expect(decode(cells[0]!)).toBe(s.trim());
          // A code span shows its text exactly; text with a pipe is escaped text, trimmed like any cell.
          expect(decode(cells[1]!.replace(/<\/?code>/g, ""))).toBe(s.includes("|") ? s.trim() : s);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("control characters never reach the page", () => {
    const s = "a\u0000b\u001b[31mc\u0007d\u009be";
    expect(escapeMarkdownInline(s)).toBe("a\ufffdb\ufffd\\[31mc\ufffdd\ufffde");
    expect(code(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(escapeMarkdown(`x\u0000\ny`)).toBe("x\ufffd\ny");
  });
});

describe("only what can form markup is escaped", () => {
  test("versions, dates, abbreviations, identifiers and sentences stay as written", () => {
    for (const s of ["1.0.0", "v1.2.3-rc.1", "e.g. i.e. etc.", "free_commons", "2/3 of votes cast", "30 days", "(not stated) → taxation", 'charter "Free Commons"', "10:30", "a & b", "a > b", "3 + 4 = 7", "50% quorum!", "x.y"]) {
      expect(escapeMarkdownInline(s)).toBe(s);
    }
  });

  test("what could form markup is escaped, and only that", () => {
    expect(escapeMarkdownInline("evil.com")).toBe("evil\\.com");
    expect(escapeMarkdownInline("x@y.org")).toBe("x\\@y\\.org");
    expect(escapeMarkdownInline("https://a")).toBe("https\\://a");
    expect(escapeMarkdownInline("_x_ a_b")).toBe("\\_x\\_ a_b");
    expect(escapeMarkdownInline("&amp; &")).toBe("\\&amp; &");
    expect(escapeMarkdownInline("# a")).toBe("\\# a");
    expect(escapeMarkdownInline("a #")).toBe("a \\#");
    expect(escapeMarkdownInline("- a")).toBe("\\- a");
    expect(escapeMarkdownInline("12. a")).toBe("12\\. a");
    expect(escapeMarkdown("a\n===\nb\n   - c")).toBe("a\n\\===\nb\n\\- c");
  });

  test("a heading keeps a trailing #", () => {
    for (const html of [linkify.render(`## ${escapeMarkdownInline("Room #")}`), gfm.parse(`## ${escapeMarkdownInline("Room #")}`) as string]) {
      expect(html).toContain("<h2>Room #</h2>");
    }
  });
});

describe("code spans", () => {
  test("identifiers and values render as code, whatever they contain", () => {
    for (const s of ["exit-guaranteed", "by ordinary", "a`b", "``x", "x`", " padded ", "<b>", "[x](y)", "evil.com", "x@evil.com"]) {
      for (const html of inline(code(s))) expect(html).toBe(`<code>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</code>`);
    }
    expect(code("")).toBe("");
    // A pipe cannot sit in a code span that may land in a table: escaped text instead.
    expect(code("a|b")).toBe("a\\|b");
  });

  test("a message's backticked parts become code, the rest escaped text", () => {
    const m = "leaving needs approval `by ordinary`, so a member at x@evil.com cannot leave on their own; notice `5 years`";
    for (const html of inline(escapeWithCodeSpans(m))) {
      expect(html).toBe("leaving needs approval <code>by ordinary</code>, so a member at x@evil.com cannot leave on their own; notice <code>5 years</code>");
    }
    // An unpaired backtick: all plain text.
    for (const html of inline(escapeWithCodeSpans("a `b"))) expect(html).toBe("a `b");
    expect(escapeText(" a_ ")).toBe(" a\\_ ");
  });
});

describe("the published constitution (issue 12 item 10)", () => {
  test("a name with an e-mail address and a preamble with a bare domain make no links, after prettier's layout too", async () => {
    const { checkText } = await import("../helpers/memory-host.js");
    const { emitMarkdown, renderMarkdown } = await import("../../src/emit/markdown.js");
    const text = `charter "x@evil.com evil.com" {
  preamble: """
    Read docs.github.io/phish or www.evil.example, write to x@evil.com,
    see https://evil.example/a and //evil.example/b.
  """
  membership { eligibility: "write to x@evil.com" admission: open }
  exit { approval: none retains: property }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  amendments { by: ordinary }
}`;
    const f = checkText(text, "phish.charter").files[0]!;
    expect(f.diagnostics.filter((d) => d.severity === "error" && !d.rule)).toEqual([]);
    for (const md of [renderMarkdown({ charter: f.charter!, properties: f.properties }), await emitMarkdown({ charter: f.charter!, properties: f.properties })]) {
      for (const html of [linkify.render(md), gfm.parse(md) as string]) {
        for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-z0-9_-]+$/);
        expect(html).not.toMatch(/href="(?!#)/);
        expect(html).toContain("see https://evil.example/a and //evil.example/b.");
        expect(html).toContain("x@evil.com evil.com");
        expect(html).toContain("docs.github.io/phish");
      }
    }
  });
});
