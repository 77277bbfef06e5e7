// Highlighting from the language server's semantic tokens (the same tokens
// VS Code colours): requested after each round of diagnostics, decoded with
// the server's legend, and mapped through edits until the next answer.
import { LSPPlugin } from "@codemirror/lsp-client";
import { RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";

const setTokens = StateEffect.define<DecorationSet>();

export const semanticField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setTokens)) return e.value;
    return value.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const marks = new Map<string, Decoration>();
function mark(cls: string): Decoration {
  let m = marks.get(cls);
  if (!m) marks.set(cls, (m = Decoration.mark({ class: cls })));
  return m;
}

/** Ask the server for the tokens of the document as last synced, and show them if it has not changed since. */
export async function refreshSemanticTokens(view: EditorView): Promise<void> {
  const plugin = LSPPlugin.get(view);
  if (!plugin) return;
  const legend = (plugin.client.serverCapabilities?.semanticTokensProvider as { legend?: { tokenTypes: string[]; tokenModifiers: string[] } } | undefined)?.legend;
  if (!legend) return;
  plugin.client.sync();
  const doc = plugin.syncedDoc;
  const res = await plugin.client.request<{ textDocument: { uri: string } }, { data: number[] } | null>("textDocument/semanticTokens/full", { textDocument: { uri: plugin.uri } });
  if (!res || LSPPlugin.get(view) !== plugin || plugin.syncedDoc !== doc) return;
  const builder = new RangeSetBuilder<Decoration>();
  let line = 0;
  let char = 0;
  const d = res.data;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i]!;
    char = d[i] === 0 ? char + d[i + 1]! : d[i + 1]!;
    if (line + 1 > doc.lines) break;
    const l = doc.line(line + 1);
    const from = Math.min(l.from + char, l.to);
    const to = Math.min(from + d[i + 2]!, doc.length);
    if (to <= from) continue;
    const type = legend.tokenTypes[d[i + 3]!] ?? "unknown";
    const mods = legend.tokenModifiers.filter((_, b) => (d[i + 4]! & (1 << b)) !== 0);
    builder.add(from, to, mark(["tok-" + type, ...mods.map((m) => "tok-" + m)].join(" ")));
  }
  const set = builder.finish();
  // Map from the synced document through the edits made since.
  view.dispatch({ effects: setTokens.of(set.map(plugin.unsyncedChanges)) });
}
