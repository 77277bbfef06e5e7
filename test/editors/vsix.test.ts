// `npm run package:vscode`: the .vsix is built offline and holds the client,
// the bundled server (with prettier inside: no node_modules in a .vsix), the
// grammar and the language configuration.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { LspClient, posOf, REPO } from "../lsp/helpers/client.js";
import { copyProject } from "../lsp/helpers/project.js";
import { ensureBuilt } from "../lsp/helpers/build.js";

interface ZipEntry {
  name: string;
  data: () => Buffer;
}

/** Entries of a zip file, read from its central directory. */
function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    out.push({
      name,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + size);
        return method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

let entries: ZipEntry[];

/** The .vsix's server/ folder unpacked into a fresh temp folder outside the repository. */
function unpackServer(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-vsix-"));
  for (const e of entries.filter((x) => x.name.startsWith("extension/server/"))) {
    const to = path.join(dir, e.name.slice("extension/".length));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, e.data());
  }
  return dir;
}

beforeAll(async () => {
  await ensureBuilt();
  const { packageVscode } = (await import(path.join(REPO, "scripts", "package-vscode.mjs"))) as { packageVscode(o: { quiet: boolean }): Promise<string> };
  const vsix = await packageVscode({ quiet: true });
  expect(path.basename(vsix)).toBe("charterc-0.1.0.vsix");
  entries = readZip(fs.readFileSync(vsix));
}, 120_000);

describe("the .vsix", () => {
  it("holds the client, the server, the grammar and the language configuration", () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "extension.vsixmanifest",
        "extension/package.json",
        "extension/dist/extension.js",
        "extension/server/lsp.js",
        "extension/server/cli.js",
        "extension/server/package.json",
        "extension/syntaxes/charter.tmLanguage.json",
        "extension/language-configuration.json",
        "extension/readme.md",
        "extension/LICENSE.txt",
      ]),
    );
    expect(names.some((n) => n.includes("node_modules/"))).toBe(false);
    expect(names.some((n) => n.startsWith("extension/src/"))).toBe(false);
  });

  it("declares the language, grammar, command and settings", () => {
    const pkg = JSON.parse(entries.find((e) => e.name === "extension/package.json")!.data().toString("utf8"));
    expect(pkg.engines.vscode).toBe("^1.82.0");
    expect(pkg.main).toBe("./dist/extension.js");
    expect(pkg.contributes.languages[0]).toMatchObject({ id: "charter", extensions: [".charter"], configuration: "./language-configuration.json" });
    expect(pkg.contributes.grammars[0]).toMatchObject({ language: "charter", scopeName: "source.charter", path: "./syntaxes/charter.tmLanguage.json" });
    expect(pkg.contributes.commands.map((c: { command: string }) => c.command)).toContain("charterc.openConstitution");
    expect(Object.keys(pkg.contributes.configuration.properties)).toEqual(["charterc.profile", "charterc.trace.server"]);
    const grammar = entries.find((e) => e.name === "extension/syntaxes/charter.tmLanguage.json")!.data().toString("utf8");
    expect(grammar).toBe(fs.readFileSync(path.join(REPO, "grammar", "charter.tmLanguage.json"), "utf8"));
    const langConf = JSON.parse(entries.find((e) => e.name === "extension/language-configuration.json")!.data().toString("utf8"));
    expect(langConf.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
  });

  it("bundles a client that loads only vscode and node built-ins", () => {
    const js = entries.find((e) => e.name === "extension/dist/extension.js")!.data().toString("utf8");
    const required = [...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required).toContain("vscode");
    for (const r of required) expect(r === "vscode" || r.startsWith("node:") || /^(child_process|fs|os|path|net|crypto|util|events|stream|url|assert|buffer|string_decoder|tty)$/.test(r), r).toBe(true);
  });

  it("runs its bundled server with no node_modules anywhere: diagnostics, hover and formatting", async () => {
    // Unpack server/ into a fresh temp folder (outside the repository) and drive it.
    const dir = unpackServer();
    const project = copyProject();
    const c = await LspClient.start(project, { debounceMs: 5 }, path.join(dir, "server", "lsp.js"));
    try {
      const rel = "charters/free-commons.charter";
      const text = fs.readFileSync(path.join(project, rel), "utf8");
      const uri = await c.open(rel, text.replace("  exit {", "exit {"));
      expect(await c.diagnosticsOf(rel, 1)).toEqual([]);
      const h = await c.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: posOf(text, "approval", 1) });
      expect(h.contents.value).toContain("**approval**");
      const edits = await c.request<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      expect(edits.length).toBe(1);
      expect(edits[0]!.newText).toContain("\n  exit {\n");
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it("carries only the parts of prettier charterc uses, not every language plugin", () => {
    const server = entries.filter((e) => e.name.startsWith("extension/server/"));
    const chunks = server.map((e) => path.basename(e.name));
    for (const unused of ["flow", "typescript", "html", "postcss", "angular", "glimpse", "graphql", "handlebars", "yaml-", "meriyah", "acorn"]) {
      expect(chunks.filter((n) => n.startsWith(unused)), unused).toEqual([]);
    }
    const unpacked = server.reduce((n, e) => n + e.data().length, 0);
    expect(unpacked).toBeLessThan(2.5 * 1024 * 1024);
  });

  it("its bundled CLI publishes a constitution with no node_modules (the Open the Published Constitution command)", () => {
    const dir = unpackServer();
    const project = copyProject();
    try {
      const r = spawnSync(process.execPath, [path.join(dir, "server", "cli.js"), "build", "charters/free-commons.charter", "--emit", "markdown", "--out", "site"], { cwd: project, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(fs.readFileSync(path.join(project, "site", "free-commons.md"), "utf8")).toContain("# Free Commons of Cascadia");
      const fmt = spawnSync(process.execPath, [path.join(dir, "server", "cli.js"), "fmt", "--check", "charters"], { cwd: project, encoding: "utf8" });
      expect(fmt.status, fmt.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it("type-checks the client against @types/vscode 1.82", () => {
    const r = spawnSync(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "vscode-extension/tsconfig.json"], { cwd: REPO, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
