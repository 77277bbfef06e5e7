// The language server in a Web Worker (the playground, dist/web/): the same
// `createServer` as `charterc lsp`, over the worker's message port and an
// in-memory WorkspaceHost that holds the bundled example charters (the
// editor's text is an open document, overlaid by the workspace as in any
// editor). Two requests of its own feed the page's panels from the same
// check result the diagnostics come from:
//   charterc/playground/examples  → the bundled charters, for the picker;
//   charterc/playground/report    → verdicts, the exit cost and witness and
//                                   the constitution.
import MarkdownIt from "markdown-it";
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { analyzeCharter, formatCost, renderWitness } from "../analysis/index.js";
import { relativeId } from "../compiler.js";
import { DEFAULT_OPTIONS } from "../config/options.js";
import { renderMarkdown } from "../emit/markdown.js";
import { PROPERTY_IDS } from "../language/properties.js";
import { guard } from "./guard.js";
import type { ProjectInfo, WorkspaceHost } from "./host.js";
import { createServer } from "./server.js";
import { EXAMPLES_REQUEST, PLAYGROUND_ROOT, REPORT_REQUEST, type Example, type Report, type Verdict } from "../web/protocol.js";

/** The bundled charters (project-relative path → text), put in by scripts/build-web.mjs. */
declare const __CHARTERC_EXAMPLES__: readonly { readonly path: string; readonly text: string }[];

/** An in-memory host over fixed files under PLAYGROUND_ROOT (the playground has no disk and no charterc.yaml). */
export function memoryHost(files: ReadonlyMap<string, string>): WorkspaceHost {
  const abs = (file: string) => `${PLAYGROUND_ROOT}/${file}`;
  const byAbs = new Map([...files].map(([f, t]) => [abs(f), t]));
  const project: ProjectInfo = { root: PLAYGROUND_ROOT, options: DEFAULT_OPTIONS, error: null };
  const uriToPath = (uri: string): string | null => {
    const m = /^file:\/\/(\/[^?#]*)$/.exec(uri);
    if (!m) return null;
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return null;
    }
  };
  return {
    rootFor: () => PLAYGROUND_ROOT,
    loadProject: async () => project,
    listFiles: async () => [...files.keys()].sort(),
    readFile: (p) => byAbs.get(p),
    // Open documents are known to the workspace, not to the host; it treats them as existing.
    realpath: (p) => (byAbs.has(p) || p === PLAYGROUND_ROOT ? p : undefined),
    invalidate: () => {},
    uriToPath,
    pathToUri: (p) => `file://${p.split("/").map(encodeURIComponent).join("/")}`,
    absOf: (root, file) => `${root}/${file}`,
    fileOf: (root, p) => relativeId(root, p),
    isConfigFile: () => false,
  };
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function report(result: import("../compiler.js").FileResult, uri: string): Report {
  const charter = result.charter;
  const props = result.properties;
  const verdicts: Verdict[] = [];
  if (props) {
    for (const id of PROPERTY_IDS) {
      const p = props[id];
      if (p) verdicts.push({ id, holds: p.holds, reasons: [...(p.reasons ?? [])], witness: [...(p.witness ?? [])] });
    }
  }
  let exit: Report["exit"] = null;
  let constitution = "";
  if (charter) {
    const analysis = analyzeCharter(charter);
    if (analysis.exit) exit = { cost: formatCost(analysis.exit.cost, analysis.unit), witness: renderWitness(analysis.exit, analysis.unit) };
    constitution = markdown.render(renderMarkdown({ charter, properties: props }));
  }
  return {
    uri,
    text: result.text,
    name: charter?.name ?? null,
    kind: charter?.kind ?? null,
    verdicts,
    exit,
    constitution,
    errors: result.diagnostics.filter((d) => d.severity === "error").length,
  };
}

/** The worker's global scope, as the message reader takes it. */
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(scope: WorkerScope, examples: readonly Example[]): void {
  const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  const { workspace } = createServer(connection, memoryHost(new Map(examples.map((e) => [e.path, e.text]))));
  connection.onRequest(EXAMPLES_REQUEST, guard("examples", () => examples, []));
  connection.onRequest(
    REPORT_REQUEST,
    guard("report", (p: { uri: string }) => {
      const r = workspace.resultFor(workspace.fileOf(p.uri));
      return r ? report(r, p.uri) : null;
    }, null),
  );
}

if (typeof __CHARTERC_EXAMPLES__ !== "undefined") startBrowserServer(self as unknown as WorkerScope, __CHARTERC_EXAMPLES__);
