// Entry point of dist/lsp.js (`charterc-lsp`, `charterc lsp`): the language
// server over stdio (the default), node IPC or a socket, as the client asks,
// reading the disk and charterc.yaml through the Node workspace host.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { nodeWorkspaceHost } from "./node-host.js";
import { createServer } from "./server.js";

export { createServer } from "./server.js";
export { nodeWorkspaceHost } from "./node-host.js";

export function runLanguageServer(): void {
  // createConnection reads --stdio / --node-ipc / --socket=N from process.argv.
  const argv = process.argv;
  if (!argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"))) argv.push("--stdio");
  const connection = createConnection(ProposedFeatures.all);
  // A bug must not take the editor's server down with it.
  process.on("uncaughtException", (e) => connection.console.error(`charterc-lsp: uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  process.on("unhandledRejection", (e) => connection.console.error(`charterc-lsp: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  createServer(connection, nodeWorkspaceHost());
}

const invokedDirectly = (() => {
  const main = process.argv[1] ?? "";
  return /(?:^|[\\/])lsp\.m?js$/.test(main);
})();
if (invokedDirectly) runLanguageServer();
