// The site's stylesheet and script, written as files (assets/site.css,
// assets/site.js) so the pages need no inline style or script and the
// Content-Security-Policy stays `default-src 'self'`. The script only adds
// sorting to tables marked `sortable`; every page works without it.

export const SITE_CSS = `:root {
  --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --line: #d0d7de; --soft: #f6f8fa;
  --ok: #116329; --ok-bg: #dafbe1; --fail: #a40e26; --fail-bg: #ffebe9; --link: #0550ae;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.5; color: var(--fg); background: var(--bg);
}
body { margin: 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .25rem .5rem; z-index: 2; }
header.site { border-bottom: 1px solid var(--line); background: var(--soft); }
header.site nav { max-width: 72rem; margin: 0 auto; padding: .6rem 1rem; display: flex; gap: 1.25rem; flex-wrap: wrap; }
header.site nav a { font-weight: 600; text-decoration: none; }
header.site nav a[aria-current="page"] { text-decoration: underline; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
footer { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); border-top: 1px solid var(--line); font-size: .875rem; }
h1 { font-size: 2rem; margin: .5rem 0; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.meta { color: var(--muted); }
nav.tabs { display: flex; gap: .25rem; flex-wrap: wrap; border-bottom: 1px solid var(--line); margin: 1.5rem 0 0; }
nav.tabs a { padding: .4rem .8rem; border: 1px solid var(--line); border-bottom: none; border-radius: 6px 6px 0 0; background: var(--soft); text-decoration: none; }
ul.outputs { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge.ok { color: var(--ok); background: var(--ok-bg); border-color: #4ac26b; }
.badge.fail { color: var(--fail); background: var(--fail-bg); border-color: #ff8182; }
.badge.none { color: var(--muted); background: var(--soft); border-color: var(--line); }
ul.badges { list-style: none; padding: 0; display: flex; gap: .4rem; flex-wrap: wrap; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
th button { font: inherit; font-weight: 700; background: none; border: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.table-wrap { overflow-x: auto; }
td.summary { min-width: 18rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .2em; border-radius: 3px; }
section.article h3 { margin-bottom: .25rem; }
a.src { font-size: .8rem; font-weight: 400; margin-left: .5rem; }
ol.undo li { margin: .3rem 0; }
.diagnostics li { margin: .2rem 0; }
.sev-error { color: var(--fail); font-weight: 700; }
.sev-warning { color: #7d4e00; font-weight: 700; }
figure.diagram-figure { margin: 1rem 0; overflow-x: auto; }
svg.diagram { max-width: none; font-family: inherit; }
svg.diagram .node rect { fill: #eef4ff; stroke: #54aeff; stroke-width: 1.2; }
svg.diagram .node.stadium rect { fill: #fff8c5; stroke: #d4a72c; }
svg.diagram .node.round rect { fill: #dafbe1; stroke: #4ac26b; }
svg.diagram text { font-size: 12px; fill: var(--fg); }
svg.diagram .edge path { fill: none; stroke: #57606a; stroke-width: 1.2; }
svg.diagram .edge.dotted path { stroke-dasharray: 4 3; }
svg.diagram .edge text { font-size: 11px; fill: var(--muted); paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
svg.diagram .arrowhead { fill: #57606a; }
pre.source { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .5rem 0; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
pre.source code { background: none; padding: 0; display: block; }
pre.source .line { display: block; padding-right: 1rem; white-space: pre; }
pre.source .line:target { background: #fff8c5; }
pre.source a.ln { display: inline-block; width: 4.5em; padding-right: 1em; text-align: right; color: var(--muted); text-decoration: none; user-select: none; }
pre.source a.ln::before { content: attr(data-n); }
.tm-comment { color: #57606a; font-style: italic; }
.tm-string { color: #0a3069; }
.tm-escape { color: #0550ae; font-weight: 600; }
.tm-constant { color: #0550ae; }
.tm-keyword { color: #cf222e; font-weight: 600; }
.tm-entity { color: #8250df; }
.tm-property { color: #953800; }
.tm-variable { color: #116329; }
.tm-invalid { color: #a40e26; text-decoration: underline wavy; }
.effect-weakens { color: var(--fail); font-weight: 700; }
.effect-strengthens { color: var(--ok); font-weight: 700; }
@media print {
  header.site, nav.tabs, ul.outputs, footer, #source, .skip, a.src { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  section.article, tr, figure { break-inside: avoid; }
  .badge { border-color: currentColor; }
  body { font-size: 11pt; }
}
`;

export const SITE_JS = `// charterc site: sortable tables (progressive; the tables read fine without it).
"use strict";
(function () {
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  }
  function compare(a, b, numeric) {
    if (numeric) return parseFloat(a) - parseFloat(b);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, i) { r.__i = i; });
        rows.sort(function (x, y) {
          var c = compare(key(x.cells[col]), key(y.cells[col]), numeric);
          return (dir === "ascending" ? c : -c) || x.__i - y.__i;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
`;
