// An allowlist HTML sanitizer for the HTML the playground shows that was
// rendered from Markdown (hover text from the language server, the
// constitution preview). The generated Markdown already escapes user text;
// this is the second wall: only harmless elements survive, no attribute but
// a checked `href`, `class` and `align` (and, on request, heading ids), and links only to `#anchors` or http(s).
const ALLOWED = new Set([
  "a", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s",
  "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
/** Elements dropped together with their content. */
const DROP = new Set(["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript", "textarea", "title", "xmp", "noembed", "noframes"]);

/**
 * Bidi controls (which can reorder what a reader sees: "Trojan Source") and
 * C0/C1 control characters from charter text are shown as visible code
 * points, e.g. `⟨U+202E⟩`, wherever the page shows text.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

function safeHref(href: string): string | null {
  const h = href.trim();
  if (h.startsWith("#")) return h;
  return /^https?:\/\//i.test(h) ? h : null;
}

/** GitHub's heading slug (the anchors the constitution's contents link to). */
export function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

export interface SanitizeOptions {
  /**
   * Give headings GitHub-style ids and rewrite in-page links, both with this
   * prefix, so the fragment's anchors resolve without colliding with the
   * page's own ids.
   */
  readonly idPrefix?: string;
}

function clean(src: Node, doc: Document, out: Node, opts: SanitizeOptions = {}, used = new Set<string>()): void {
  for (const child of Array.from(src.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.appendChild(doc.createTextNode(visible(child.textContent ?? "")));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = el.localName.toLowerCase();
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      clean(el, doc, out, opts, used); // keep the text, drop the element
      continue;
    }
    const copy = doc.createElement(tag);
    for (const name of ["class", "align"]) {
      const v = el.getAttribute(name);
      if (v !== null && /^[\w\- ]{0,200}$/.test(v)) copy.setAttribute(name, v);
    }
    if (opts.idPrefix !== undefined && /^h[1-6]$/.test(tag)) {
      const base = opts.idPrefix + slug(el.textContent ?? "");
      let id = base;
      for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      copy.setAttribute("id", id);
    }
    if (tag === "a") {
      let href = safeHref(el.getAttribute("href") ?? "");
      if (href && href.startsWith("#") && opts.idPrefix !== undefined) href = `#${opts.idPrefix}${href.slice(1)}`;
      if (href) {
        copy.setAttribute("href", href);
        if (!href.startsWith("#")) copy.setAttribute("rel", "noopener noreferrer nofollow");
      }
    }
    // A code block may scroll sideways: keyboard users must be able to reach it.
    if (tag === "pre") copy.setAttribute("tabindex", "0");
    clean(el, doc, copy, opts, used);
    out.appendChild(copy);
  }
}

/** A fragment holding only the allowed structure of `html` (parsed inertly). */
export function sanitizeToFragment(html: string, opts: SanitizeOptions = {}, doc: Document = document): DocumentFragment {
  // A <template>'s content belongs to an inert document: nothing in it loads, runs or fires.
  const parsed = doc.createElement("template");
  parsed.innerHTML = html;
  const frag = doc.createDocumentFragment();
  clean(parsed.content, doc, frag, opts);
  return frag;
}

/** The same, serialised (for APIs that take an HTML string). */
export function sanitizeHtml(html: string): string {
  const box = document.createElement("div");
  box.appendChild(sanitizeToFragment(html));
  return box.innerHTML;
}
