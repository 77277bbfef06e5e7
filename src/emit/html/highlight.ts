// The source tab: charter text highlighted by the project's own TextMate
// grammar (grammar/charter.tmLanguage.json) with vscode-textmate over the
// Oniguruma WASM build. The caller supplies the WASM bytes and the grammar
// (the CLI reads them from node_modules and the package), so this module does
// no IO and works offline. Every token is HTML-escaped; a line longer than
// MAX_TOKENIZED_LINE is shown escaped but not highlighted, as editors do, so
// one huge line costs its length and no more.
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { escapeHtml } from "./escape.js";

export const MAX_TOKENIZED_LINE = 10_000;

export interface Highlighter {
  /** One HTML string per source line (no line terminators), every token escaped. */
  highlight(text: string): string[];
}

let onig: Promise<textmate.IOnigLib> | null = null;

function onigLib(wasm: Uint8Array): Promise<textmate.IOnigLib> {
  onig ??= oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  return onig;
}

/** The CSS class of a token: its most specific scope's first two parts (`tm-keyword-other`), or none. */
export function tokenClass(scopes: readonly string[]): string | null {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i]!;
    if (s === "source.charter") return null;
    const parts = s.replace(/\.charter$/, "").split(".");
    if (parts[0] === "punctuation" && parts[1] !== "definition") return null;
    return `tm-${parts.slice(0, 2).join("-").replace(/[^a-z0-9-]/g, "")}`;
  }
  return null;
}

export async function createHighlighter(wasm: Uint8Array, grammarJson: string): Promise<Highlighter> {
  const registry = new textmate.Registry({
    onigLib: onigLib(wasm),
    loadGrammar: async (scope) => (scope === "source.charter" ? textmate.parseRawGrammar(grammarJson, "charter.tmLanguage.json") : null),
  });
  const grammar = await registry.loadGrammar("source.charter");
  if (!grammar) throw new Error("the charter TextMate grammar did not load");
  return {
    highlight(text: string): string[] {
      const lines = text.split(/\r\n|\r|\n/);
      const out: string[] = new Array(lines.length);
      let state = textmate.INITIAL;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (line.length > MAX_TOKENIZED_LINE) {
          out[i] = escapeHtml(line);
          continue;
        }
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        let html = "";
        for (const t of r.tokens) {
          const piece = escapeHtml(line.slice(t.startIndex, t.endIndex));
          const cls = tokenClass(t.scopes);
          html += cls ? `<span class="${cls}">${piece}</span>` : piece;
        }
        out[i] = html;
      }
      return out;
    },
  };
}

/** Plain (escaped) lines, when no highlighter is available. */
export function plainLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeHtml);
}
