// The language server: wires the LSP connection to the workspace and the
// feature modules. Every handler and every timer is guarded: an exception is
// logged to the client's console and the server lives on.
//
// The seam: `createServer(connection, host)` takes any connection (stdio on
// Node, a Web Worker's message port in the browser) and a WorkspaceHost
// (src/lsp/host.ts) for files and configuration. This module imports only
// `vscode-languageserver` (its platform-neutral API), never `/node` or a
// Node built-in, so the browser build runs the same server code.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { FileResult } from "../compiler.js";
import type { Profile } from "../config/options.js";
import { VERSION } from "../version.js";
import { codeActions } from "./code-actions.js";
import { codeLenses } from "./code-lens.js";
import { complete } from "./completion.js";
import type { FeatureContext } from "./context.js";
import { definition, references } from "./definition.js";
import { fileDiagnostics } from "./diagnostics.js";
import { foldingRanges } from "./folding.js";
import { formatDocument } from "./formatting.js";
import { guard, logError, setLogger } from "./guard.js";
import { hover } from "./hover.js";
import { toOffset } from "./positions.js";
import { prepareRename, rename } from "./rename.js";
import { LEGEND, semanticTokens } from "./semantic-tokens.js";
import { documentSymbols } from "./symbols.js";
import type { WorkspaceHost } from "./host.js";
import { Workspace } from "./workspace.js";

export interface InitOptions {
  readonly profile?: Profile;
  readonly debounceMs?: number;
  /** Compare every incremental re-parse with a full parse and log mismatches (tests). */
  readonly verifyIncremental?: boolean;
}

/** Custom requests (used by tests and the bench). */
export const DOCUMENT_TEXT_REQUEST = "charterc/documentText";
export const STATS_REQUEST = "charterc/stats";

/** The first workspace folder as a URI (a bare `rootPath` is made a file URI). */
function folderOf(params: InitializeParams): string | null {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
  if (uri) return uri;
  const p = params.rootPath;
  if (!p) return null;
  return `file://${p.startsWith("/") ? "" : "/"}${p.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/")}`;
}

/** Wire the language server onto `connection`, reading files and configuration through `host`, and start listening. */
export function createServer(connection: Connection, host: WorkspaceHost): { workspace: Workspace } {
  setLogger((m) => connection.console.error(m));
  const documents = new TextDocuments(TextDocument);
  // What was last sent per uri: an unchanged file re-checked with its neighbours is not re-sent.
  const lastSent = new Map<string, string>();
  const workspace = new Workspace(
    {
    publish(file, uri, version, result) {
      const diagnostics = result ? fileDiagnostics(result, (f) => workspace.results.get(f)?.lines, (f) => workspace.uriOf(f)) : [];
      const key = `${version ?? ""}\u0000${JSON.stringify(diagnostics)}`;
      if (lastSent.get(uri) === key) return;
      if (result) lastSent.set(uri, key);
      else lastSent.delete(uri);
      void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((e: unknown) => logError("publish", e));
    },
    },
    host,
  );
  const ctx: FeatureContext = {
    resultOf: (file) => workspace.resultFor(file),
    uriOf: (file) => workspace.uriOf(file),
    allResults: () => workspace.results.values(),
  };
  let initOptions: InitOptions = {};
  let watchDynamic = false;

  /** The up-to-date result of an open document, or undefined. */
  const resultOfUri = (uri: string): FileResult | undefined => {
    const file = workspace.fileOf(uri);
    const r = workspace.resultFor(file);
    const doc = documents.get(uri);
    if (!r || (doc && r.text !== doc.getText())) return undefined;
    return r;
  };

  connection.onInitialize(
    guard(
      "initialize",
      (params: InitializeParams): InitializeResult => {
        initOptions = (params.initializationOptions ?? {}) as InitOptions;
        // The root is fixed now (before any document opens): the folder of charterc.yaml, else the workspace folder.
        workspace.setFolder(folderOf(params));
        watchDynamic = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
        return {
          serverInfo: { name: "charterc", version: VERSION },
          capabilities: {
            textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
            hoverProvider: true,
            completionProvider: { triggerCharacters: [":", " "] },
            definitionProvider: true,
            referencesProvider: true,
            renameProvider: { prepareProvider: true },
            documentSymbolProvider: true,
            foldingRangeProvider: true,
            semanticTokensProvider: { legend: LEGEND, full: true },
            documentFormattingProvider: true,
            codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
            codeLensProvider: { resolveProvider: false },
          },
        };
      },
      { capabilities: {} },
    ),
  );

  connection.onInitialized(
    guard(
      "initialized",
      async () => {
        if (watchDynamic) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.charter" }, { globPattern: "**/charterc.yaml" }] });
        }
        await workspace.init(initOptions);
        if (workspace.configError) void connection.window.showErrorMessage(`charterc: ${workspace.configError}`);
      },
      undefined,
    ),
  );

  documents.onDidOpen(guard("didOpen", (e) => workspace.didOpen(e.document.uri, e.document.version, e.document.getText()), undefined));
  documents.onDidChangeContent(guard("didChange", (e) => workspace.didChange(e.document.uri, e.document.version, e.document.getText()), undefined));
  documents.onDidClose(guard("didClose", (e) => workspace.didClose(e.document.uri), undefined));
  connection.onDidChangeWatchedFiles(guard("didChangeWatchedFiles", async (p) => workspace.filesChanged(p.changes.map((c) => c.uri)), undefined));

  connection.onHover(
    guard("hover", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? hover(r, toOffset(r.lines, p.position)) : null;
    }, null),
  );
  connection.onCompletion(
    guard("completion", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? complete(r, toOffset(r.lines, p.position)) : [];
    }, []),
  );
  connection.onDefinition(
    guard("definition", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? definition(ctx, r, toOffset(r.lines, p.position)) : [];
    }, []),
  );
  connection.onReferences(
    guard("references", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? references(ctx, r, toOffset(r.lines, p.position), p.context.includeDeclaration) : [];
    }, []),
  );
  connection.onPrepareRename(
    guard("prepareRename", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? prepareRename(r, toOffset(r.lines, p.position)) : null;
    }, null),
  );
  connection.onRenameRequest(
    guard("rename", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? rename(ctx, r, toOffset(r.lines, p.position), p.newName) : null;
    }, null),
  );
  connection.onDocumentSymbol(
    guard("documentSymbol", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? documentSymbols(r) : [];
    }, []),
  );
  connection.onFoldingRanges(
    guard("foldingRanges", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? foldingRanges(r) : [];
    }, []),
  );
  connection.languages.semanticTokens.on(
    guard("semanticTokens", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? semanticTokens(r) : { data: [] };
    }, { data: [] }),
  );
  connection.onDocumentFormatting(
    guard("formatting", async (p) => {
      const doc = documents.get(p.textDocument.uri);
      const r = resultOfUri(p.textDocument.uri);
      if (!doc || !r) return [];
      return formatDocument(r.text, r.lines, r.file, { tabSize: p.options.tabSize, insertSpaces: p.options.insertSpaces });
    }, Promise.resolve([])),
  );
  connection.onCodeAction(
    guard("codeAction", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      if (!r) return [];
      return codeActions(ctx, r, { start: toOffset(r.lines, p.range.start), end: toOffset(r.lines, p.range.end) }, p.context.diagnostics);
    }, []),
  );
  connection.onCodeLens(
    guard("codeLens", (p) => {
      const r = resultOfUri(p.textDocument.uri);
      return r ? codeLenses(r) : [];
    }, []),
  );
  connection.onRequest(
    DOCUMENT_TEXT_REQUEST,
    guard("documentText", (p: { uri: string }) => documents.get(p.uri)?.getText() ?? workspace.doc(workspace.fileOf(p.uri))?.text ?? null, null),
  );
  connection.onRequest(
    STATS_REQUEST,
    guard("stats", () => ({ runs: workspace.runs, parses: workspace.parses, parseCache: workspace.cache.size, results: workspace.results.size, openDocuments: [...workspace.openDocs()].length }), null),
  );
  connection.onShutdown(guard("shutdown", () => workspace.dispose(), undefined));

  documents.listen(connection);
  connection.listen();
  return { workspace };
}
