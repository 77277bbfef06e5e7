// The language server reads through the same project layer as the CLI: a
// charterc.yaml that is a FIFO or a link to /dev/zero gives the CLI's one-line
// message and the server keeps answering (was: it stopped answering, or ran out
// of memory); a charter linked to /proc/self/environ is never read into a
// diagnostic or a document.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../../lsp/helpers/client.js";
import { ensureBuilt } from "../../lsp/helpers/build.js";
import { GOOD, sandbox } from "./helpers.js";

beforeAll(ensureBuilt, 180_000);

async function withServer(dir: string, f: (c: LspClient) => Promise<void>): Promise<void> {
  const c = await LspClient.start(dir);
  // The configuration error arrives as window/showMessageRequest (showErrorMessage).
  c.conn.onRequest("window/showMessageRequest", (p: { message: string }) => {
    c.logs.push(p.message);
    return null;
  });
  try {
    await f(c);
  } finally {
    await c.stop();
  }
}

describe("the language server on a hostile workspace", () => {
  for (const kind of ["fifo", "dev-zero"] as const) {
    it(`charterc.yaml as a ${kind}: the configuration error is shown and documents are still checked`, async () => {
      const { dir } = sandbox({ "charters/a.charter": GOOD });
      const cfg = path.join(dir, "charterc.yaml");
      if (kind === "fifo") execFileSync("mkfifo", [cfg]);
      else fs.symlinkSync("/dev/zero", cfg);
      await withServer(dir, async (c) => {
        const text = GOOD.replace("  disputes", "  dispoots");
        await c.open("charters/a.charter", text);
        const diags = await c.diagnosticsOf("charters/a.charter");
        expect(diags.some((d) => d.code === "CH0019")).toBe(true); // unknown section `dispoots`
        await c.waitFor(() => c.logs.some((l) => l.includes("charterc.yaml")), 20_000, "the configuration message");
        const msg = c.logs.find((l) => l.includes("charterc.yaml"))!;
        expect(msg).toMatch(kind === "fifo" ? /is not a regular file/ : /leads outside the project root/);
        // Still answering requests.
        const symbols = await c.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri: c.uri("charters/a.charter") } });
        expect(Array.isArray(symbols)).toBe(true);
      });
    }, 60_000);
  }

  it("an import of a charter linked to /proc/self/environ is refused, its content never published", async () => {
    const { dir } = sandbox({ "charters/a.charter": GOOD });
    fs.symlinkSync("/proc/self/environ", path.join(dir, "charters/evil.charter"));
    await withServer(dir, async (c) => {
      await c.open("charters/a.charter", 'import "./evil.charter" as evil\n' + GOOD);
      const diags = await c.diagnosticsOf("charters/a.charter");
      expect(diags.map((d) => d.code)).toContain("CH0112");
      expect(JSON.stringify([...c.published.values()])).not.toMatch(/PATH=|HOME=/);
    });
  }, 60_000);
});

describe("the language server started outside the workspace", () => {
  it("reads the workspace's files confined to the workspace's root, not to its own working directory", async () => {
    const { dir } = sandbox({
      "charters/fed.charter": 'federation "F" {\n  version: "1.0.0"\n  powers: taxation\n}\n',
      "charters/a.charter": GOOD,
    });
    // An editor may start the server anywhere: here in `/usr`.
    const lsp = path.join(path.resolve(import.meta.dirname, "../../.."), "dist/lsp.js");
    const code = `process.chdir("/usr"); const m = await import(${JSON.stringify(pathToFileURL(lsp).href)}); m.runLanguageServer();`;
    const c = await LspClient.start(dir, { debounceMs: 10 }, ["--input-type=module", "-e", code, "--", "--stdio"]);
    try {
      await c.open("charters/a.charter", 'import "./fed.charter" as fed\n' + GOOD.replace("}\n", '  member of fed { since: "2020-01-01" }\n}\n').replace(/}\n$/, "}\n"));
      const diags = await c.diagnosticsOf("charters/a.charter");
      expect(diags.map((d) => `${d.code} ${d.message}`).filter((m) => /CH011[23]|CH030/.test(m))).toEqual([]);
    } finally {
      await c.stop();
    }
  }, 60_000);
});
