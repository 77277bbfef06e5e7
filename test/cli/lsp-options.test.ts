// The language server's command line, as a user meets it from a shell and an
// editor meets it: `charterc-lsp` (bin/charterc-lsp.js over the built
// dist/lsp.js) and `charterc lsp`. A bad option is one line and exit 2, a
// client that is not listening one line and exit 1, never a stack trace or
// a line of the bundle; --help and --version answer; the socket and node
// IPC transports really serve LSP.
import { fork, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { ensureBuilt } from "../lsp/helpers/build.js";
import { REPO } from "../lsp/helpers/client.js";
import fs from "node:fs";

const LSP_BIN = path.join(REPO, "bin/charterc-lsp.js");
const CLI_BIN = path.join(REPO, "bin/charterc.js");
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;

beforeAll(ensureBuilt, 180_000);

function run(bin: string, args: string[]) {
  // stdin is closed: a server that wrongly started on stdio ends at once instead of hanging.
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", input: "", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A port nothing listens on: one the system just handed out and took back. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((res) => server.close(() => res()));
  return port;
}

const INIT = { processId: null, rootUri: null, capabilities: {} };

describe("charterc-lsp: bad options are one line and exit 2", () => {
  it("--socket without a usable port (abc, 0, 70000, missing)", () => {
    for (const arg of [["--socket=abc"], ["--socket=0"], ["--socket=70000"], ["--socket"], ["--socket", "abc"]]) {
      const r = run(LSP_BIN, arg);
      expect(r.code, arg.join(" ")).toBe(2);
      expect(r.stderr, arg.join(" ")).toBe("charterc-lsp: --socket needs a port number (1–65535) (see `charterc-lsp --help`)\n");
      expect(r.stdout).toBe("");
    }
  });

  it("an unknown option or two transports name `charterc-lsp --help`", () => {
    expect(run(LSP_BIN, ["--bogus"])).toEqual({ code: 2, stdout: "", stderr: "charterc-lsp: unknown option '--bogus' (see `charterc-lsp --help`)\n" });
    const two = run(LSP_BIN, ["--stdio", "--socket=4000"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^charterc-lsp: choose one of --stdio, --socket, --node-ipc, --pipe .*\(see `charterc-lsp --help`\)\n$/);
  });

  it("--node-ipc from a shell (no IPC channel) says so, exit 2", () => {
    const r = run(LSP_BIN, ["--node-ipc"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual(["charterc-lsp: --node-ipc needs an IPC channel: it is for a Node client that starts the server with one (from a shell, use --stdio)"]);
  });

  it("--socket=N with nothing listening: cannot connect, exit 1", async () => {
    const port = await freePort();
    const r = run(LSP_BIN, [`--socket=${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`charterc-lsp: cannot connect to port ${port}: connection refused\n`);
  });
});

describe("charterc-lsp --help and --version", () => {
  it("--help prints the usage with every transport; --version the version", () => {
    const h = run(LSP_BIN, ["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: charterc-lsp \[options\]/);
    for (const o of ["--stdio ", "(the default)", "--socket=N", "--node-ipc", "--version", "--help"]) expect(h.stdout).toContain(o);
    expect(run(LSP_BIN, ["-h"]).stdout).toBe(h.stdout);
    expect(run(LSP_BIN, ["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

describe("charterc lsp", () => {
  it("--socket abc is a usage error pointing at `charterc help lsp`", () => {
    for (const arg of [["--socket", "abc"], ["--socket=0"]]) {
      const r = run(CLI_BIN, ["lsp", ...arg]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toEqual(["charterc: --socket needs a port number (1–65535)", "see `charterc help lsp`"]);
    }
  });

  it("--socket=N with nothing listening, and --node-ipc from a shell: one line, nonzero", async () => {
    const port = await freePort();
    expect(run(CLI_BIN, ["lsp", `--socket=${port}`])).toEqual({ code: 1, stdout: "", stderr: `charterc: cannot connect to port ${port}: connection refused\n` });
    const ipc = run(CLI_BIN, ["lsp", "--node-ipc"]);
    expect(ipc.code).toBe(2);
    expect(ipc.stderr).toMatch(/^charterc: --node-ipc needs an IPC channel[^\n]*\n$/);
  });

  it("help lists the transports", () => {
    const r = run(CLI_BIN, ["help", "lsp"]);
    for (const o of ["--stdio", "--socket <port>", "--node-ipc"]) expect(r.stdout).toContain(o);
  });
});

describe("the transports serve LSP", () => {
  for (const [name, bin, pre] of [
    ["charterc-lsp --socket=N", LSP_BIN, []],
    ["charterc lsp --socket N", CLI_BIN, ["lsp"]],
  ] as const) {
    it(`${name} connects to a listening client, initializes and exits 0 on exit`, async () => {
      const server = net.createServer();
      await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
      const port = (server.address() as net.AddressInfo).port;
      const accepted = new Promise<net.Socket>((res) => server.once("connection", res));
      const child = spawn(process.execPath, [bin, ...pre, ...(bin === LSP_BIN ? [`--socket=${port}`] : ["--socket", String(port)])], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exit = new Promise<number | null>((res) => child.on("exit", res));
      try {
        const socket = await accepted;
        const conn = createProtocolConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
        conn.listen();
        const init = (await conn.sendRequest("initialize", INIT)) as { capabilities: Record<string, unknown> };
        expect(init.capabilities.hoverProvider).toBeTruthy();
        await conn.sendRequest("shutdown");
        await conn.sendNotification("exit");
        expect(await exit).toBe(0);
        expect(stderr).toBe("");
      } finally {
        child.kill();
        server.close();
      }
    }, 60_000);
  }

  it("charterc-lsp --node-ipc started by a Node client with an IPC channel answers initialize", async () => {
    const child = fork(LSP_BIN, ["--node-ipc"], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
    const exit = new Promise<number | null>((res) => child.on("exit", res));
    try {
      const reply = new Promise<{ id: number; result: { capabilities: Record<string, unknown> } }>((res) =>
        child.on("message", (m: { id?: number }) => {
          if (m.id === 1) res(m as never);
        }),
      );
      child.send({ jsonrpc: "2.0", id: 1, method: "initialize", params: INIT });
      expect((await reply).result.capabilities.hoverProvider).toBeTruthy();
      child.send({ jsonrpc: "2.0", id: 2, method: "shutdown" });
      child.send({ jsonrpc: "2.0", method: "exit" });
      expect(await exit).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
