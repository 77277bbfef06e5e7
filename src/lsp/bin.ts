// Entry point of dist/lsp.js (`charterc-lsp`, `charterc lsp`): the language
// server over stdio (the default), node IPC, a socket or a named pipe, as the
// command line says, reading the disk and charterc.yaml through the Node
// workspace host. The command line is read here, not by vscode-languageserver
// (which throws "Connection input stream is not set" on `--socket=abc` and
// exits 0 without a word when the socket cannot be reached): a bad option is
// one line and exit 2, a client that cannot be reached one line and exit 1.
import net from "node:net";
import { type Connection, createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter } from "vscode-languageserver/node";
import { sanitizeForTerminal } from "../text/terminal.js";
import { VERSION } from "../version.js";
import { nodeWorkspaceHost } from "./node-host.js";
import { ResyncingReader } from "./stdio-reader.js";
import { createServer } from "./server.js";

export { createServer } from "./server.js";
export { nodeWorkspaceHost } from "./node-host.js";

/** How the server talks to its client. */
export type Transport = { kind: "stdio" } | { kind: "node-ipc" } | { kind: "socket"; port: number } | { kind: "pipe"; name: string };

/** A command line the server cannot run with (exit 2). */
export class ServerArgsError extends Error {}

/** The server could not start: no IPC channel (exit 2), or no client at the socket or pipe (exit 1). */
export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const LSP_USAGE = `Usage: charterc-lsp [options]

The charter language server, for editors (also: charterc lsp).

Options:
  --stdio          talk LSP over stdin/stdout (the default)
  --socket=N       connect to the client listening on port N of 127.0.0.1 (1-65535)
  --node-ipc       talk LSP over node IPC (when started by a Node client with an IPC channel)
  --pipe=NAME      connect to the client listening on a named pipe or Unix socket
  --version        print the version
  -h, --help       print this help`;

/** The port of `--socket=N`: a whole number from 1 to 65535. */
export function parsePort(value: string | undefined): number {
  const v = (value ?? "").trim();
  const n = /^\d{1,5}$/.test(v) ? Number(v) : NaN;
  if (!(n >= 1 && n <= 65535)) throw new ServerArgsError("--socket needs a port number (1–65535)");
  return n;
}

export type ServerCommand = { kind: "run"; transport: Transport } | { kind: "help" } | { kind: "version" };

/**
 * Read the server's command line. `--clientProcessId=N` (sent by editors so
 * the server can watch its client) is accepted and left to
 * vscode-languageserver, which reads it from process.argv.
 */
export function parseServerArgs(args: readonly string[]): ServerCommand {
  const transports: Transport[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = name === arg ? undefined : arg.slice(eq + 1);
    // A value given as the next argument (`--socket 7345`), unless that is an option itself.
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "-v":
      case "--version":
        return { kind: "version" };
      case "--stdio":
        transports.push({ kind: "stdio" });
        break;
      case "--node-ipc":
        transports.push({ kind: "node-ipc" });
        break;
      case "--socket":
        transports.push({ kind: "socket", port: parsePort(value()) });
        break;
      case "--pipe": {
        const pipe = value();
        if (!pipe) throw new ServerArgsError("--pipe needs the name of a pipe");
        transports.push({ kind: "pipe", name: pipe });
        break;
      }
      case "--clientProcessId":
        if (!/^\d+$/.test(value() ?? "")) throw new ServerArgsError("--clientProcessId needs a process id");
        break;
      default:
        throw new ServerArgsError(arg.startsWith("-") ? `unknown option '${arg}'` : `unexpected argument '${arg}'`);
    }
  }
  const kinds = new Set(transports.map((t) => t.kind));
  if (kinds.size > 1) throw new ServerArgsError(`choose one of --stdio, --socket, --node-ipc, --pipe (got ${[...kinds].map((k) => `--${k}`).join(", ")})`);
  return { kind: "run", transport: transports.at(-1) ?? { kind: "stdio" } };
}

/** A one-line reason a connection failed ("connection refused"). */
function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOENT":
      return "no such pipe";
    case "EACCES":
      return "permission denied";
    case "ETIMEDOUT":
      return "timed out";
    default:
      return err?.code ?? (e instanceof Error ? e.message : String(e));
  }
}

function connect(to: { port: number } | { path: string }, what: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = "port" in to ? net.createConnection(to.port, "127.0.0.1") : net.createConnection(to.path);
    const onError = (e: unknown) => {
      socket.destroy();
      reject(new ServerStartError(`cannot connect to ${what}: ${reason(e)}`, 1));
    };
    socket.once("error", onError);
    socket.once("connect", () => {
      socket.off("error", onError);
      resolve(socket);
    });
  });
}

/**
 * Start the server on `transport` (stdio by default). Resolves once it is
 * listening; rejects with a ServerStartError when the client cannot be reached.
 */
export async function startLanguageServer(transport: Transport = { kind: "stdio" }): Promise<void> {
  let connection: Connection;
  if (transport.kind === "node-ipc") {
    if (typeof process.send !== "function") {
      throw new ServerStartError("--node-ipc needs an IPC channel: it is for a Node client that starts the server with one (from a shell, use --stdio)", 2);
    }
    connection = createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  } else {
    const socket = transport.kind === "socket" ? await connect({ port: transport.port }, `port ${transport.port}`) : transport.kind === "pipe" ? await connect({ path: transport.name }, `pipe ${transport.name}`) : null;
    // The reader resynchronises after a bad frame, on stdio and on a socket alike.
    const reader = new ResyncingReader(socket ?? process.stdin);
    connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(socket ?? process.stdout));
    reader.log = (m) => connection.console.warn(m);
    // The client went away without `exit`: stop, as vscode-languageserver does for a stream it opened.
    socket?.on("close", () => process.exit(1));
  }
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

/** The stdio server with the process's command line (kept for callers that embed the bundle). */
export function runLanguageServer(args: readonly string[] = process.argv.slice(2)): void {
  void lspMain(args).then((code) => {
    if (code !== null) process.exitCode = code;
  });
}

/**
 * `charterc-lsp ARGS`: help, version, or the server. Resolves with an exit
 * code when the command is done (help, a usage error, no client), or null
 * while the server runs.
 */
export async function lspMain(args: readonly string[], err: (line: string) => void = (l) => process.stderr.write(`${l}\n`), out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number | null> {
  let command: ServerCommand;
  try {
    command = parseServerArgs(args);
  } catch (e) {
    if (!(e instanceof ServerArgsError)) throw e;
    err(`charterc-lsp: ${sanitizeForTerminal(e.message)} (see \`charterc-lsp --help\`)`);
    return 2;
  }
  if (command.kind === "help") {
    out(LSP_USAGE);
    return 0;
  }
  if (command.kind === "version") {
    out(VERSION);
    return 0;
  }
  try {
    await startLanguageServer(command.transport);
    return null;
  } catch (e) {
    if (!(e instanceof ServerStartError)) throw e;
    err(`charterc-lsp: ${sanitizeForTerminal(e.message)}`);
    return e.exitCode;
  }
}

const invokedDirectly = (() => {
  const main = process.argv[1] ?? "";
  return /(?:^|[\\/])lsp\.m?js$/.test(main);
})();
if (invokedDirectly) runLanguageServer();
