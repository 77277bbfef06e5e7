// An allowlist HTML sanitizer for the HTML the playground shows that was
// rendered from Markdown (hover text from the language server, the
// constitution preview). The generated Markdown already escapes user text;
// this is the second wall: only harmless elements survive, no attribute but
// a checked `href`, `id`, `class` and `align`, and links only to `#anchors` or http(s).
const ALLOWED = new Set([
  "a", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s",
  "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
/** Elements dropped together with their content. */
const DROP = new Set(["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript", "textarea", "title", "xmp", "noembed", "noframes"]);

function safeHref(href: string): string | null {
  const h = href.trim();
  if (h.startsWith("#")) return h;
  return /^https?:\/\//i.test(h) ? h : null;
}

function clean(src: Node, doc: Document, out: Node): void {
  for (const child of Array.from(src.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.appendChild(doc.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = el.localName.toLowerCase();
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      clean(el, doc, out); // keep the text, drop the element
      continue;
    }
    const copy = doc.createElement(tag);
    for (const name of ["id", "class", "align"]) {
      const v = el.getAttribute(name);
      if (v !== null && /^[\w\- ]{0,200}$/.test(v)) copy.setAttribute(name, v);
    }
    if (tag === "a") {
      const href = safeHref(el.getAttribute("href") ?? "");
      if (href) {
        copy.setAttribute("href", href);
        if (!href.startsWith("#")) copy.setAttribute("rel", "noopener noreferrer nofollow");
      }
    }
    // A code block may scroll sideways: keyboard users must be able to reach it.
    if (tag === "pre") copy.setAttribute("tabindex", "0");
    clean(el, doc, copy);
    out.appendChild(copy);
  }
}

/** A fragment holding only the allowed structure of `html` (parsed inertly: no script runs, no resource loads). */
export function sanitizeToFragment(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  const frag = doc.createDocumentFragment();
  clean(parsed.body, doc, frag);
  return frag;
}

/** The same, serialised (for APIs that take an HTML string). */
export function sanitizeHtml(html: string): string {
  const box = document.createElement("div");
  box.appendChild(sanitizeToFragment(html));
  return box.innerHTML;
}
