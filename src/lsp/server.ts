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
  CancellationToken,
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
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

/** The longest a request waits for a pending analysis before answering from what it has, in milliseconds. */
const WAIT_MS = 1000;

/** A promise that resolves when the token is cancelled (never without one). */
function cancelled(token: CancellationToken | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!token) return;
    if (token.isCancellationRequested) resolve();
    else token.onCancellationRequested(() => resolve());
  });
}

/** Wire the language server onto `connection`, reading files and configuration through `host`, and start listening. */
export function createServer(connection: Connection, host: WorkspaceHost): { workspace: Workspace } {
  setLogger((m) => connection.console.error(m));
  const documents = new TextDocuments(TextDocument);
  // What was last sent per uri: a result rebuilt with the same diagnostics (a federation's verdicts moved) is not re-sent.
  const lastSent = new Map<string, { version: number | undefined; diagnostics: FileResult["diagnostics"] }>();
  const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const workspace = new Workspace(
    {
      publish(file, uri, version, result) {
        const prev = lastSent.get(uri);
        if (result && prev && prev.version === version && sameList(prev.diagnostics, result.diagnostics)) return;
        if (result) lastSent.set(uri, { version, diagnostics: result.diagnostics });
        else lastSent.delete(uri);
        const diagnostics = result ? fileDiagnostics(result, (f) => workspace.results.get(f)?.lines, (f) => workspace.uriOf(f)) : [];
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
  /** Set when `initialize` arrives; a request before it gets ServerNotInitialized (-32002). */
  let initialized = false;
  const request = <A extends unknown[], R>(where: string, fn: (...args: A) => R, fallback: R) =>
    guard(
      where,
      (...args: A): R => {
        if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, "the server is not initialized: send `initialize` first");
        return fn(...args);
      },
      fallback,
    );
  let watchDynamic = false;

  /**
   * For requests that read only the document (hover, completion, symbols,
   * folding, tokens, formatting): the newest parse at once, never waiting
   * for an analysis.
   */
  const viewOfUri = (uri: string): FileResult | undefined => workspace.currentView(workspace.fileOf(uri));

  /**
   * For requests that need the analysis (definitions across files, rename,
   * code actions, code lenses): wait for a pending analysis, but no longer
   * than WAIT_MS and never past a cancellation; then the result of the
   * document's newest text, or undefined.
   */
  const analysedOfUri = async (uri: string, token?: CancellationToken): Promise<FileResult | undefined> => {
    if (workspace.pending) {
      await Promise.race([workspace.settled(WAIT_MS), cancelled(token)]);
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "request cancelled");
    }
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
        initialized = true;
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
    request("hover", (p) => {
      const r = viewOfUri(p.textDocument.uri);
      return r ? hover(r, toOffset(r.lines, p.position)) : null;
    }, null),
  );
  connection.onCompletion(
    request("completion", (p) => {
      const r = viewOfUri(p.textDocument.uri);
      return r ? complete(r, toOffset(r.lines, p.position)) : [];
    }, []),
  );
  connection.onDefinition(
    request("definition", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      return r ? definition(ctx, r, toOffset(r.lines, p.position)) : [];
    }, Promise.resolve([])),
  );
  connection.onReferences(
    request("references", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      return r ? references(ctx, r, toOffset(r.lines, p.position), p.context.includeDeclaration) : [];
    }, Promise.resolve([])),
  );
  connection.onPrepareRename(
    request("prepareRename", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      return r ? prepareRename(r, toOffset(r.lines, p.position)) : null;
    }, Promise.resolve(null)),
  );
  connection.onRenameRequest(
    request("rename", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      return r ? rename(ctx, r, toOffset(r.lines, p.position), p.newName) : null;
    }, Promise.resolve(null)),
  );
  connection.onDocumentSymbol(
    request("documentSymbol", (p) => {
      const r = viewOfUri(p.textDocument.uri);
      return r ? documentSymbols(r) : [];
    }, []),
  );
  connection.onFoldingRanges(
    request("foldingRanges", (p) => {
      const r = viewOfUri(p.textDocument.uri);
      return r ? foldingRanges(r) : [];
    }, []),
  );
  connection.languages.semanticTokens.on(
    request("semanticTokens", (p) => {
      const r = viewOfUri(p.textDocument.uri);
      return r ? semanticTokens(r) : { data: [] };
    }, { data: [] }),
  );
  connection.onDocumentFormatting(
    request("formatting", async (p) => {
      const doc = documents.get(p.textDocument.uri);
      const r = viewOfUri(p.textDocument.uri);
      if (!doc || !r) return [];
      return formatDocument(r.text, r.lines, r.file, { tabSize: p.options.tabSize, insertSpaces: p.options.insertSpaces });
    }, Promise.resolve([])),
  );
  connection.onCodeAction(
    request("codeAction", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      if (!r) return [];
      return codeActions(ctx, r, { start: toOffset(r.lines, p.range.start), end: toOffset(r.lines, p.range.end) }, p.context.diagnostics);
    }, Promise.resolve([])),
  );
  connection.onCodeLens(
    request("codeLens", async (p, token) => {
      const r = await analysedOfUri(p.textDocument.uri, token);
      return r ? codeLenses(r) : [];
    }, Promise.resolve([])),
  );
  connection.onRequest(
    DOCUMENT_TEXT_REQUEST,
    request("documentText", (p: { uri: string }) => documents.get(p.uri)?.getText() ?? workspace.doc(workspace.fileOf(p.uri))?.text ?? null, null),
  );
  connection.onRequest(
    STATS_REQUEST,
    request(
      "stats",
      () => ({
        runs: workspace.runs,
        stopped: workspace.stopped,
        parses: workspace.parses,
        parseCache: workspace.cache.size,
        results: workspace.results.size,
        openDocuments: [...workspace.openDocs()].length,
        engine: workspace.engine.stats,
      }),
      null,
    ),
  );
  connection.onShutdown(request("shutdown", () => workspace.dispose(), undefined));

  documents.listen(connection);
  connection.listen();
  return { workspace };
}
