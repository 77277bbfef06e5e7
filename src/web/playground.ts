// The playground page (dist/web/playground.html): a CodeMirror 6 editor
// whose every language feature comes from charterc's own language server,
// running in a Web Worker (src/lsp/browser.ts). Diagnostics, hover,
// completion, formatting, quick fixes and the code lens are LSP answers;
// the verdict panel and the constitution preview come from the worker's
// `charterc/playground/report` request over the same check result. The page
// computes nothing about charters itself.
import { autocompletion } from "@codemirror/autocomplete";
import {
  LSPClient,
  LSPPlugin,
  findReferencesKeymap,
  formatDocument,
  formatKeymap,
  hoverTooltips,
  jumpToDefinitionKeymap,
  renameKeymap,
  serverCompletion,
  type Transport,
} from "@codemirror/lsp-client";
import { lintGutter, setDiagnostics, type Action, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, type Text } from "@codemirror/state";
import { EditorView, ViewPlugin, keymap, type ViewUpdate } from "@codemirror/view";
import { basicSetup } from "codemirror";
import {
  EXAMPLES_REQUEST,
  PLAYGROUND_ROOT,
  REPORT_REQUEST,
  type Example,
  type LspCodeAction,
  type LspDiagnostic,
  type LspRange,
  type LspWorkspaceEdit,
  type Report,
} from "./protocol.js";
import { sanitizeHtml, sanitizeToFragment, visible } from "./sanitize.js";
import { refreshSemanticTokens, semanticField } from "./semantic.js";
import { decodeShare, encodeShare, safePath } from "./share.js";
import { startWorker, workerTransport } from "./transport.js";

const ROOT_URI = `file://${PLAYGROUND_ROOT}`;
const DEFAULT_EXAMPLE = "charters/free-commons.charter";

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground.html lacks #${id}`);
  return el as T;
};

const status = $("status");
function say(text: string, kind: "info" | "error" = "info"): void {
  status.textContent = text;
  status.dataset.kind = kind;
}

const uriOf = (path: string): string => `${ROOT_URI}/${path.split("/").map(encodeURIComponent).join("/")}`;

// ── Diagnostics with their quick fixes ──────────────────────────────────

interface Published {
  readonly uri: string;
  readonly version: number | undefined;
  readonly diagnostics: readonly LspDiagnostic[];
}

/** Counters the tests and the bench read (never used for behaviour). */
const probe = { published: 0, fixed: 0, lastDiagnostics: [] as { code: string; message: string; line: number }[] };

function diagnosticMessage(d: LspDiagnostic): (view: EditorView) => Node {
  return () => {
    const box = document.createElement("div");
    const head = document.createElement("div");
    head.className = "cm-diag-message";
    head.textContent = visible(`${d.code ? `${String(d.code)}: ` : ""}${d.message}`);
    box.appendChild(head);
    const help = (d.data as { help?: unknown } | undefined)?.help;
    if (typeof help === "string") {
      const h = document.createElement("div");
      h.className = "cm-diag-help";
      h.textContent = visible(`help: ${help}`);
      box.appendChild(h);
    }
    return box;
  };
}

/** Apply a workspace edit to this document, if it still is the document the edit was computed for. */
function applyEdit(view: EditorView, plugin: LSPPlugin, doc: Text, edit: LspWorkspaceEdit | undefined): void {
  const edits = edit?.changes?.[plugin.uri];
  if (!edits || view.state.doc !== doc) return;
  view.dispatch({
    changes: edits.map((e) => ({ from: plugin.fromPosition(e.range.start, doc), to: plugin.fromPosition(e.range.end, doc), insert: e.newText })),
    userEvent: "input.fix",
  });
}

/** The editor's lint diagnostics for a published set (with the fixes found so far). */
function toLint(plugin: LSPPlugin, doc: Text, diagnostics: readonly LspDiagnostic[], fixes: readonly (LspCodeAction[] | null)[]): Diagnostic[] {
  return diagnostics.map((d, i) => {
    const actions: Action[] = [];
    for (const a of fixes[i] ?? []) {
      if (!a.edit || (a.kind && !a.kind.startsWith("quickfix"))) continue;
      const edit = a.edit;
      actions.push({ name: a.title, apply: (v) => applyEdit(v, plugin, doc, edit) });
    }
    const from = Math.min(plugin.fromPosition(d.range.start, doc), doc.length);
    const to = Math.min(Math.max(from, plugin.fromPosition(d.range.end, doc)), doc.length);
    const severity = d.severity === 1 ? "error" : d.severity === 2 ? "warning" : "info";
    return { from, to, severity, message: `${d.code ? `${String(d.code)}: ` : ""}${d.message}`, renderMessage: diagnosticMessage(d), actions, source: "charterc" } satisfies Diagnostic;
  });
}

/** Work that can wait until typing pauses (it shares the worker with the next keystroke's check). */
const IDLE_MS = 150;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

async function showDiagnostics(client: LSPClient, params: Published): Promise<void> {
  const file = client.workspace.getFile(params.uri);
  if (!file || (params.version != null && params.version !== file.version)) return;
  const view = file.getView();
  const plugin = view && LSPPlugin.get(view);
  if (!view || !plugin) return;
  const doc = file.doc;
  if (view.state.doc !== doc) return; // typed since: the next round will come
  // The diagnostics at once.
  view.dispatch(setDiagnostics(view.state, toLint(plugin, doc, params.diagnostics, [])));
  probe.published++;
  probe.lastDiagnostics = params.diagnostics.map((d) => ({ code: String(d.code ?? ""), message: d.message, line: d.range.start.line + 1 }));
  document.dispatchEvent(new CustomEvent("charterc-diagnostics", { detail: { version: params.version, count: params.diagnostics.length } }));
  // Fixes, highlighting and the panels once typing pauses: they share the worker with the next keystroke's check.
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (view.state.doc !== doc || LSPPlugin.get(view) !== plugin) return;
    void fetchFixes(client, view, plugin, doc, params).catch(() => {});
    void refreshSemanticTokens(view).catch(() => {});
    void refreshReport(client, view, plugin).catch(() => {});
  }, IDLE_MS);
}

/** The fixes for each diagnostic, asked for the diagnostic's own range (as an editor's light bulb does). */
async function fetchFixes(client: LSPClient, view: EditorView, plugin: LSPPlugin, doc: Text, params: Published): Promise<void> {
  const fixes = await Promise.all(
    params.diagnostics.slice(0, 100).map((d) =>
      client
        .request<{ textDocument: { uri: string }; range: LspRange; context: { diagnostics: LspDiagnostic[]; only: string[]; triggerKind: number } }, LspCodeAction[] | null>("textDocument/codeAction", {
          textDocument: { uri: params.uri },
          range: d.range,
          context: { diagnostics: [d], only: ["quickfix"], triggerKind: 1 },
        })
        .catch(() => null),
    ),
  );
  if (view.state.doc !== doc || LSPPlugin.get(view) !== plugin) return;
  if (fixes.some((f) => f && f.length > 0)) view.dispatch(setDiagnostics(view.state, toLint(plugin, doc, params.diagnostics, fixes)));
  probe.fixed++;
}

/**
 * Send each edit to the server as soon as the editor has applied it (the
 * client's own auto-sync waits 500 ms; the server debounces bursts itself).
 */
const syncAsYouType = ViewPlugin.fromClass(
  class {
    private pending: ReturnType<typeof setTimeout> | null = null;
    constructor(private readonly view: EditorView) {}
    update(u: ViewUpdate): void {
      if (!u.docChanged || this.pending !== null) return;
      this.pending = setTimeout(() => {
        this.pending = null;
        LSPPlugin.get(this.view)?.client.sync();
      }, 0);
    }
    destroy(): void {
      if (this.pending !== null) clearTimeout(this.pending);
    }
  },
);

// ── Verdicts, exit cost, witness, constitution ─────────────────────────

let reportSeq = 0;
async function refreshReport(client: LSPClient, view: EditorView, plugin: LSPPlugin): Promise<void> {
  const seq = ++reportSeq;
  const [r, lenses] = await Promise.all([
    client.request<{ uri: string }, Report | null>(REPORT_REQUEST, { uri: plugin.uri }),
    // The code lens, as an editor shows it above the charter's header.
    client.request<{ textDocument: { uri: string } }, { command?: { title: string } }[] | null>("textDocument/codeLens", { textDocument: { uri: plugin.uri } }).catch(() => null),
  ]);
  if (seq !== reportSeq || !r || r.text !== view.state.doc.toString()) return;
  renderReport(r, lenses?.map((l) => l.command?.title ?? "").filter(Boolean).join(" · ") ?? "");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = visible(text);
  if (cls) e.className = cls;
  return e;
}

function renderReport(r: Report, lens: string): void {
  $("lens").textContent = visible(lens) || (r.errors > 0 ? `${r.errors} error${r.errors === 1 ? "" : "s"}: no verdicts until the charter parses` : "");
  const exit = $("exit");
  exit.replaceChildren();
  if (r.exit) {
    exit.append(el("p", `Who can weaken exit: ${r.exit.cost}.`, "exit-cost"), el("p", `Cheapest path: ${r.exit.witness}`, "exit-witness"));
  } else if (r.name !== null) {
    exit.append(el("p", r.kind === "federation" ? "A federation: its members' exit clauses decide." : "No exit section.", "exit-cost"));
  }
  const list = $("verdicts");
  list.replaceChildren();
  for (const v of r.verdicts) {
    const li = el("li", undefined, v.holds ? "holds" : "fails");
    li.append(el("span", v.holds ? "✔" : "✘", "mark"), el("code", v.id));
    li.querySelector(".mark")!.setAttribute("aria-label", v.holds ? "holds" : "fails");
    for (const reason of v.reasons) li.append(el("span", ` — ${reason}`, "reason"));
    if (!v.holds && v.witness.length > 0) li.append(el("div", `path: ${v.witness.join(" → ")}`, "witness"));
    list.appendChild(li);
  }
  const pane = $("constitution");
  pane.replaceChildren(r.constitution ? sanitizeToFragment(r.constitution, { idPrefix: "c-" }) : el("p", "The constitution appears once the charter parses."));
}

/** The editor's looks (kept in the editor's shadow root with its own styles). */
const theme = EditorView.theme({
  "&": { height: "calc(100vh - 11rem)", minHeight: "20rem", border: "1px solid #d0d7de", fontSize: "14px" },
  ".cm-scroller": { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace' },
  ".cm-diag-help": { color: "#4d5561", marginTop: ".2rem" },
  // Semantic tokens from the language server (src/lsp/semantic-tokens.ts).
  ".tok-keyword": { color: "#8250df", fontWeight: "600" },
  ".tok-property": { color: "#0550ae" },
  ".tok-string": { color: "#0a3069" },
  ".tok-number": { color: "#953800" },
  ".tok-comment": { color: "#57606a", fontStyle: "italic" },
  ".tok-class": { color: "#116329" },
  ".tok-function": { color: "#6639ba" },
  ".tok-namespace": { color: "#953800" },
  ".tok-enumMember": { color: "#0550ae", fontStyle: "italic" },
});

// ── Examples, sharing ───────────────────────────────────────────────────

async function main(): Promise<void> {
  let transport: Transport;
  try {
    const worker = startWorker("assets/worker.js", (why) =>
      say(`The language server could not start (${why}). Serve the folder holding this page over any static web server (for example \`python3 -m http.server\` run in that folder) and open it from there.`, "error"),
    );
    transport = workerTransport(worker);
  } catch (e) {
    say(
      location.protocol === "file:"
        ? "This browser does not run workers for pages opened from file://. Serve the folder holding this page over any static web server (for example `python3 -m http.server` run in that folder) and open playground.html from there."
        : `The language server could not start: ${e instanceof Error ? e.message : String(e)}`,
      "error",
    );
    return;
  }

  let client!: LSPClient;
  client = new LSPClient({
    rootUri: ROOT_URI,
    timeout: 20_000,
    sanitizeHTML: sanitizeHtml,
    notificationHandlers: {
      "textDocument/publishDiagnostics": (c, params: Published) => {
        void showDiagnostics(c, params).catch(() => {});
        return true;
      },
    },
    extensions: [
      serverCompletion(),
      hoverTooltips({ hoverTime: 300 }),
      keymap.of([...formatKeymap, ...renameKeymap, ...jumpToDefinitionKeymap, ...findReferencesKeymap]),
      { clientCapabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } }, editorExtension: syncAsYouType },
    ],
  }).connect(transport);

  say("Starting the language server…");
  await client.initializing;
  const examples = await client.request<null, Example[]>(EXAMPLES_REQUEST, null);
  const picker = $<HTMLSelectElement>("example");
  for (const ex of examples) {
    const o = document.createElement("option");
    o.value = ex.path;
    o.textContent = ex.path.replace(/^charters\//, "");
    picker.appendChild(o);
  }

  const lspCompartment = new Compartment();
  let currentPath = DEFAULT_EXAMPLE;
  const shared = decodeShare(location.hash);
  const initial = shared ?? examples.find((e) => e.path === DEFAULT_EXAMPLE) ?? examples[0] ?? { path: "charters/playground.charter", text: "" };
  currentPath = safePath(initial.path);
  if (examples.some((e) => e.path === currentPath)) picker.value = currentPath;

  // Inside a shadow root CodeMirror's styles go into adopted style sheets; on a document
  // it would add <style> elements, which the page's CSP (style-src 'self') refuses.
  const shadow = $("editor").attachShadow({ mode: "open" });
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: initial.text,
      extensions: [
        basicSetup,
        autocompletion({ activateOnTyping: true }),
        lintGutter(),
        semanticField,
        theme,
        EditorView.contentAttributes.of({ "aria-label": "Charter source", spellcheck: "false" }),
        lspCompartment.of(client.plugin(uriOf(currentPath), "charter")),
      ],
    }),
  });

  // The scroller can scroll on its own (axe: scrollable regions must be reachable by keyboard).
  view.scrollDOM.tabIndex = 0;

  /** Show a file: another path re-opens the document under its own URI (so imports resolve from where it lives). */
  const open = (path: string, text: string) => {
    path = safePath(path);
    const changes = { from: 0, to: view.state.doc.length, insert: text };
    if (path === currentPath) {
      view.dispatch({ changes });
    } else {
      currentPath = path;
      view.dispatch({ changes, effects: lspCompartment.reconfigure(client.plugin(uriOf(path), "charter")) });
    }
    picker.value = examples.some((e) => e.path === path) ? path : "";
  };

  // The constitution's contents scroll within the page, leaving the link's fragment (a shared charter) alone.
  $("constitution").addEventListener("click", (e) => {
    const a = (e.target as Element | null)?.closest?.("a[href^='#']");
    if (!a) return;
    e.preventDefault();
    document.getElementById(a.getAttribute("href")!.slice(1))?.scrollIntoView({ block: "start" });
  });
  picker.addEventListener("change", () => {
    const ex = examples.find((e) => e.path === picker.value);
    if (ex) {
      open(ex.path, ex.text);
      history.replaceState(null, "", location.pathname + location.search);
    }
  });
  $("format").addEventListener("click", () => {
    formatDocument(view);
    view.focus();
  });
  $("share").addEventListener("click", () => {
    const hash = `#${encodeShare({ path: currentPath, text: view.state.doc.toString() })}`;
    history.replaceState(null, "", hash);
    const link = location.href;
    const out = $<HTMLInputElement>("share-url");
    out.value = link;
    out.hidden = false;
    out.select();
    void navigator.clipboard?.writeText(link).then(
      () => say("Link copied. The charter travels in the link itself; nothing is sent anywhere."),
      () => say("Link ready below. The charter travels in the link itself; nothing is sent anywhere."),
    );
  });
  window.addEventListener("hashchange", () => {
    const s = decodeShare(location.hash);
    if (s) open(s.path, s.text);
  });

  say(shared ? `Opened a shared charter (${currentPath}).` : "Ready. Edit the charter; diagnostics, hover and fixes come from charterc's language server.");
  (window as unknown as { charterPlayground: unknown }).charterPlayground = { view, client, probe, get path() { return currentPath; } };
  document.documentElement.dataset.ready = "true";
}

main().catch((e: unknown) => say(`The playground failed to start: ${e instanceof Error ? e.message : String(e)}`, "error"));
