// @vitest-environment jsdom
// The playground's allowlist sanitizer for HTML rendered from Markdown.
import { expect, it } from "vitest";
import { sanitizeHtml, sanitizeToFragment, slug, visible } from "../../src/web/sanitize.js";

it("keeps structure and text, drops scripts, handlers, styles, foreign content and unsafe links", () => {
  const html = sanitizeHtml(
    '<h2 style="color:red" onclick="x()">T</h2><p>a <b onmouseover=x>b</b> <img src=x onerror=y> <script>s()</script><style>p{}</style>' +
      '<a href="javascript:x()">j</a> <a href=" JAVASCRIPT:x">k</a> <a href="data:text/html,x">d</a> <a href="#ok">o</a> <a href="https://e.example/">h</a></p>' +
      "<svg onload=x><foreignObject><p>f</p></foreignObject></svg><math><mi>m</mi></math><iframe src=x></iframe><table><tr><td align=left>c</td></tr></table><pre>p</pre>",
  );
  expect(html).toBe(
    '<h2>T</h2><p>a <b>b</b>  <a>j</a> <a>k</a> <a>d</a> <a href="#ok">o</a> <a href="https://e.example/" rel="noopener noreferrer nofollow">h</a></p>' +
      '<table><tbody><tr><td align="left">c</td></tr></tbody></table><pre tabindex="0">p</pre>',
  );
});

it("gives headings prefixed GitHub-style ids and rewrites in-page links to them", () => {
  const box = document.createElement("div");
  box.appendChild(sanitizeToFragment('<h2>Body: assembly</h2><h2>Body: assembly</h2><p><a href="#body-assembly">x</a></p>', { idPrefix: "c-" }));
  expect(box.innerHTML).toBe('<h2 id="c-body-assembly">Body: assembly</h2><h2 id="c-body-assembly-1">Body: assembly</h2><p><a href="#c-body-assembly">x</a></p>');
  expect(slug("Decision: constitutional")).toBe("decision-constitutional");
});

it("shows bidi and control characters as code points", () => {
  expect(visible("a\u202eb\u0007c\u2066d\n\te")).toBe("a⟨U+202E⟩b⟨U+0007⟩c⟨U+2066⟩d\n\te");
  expect(sanitizeHtml("<p>x\u202ey</p>")).toBe("<p>x⟨U+202E⟩y</p>");
});
