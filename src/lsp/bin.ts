// Entry point of dist/lsp.js (`charterc-lsp`, `charterc lsp`): the language
// server over stdio (the default), node IPC or a socket, as the client asks,
// reading the disk and charterc.yaml through the Node workspace host.
import { createConnection, ProposedFeatures, StreamMessageWriter } from "vscode-languageserver/node";
import { nodeWorkspaceHost } from "./node-host.js";
import { ResyncingReader } from "./stdio-reader.js";
import { createServer } from "./server.js";

export { createServer } from "./server.js";
export { nodeWorkspaceHost } from "./node-host.js";

export function runLanguageServer(): void {
  // createConnection reads --stdio / --node-ipc / --socket=N from process.argv.
  const argv = process.argv;
  const other = argv.some((a) => a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"));
  // Over stdio (the default) the reader resynchronises after a bad frame.
  const reader = other ? null : new ResyncingReader(process.stdin);
  const connection = reader ? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
  if (reader) reader.log = (m) => connection.console.warn(m);
  // A bug must not take the editor's server down with it.
  // The report itself must not throw (the connection may be closed by now): then stderr.
  const report = (what: string, e: unknown) => {
    const text = `charterc-lsp: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    try {
      connection.console.error(text);
    } catch {
      process.stderr.write(`${text}\n`);
    }
  };
  process.on("uncaughtException", (e) => report("uncaught", e));
  process.on("unhandledRejection", (e) => report("unhandled rejection", e));
  createServer(connection, nodeWorkspaceHost());
}

const invokedDirectly = (() => {
  const main = process.argv[1] ?? "";
  return /(?:^|[\\/])lsp\.m?js$/.test(main);
})();
if (invokedDirectly) runLanguageServer();
