// The source tab: charter text highlighted by the project's own TextMate
// grammar (grammar/charter.tmLanguage.json) with vscode-textmate over the
// Oniguruma WASM build. The caller supplies the WASM bytes and the grammar
// (the CLI reads them from node_modules and the package), so this module does
// no IO and works offline. Every token is HTML-escaped. As editors do for
// very large files, highlighting is bounded: a line longer than
// MAX_TOKENIZED_LINE, and every line once MAX_HIGHLIGHTED_CHARS characters
// have been coloured, is shown escaped but not highlighted (tokenizing costs
// 20–70 µs a line, so a 40,000-line charter would otherwise spend more on
// colours than `check` spends on the whole analysis). Real charters — a few
// hundred lines — are coloured in full.
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { escapeHtml } from "./escape.js";

export const MAX_TOKENIZED_LINE = 10_000;
export const MAX_HIGHLIGHTED_CHARS = 60_000;
const MAX_STATES = 32;
const MAX_CACHED_LINES = 50_000;

export interface Highlighter {
  /** One HTML string per source line (no line terminators), every token escaped; `highlighted` lines are coloured. */
  highlight(text: string): { readonly lines: string[]; readonly highlighted: number };
}

let onig: Promise<textmate.IOnigLib> | null = null;

function onigLib(wasm: Uint8Array): Promise<textmate.IOnigLib> {
  // An instantiator, not the bytes: given bytes, the loader first asks whether
  // they are a `Response`, and touching that global makes Node 20 load its
  // whole fetch implementation (~0.15 s).
  onig ??= oniguruma.loadWASM({ instantiator: (imports) => WebAssembly.instantiate(wasm as Uint8Array<ArrayBuffer>, imports) }).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  return onig;
}

/**
 * Scope selectors → CSS class, as a TextMate theme: each class gets a
 * stand-in colour, and the tokenizer's binary output (tokenizeLine2) carries
 * the colour index of every token, so no scope list is built per token.
 */
export const TOKEN_CLASSES: readonly (readonly [string, string])[] = [
  ["comment", "tm-comment"],
  ["punctuation.definition.comment", "tm-comment"],
  ["string", "tm-string"],
  ["constant.character.escape", "tm-escape"],
  ["constant", "tm-constant"],
  ["keyword", "tm-keyword"],
  ["storage", "tm-keyword"],
  ["entity.name", "tm-entity"],
  ["variable.other.property", "tm-property"],
  ["variable", "tm-variable"],
  ["invalid", "tm-invalid"],
];

const FOREGROUND_MASK = 0xff8000;
const FOREGROUND_OFFSET = 15;

export async function createHighlighter(wasm: Uint8Array, grammarJson: string): Promise<Highlighter> {
  const registry = new textmate.Registry({
    onigLib: onigLib(wasm),
    loadGrammar: async (scope) => (scope === "source.charter" ? textmate.parseRawGrammar(grammarJson, "charter.tmLanguage.json") : null),
  });
  const colours = [...new Set(TOKEN_CLASSES.map(([, c]) => c))];
  const colourOf = (cls: string) => `#${(colours.indexOf(cls) + 1).toString(16).padStart(6, "0")}`;
  registry.setTheme({ name: "classes", settings: [{ settings: { foreground: "#000000", background: "#ffffff" } }, ...TOKEN_CLASSES.map(([scope, cls]) => ({ scope, settings: { foreground: colourOf(cls) } }))] });
  const classByIndex = registry.getColorMap().map((c) => {
    const i = parseInt(c.slice(1), 16);
    return i >= 1 && i <= colours.length && c.toLowerCase() === colourOf(colours[i - 1]!) ? colours[i - 1]! : null;
  });
  const grammar = await registry.loadGrammar("source.charter");
  if (!grammar) throw new Error("the charter TextMate grammar did not load");
  // Tokenizing a line depends only on its text and the state before it, and
  // charters repeat lines (`  }`, `    by: assembly`): the coloured HTML and the
  // state after are kept per (state, line), across every file of the build.
  // States are told apart structurally (`equals`, as editors do to stop
  // re-tokenizing); at most MAX_STATES distinct states and MAX_CACHED_LINES
  // lines are kept, past which a line is tokenized as before.
  const states: textmate.StateStack[] = [];
  const stateIndex = new WeakMap<textmate.StateStack, number>();
  const cache: Map<string, { readonly html: string; readonly next: textmate.StateStack }>[] = [];
  let cached = 0;
  const indexOf = (state: textmate.StateStack): number => {
    let i = stateIndex.get(state);
    if (i !== undefined) return i;
    // The first line's state (INITIAL) tokenizes differently from an equal state later (`\A`): never merged.
    i = state === textmate.INITIAL ? -1 : states.findIndex((s) => s.depth === state.depth && s.equals(state));
    if (i < 0 && states.length < MAX_STATES) {
      i = states.length;
      states.push(state);
      cache.push(new Map());
    }
    if (i >= 0) stateIndex.set(state, i);
    return i;
  };
  const tokenize = (line: string, state: textmate.StateStack): { readonly html: string; readonly next: textmate.StateStack } => {
    const r = grammar.tokenizeLine2(line, state);
    const t = r.tokens;
    let html = "";
    // Adjacent tokens of one class become one span.
    for (let k = 0; k < t.length; ) {
      const cls = classByIndex[(t[k + 1]! & FOREGROUND_MASK) >>> FOREGROUND_OFFSET] ?? null;
      const start = t[k]!;
      k += 2;
      while (k < t.length && (classByIndex[(t[k + 1]! & FOREGROUND_MASK) >>> FOREGROUND_OFFSET] ?? null) === cls) k += 2;
      const end = k < t.length ? t[k]! : line.length;
      const piece = escapeHtml(line.slice(start, end));
      html += cls ? `<span class="${cls}">${piece}</span>` : piece;
    }
    return { html, next: r.ruleStack };
  };
  return {
    highlight(text: string) {
      const lines = text.split(/\r\n|\r|\n/);
      const out: string[] = new Array(lines.length);
      let state = textmate.INITIAL;
      let highlighted = 0;
      for (let chars = 0; highlighted < lines.length && chars + lines[highlighted]!.length <= MAX_HIGHLIGHTED_CHARS; highlighted++) chars += lines[highlighted]!.length + 1;
      for (let i = highlighted; i < lines.length; i++) out[i] = escapeHtml(lines[i]!);
      for (let i = 0; i < highlighted; i++) {
        const line = lines[i]!;
        if (line.length > MAX_TOKENIZED_LINE) {
          out[i] = escapeHtml(line);
          continue;
        }
        const si = indexOf(state);
        const byLine = si >= 0 ? cache[si]! : null;
        let hit = byLine?.get(line);
        if (!hit) {
          hit = tokenize(line, state);
          if (byLine && cached < MAX_CACHED_LINES) {
            byLine.set(line, hit);
            cached++;
          }
        }
        out[i] = hit.html;
        state = hit.next;
      }
      return { lines: out, highlighted };
    },
  };
}

/** Plain (escaped) lines, when no highlighter is available. */
export function plainLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeHtml);
}
