// Rich text: the words of the constitution as data, rendered to Markdown or
// HTML. A plain string is *charter text* (escaped by each renderer); `{ g }`
// is text charterc wrote itself; `{ code }` is an identifier; `{ href }` an
// internal link to an article (`#decision-expel`). The words are written once
// (src/emit/words.ts) and both output formats render the same values, so the
// Markdown and the HTML say the same sentences.
import { code as mdCode, escapeMarkdownInline, escapeText } from "./escape.js";
import { escapeHtml } from "./html/escape.js";

export type Inline = string | { readonly g: string } | { readonly code: string } | { readonly href: string; readonly text: Rich };
export type Rich = readonly Inline[];
export type Part = Inline | Rich | null | undefined | false;

function push(out: Inline[], p: Part): void {
  if (p === null || p === undefined || p === false) return;
  if (Array.isArray(p)) {
    for (const x of p as Rich) out.push(x);
    return;
  }
  out.push(p as Inline);
}

/** Generated text with interpolated parts: r`Decided by ${bodyRef}.` — a string interpolation is charter text. */
export function r(strings: TemplateStringsArray, ...parts: Part[]): Rich {
  const out: Inline[] = [];
  strings.forEach((s, i) => {
    if (s) out.push({ g: s });
    if (i < parts.length) push(out, parts[i]);
  });
  return out;
}

/** Generated text. */
export const g = (s: string): Inline => ({ g: s });
/** An identifier. */
export const code = (s: string): Inline => ({ code: s });
/** A link to an anchor on the same page. */
export const link = (href: string, text: Rich): Inline => ({ href, text });

export function cat(...parts: Part[]): Rich {
  const out: Inline[] = [];
  for (const p of parts) push(out, p);
  return out;
}

export function join(items: readonly Rich[], sep: string): Rich {
  const out: Inline[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push({ g: sep });
    for (const x of it) out.push(x);
  });
  return out;
}

/** "a", "a and b", "a, b, and c". */
export function list(items: readonly Rich[]): Rich {
  if (items.length <= 1) return items[0] ?? [];
  return cat(join(items.slice(0, -1), ", "), g(items.length > 2 ? ", and " : " and "), items[items.length - 1]);
}

/** The generated text of an inline, or null for charter text and links. */
function textOf(x: Inline): string | null {
  return typeof x === "string" ? x : "g" in x ? x.g : "code" in x ? x.code : null;
}

/** Upper-cases the first letter of the first piece when it is text. */
export function capitalize(rich: Rich): Rich {
  const first = rich[0];
  if (first === undefined) return rich;
  if (typeof first === "string") return first.length === 0 ? rich : [first[0]!.toUpperCase() + first.slice(1), ...rich.slice(1)];
  if (!("g" in first) || first.g.length === 0) return rich;
  return [{ g: first.g[0]!.toUpperCase() + first.g.slice(1) }, ...rich.slice(1)];
}

/** A sentence: trimmed, capitalised, ending with a full stop unless it ends with punctuation. */
export function sentence(rich: Rich): Rich {
  const items = [...rich];
  const first = items[0];
  if (typeof first === "string") items[0] = first.trimStart();
  else if (first !== undefined && "g" in first) items[0] = { g: first.g.trimStart() };
  const last = items[items.length - 1];
  if (last === undefined) return items;
  if (typeof last === "string") items[items.length - 1] = last.trimEnd();
  else if ("g" in last) items[items.length - 1] = { g: last.g.trimEnd() };
  const end = textOf(items[items.length - 1]!);
  const out = capitalize(items);
  return end !== null && /[.!?]$/.test(end) ? out : cat(out, g("."));
}

/** The text a reader sees, without markup (titles of pages, `title` attributes, tests). */
export function plain(rich: Rich): string {
  let s = "";
  for (const x of rich) s += typeof x === "string" ? x : "g" in x ? x.g : "code" in x ? x.code : plain(x.text);
  return s;
}

/** Markdown: charter text escaped, identifiers as code spans, links to anchors. */
export function toMarkdown(rich: Rich): string {
  let s = "";
  rich.forEach((x, i) => {
    // Charter text keeps its spaces (it sits between other pieces); only the first piece can start a line.
    if (typeof x === "string") s += i === 0 ? escapeMarkdownInline(x) + (/[ \t]$/.test(x) ? " " : "") : escapeText(x.replace(/\s*[\r\n]+\s*/g, " "));
    else if ("g" in x) s += x.g;
    else if ("code" in x) s += mdCode(x.code);
    else s += `[${toMarkdown(x.text)}](${x.href})`;
  });
  return s;
}

/** HTML: every piece escaped; links only to anchors and pages of the site (`href` is generated, never charter text). */
export function toHtml(rich: Rich): string {
  let s = "";
  for (const x of rich) {
    if (typeof x === "string") s += escapeHtml(x);
    else if ("g" in x) s += escapeHtml(x.g);
    else if ("code" in x) s += `<code>${escapeHtml(x.code)}</code>`;
    else s += `<a href="${escapeHtml(x.href)}">${toHtml(x.text)}</a>`;
  }
  return s;
}
