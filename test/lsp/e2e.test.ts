// The language server end to end over stdio, driven by a JSON-RPC client as
// an editor would, on copies of the example charters.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { formatCharter } from "../../src/prettier/generated.js";
import { applyChange, LspClient, posOf, REPO } from "./helpers/client.js";
import { ensureBuilt } from "./helpers/build.js";
import { cliReport, copyProject, fromCli, fromLsp } from "./helpers/project.js";
import { BROKEN, FIXME } from "./fixtures.js";

let root: string;
let c: LspClient;
const read = (rel: string) => fs.readFileSync(path.join(root, rel), "utf8");
const FREE = "charters/free-commons.charter";
const CASCADIA = "charters/federations/cascadia-confederacy.charter";
const PORT = "charters/port-ellis-sanctuary.charter";

beforeAll(async () => {
  await ensureBuilt();
  root = copyProject({ "charters/broken.charter": BROKEN, "charters/fixme.charter": FIXME });
  c = await LspClient.start(root);
});

afterAll(async () => {
  await c?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const hoverText = (h: Hover | null) => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("diagnostics", () => {
  it("equal the CLI's JSON for every workspace charter, federations split across files included", async () => {
    const report = await cliReport(root);
    expect(report.files.length).toBeGreaterThan(8);
    for (const f of report.files) {
      await c.waitFor(() => c.published.has(c.uri(f.file)), 20_000, f.file);
      const lsp = c.published.get(c.uri(f.file))!.diagnostics.map((d) => fromLsp(d, root));
      expect(lsp, f.file).toEqual(f.diagnostics.map(fromCli));
    }
    // The broken file really has several syntax errors.
    const broken = report.files.find((f) => f.file === "charters/broken.charter")!;
    expect(broken.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThanOrEqual(3);
  });

  it("open documents overlay the disk and stay equal to the CLI's for the same text", async () => {
    await c.open("charters/broken.charter", BROKEN);
    const v = await c.change("charters/broken.charter", [{ range: { start: posOf(BROKEN, "admission open"), end: posOf(BROKEN, "admission open", 9) }, text: "admision:" }]);
    const diags = await c.diagnosticsOf("charters/broken.charter", v);
    // The same text on disk, checked by the CLI.
    const copy = copyProject({ "charters/broken.charter": c.text("charters/broken.charter") });
    const report = await cliReport(copy);
    fs.rmSync(copy, { recursive: true, force: true });
    const cli = report.files.find((f) => f.file === "charters/broken.charter")!;
    expect(diags.map((d) => fromLsp(d, root))).toEqual(cli.diagnostics.map(fromCli));
    expect(diags.some((d) => d.code === "CH0101" && d.message.includes("admision"))).toBe(true);
    await c.close("charters/broken.charter");
  });

  it("re-checks a federation's members when the federation changes (cross-file findings)", async () => {
    const fed = read(CASCADIA);
    await c.open(CASCADIA, fed);
    // Require a property the Port Ellis sanctuary does not satisfy → its tie gets a federation-requirements finding.
    const before = c.published.get(c.uri(PORT))!.count;
    const at = posOf(fed, "requires: exit-guaranteed, dispute-resolution", "requires: exit-guaranteed, dispute-resolution".length);
    await c.change(CASCADIA, [{ range: { start: at, end: at }, text: ", due-process, group-secession, concurrent-membership, consent-based" }]);
    await c.waitFor(() => c.published.get(c.uri(PORT))!.count > before);
    const copy = copyProject({ [CASCADIA]: c.text(CASCADIA) });
    const report = await cliReport(copy);
    fs.rmSync(copy, { recursive: true, force: true });
    for (const file of [PORT, FREE, CASCADIA]) {
      const cli = report.files.find((f) => f.file === file)!;
      await c.waitFor(() => {
        const lsp = c.published.get(c.uri(file))!.diagnostics.map((d) => fromLsp(d, root));
        return JSON.stringify(lsp) === JSON.stringify(cli.diagnostics.map(fromCli));
      }, 10_000, `${file} equal to the CLI`);
    }
    const port = c.published.get(c.uri(PORT))!.diagnostics;
    const fr = port.find((d) => d.code === "CH0214");
    expect(fr?.relatedInformation?.[0]?.location.uri).toBe(c.uri(CASCADIA));
    // Undo: the finding goes away again.
    await c.change(CASCADIA, [{ range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, text: fed }]);
    await c.waitFor(() => !c.published.get(c.uri(PORT))!.diagnostics.some((d) => d.code === "CH0214"));
    await c.close(CASCADIA);
  });
});

describe("hover", () => {
  it("shows field docs from the schema, clause costs and witnesses, and the charter's verdicts", async () => {
    const text = read(FREE);
    await c.open(FREE, text);
    const uri = c.uri(FREE);
    const field = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: posOf(text, "approval: none", 2) });
    expect(hoverText(field)).toContain("**approval**");
    expect(hoverText(field)).toContain("expects `none` or `by DECISION`");
    const exit = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: posOf(text, "exit {", 1) });
    expect(hoverText(exit)).toContain("cannot be changed (amendable: never)");
    const stewards = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: posOf(text, "body stewards", 6) });
    expect(hoverText(stewards)).toMatch(/can be changed by .*% of members/);
    expect(hoverText(stewards)).toContain("**witness:**");
    const name = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: posOf(text, '"Free Commons', 3) });
    expect(hoverText(name)).toContain("✔ `exit-guaranteed`");
    expect(hoverText(name)).toContain("`federation-requirements`");
    const ref = await c.request<Hover>("textDocument/hover", { textDocument: { uri }, position: posOf(text, "recall: by ordinary", 12) });
    expect(hoverText(ref)).toContain("**decision ordinary**");
    expect(hoverText(ref)).toContain("more than 10% of members");
  });
});

describe("completion", () => {
  const labels = (items: CompletionItem[] | { items: CompletionItem[] }) => (Array.isArray(items) ? items : items.items).map((i) => i.label);
  it("offers sections, fields of the section, value keywords and names in scope", async () => {
    const rel = "charters/scratch.charter";
    const text = `import "./federations/cascadia-confederacy.charter" as cascadia\n\ncharter "Scratch" {\n  \n  exit {\n    notice: 30 days\n    \n    approval: by \n    retains: \n  }\n  body assembly { members: all members }\n  decision ordinary { by: assembly threshold: majority of votes cast }\n  member of \n}\n`;
    const uri = await c.open(rel, text);
    const at = (line: number, character: number) => c.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line, character } });
    const top = labels(await at(3, 2));
    expect(top).toEqual(expect.arrayContaining(["membership", "body", "decision", "member of", "disputes", "version", "jurisdiction", "preamble"]));
    // `exit` is already there; `powers` belongs to federations.
    expect(top).not.toContain("exit");
    expect(top).not.toContain("powers");
    const inExit = labels(await at(6, 4));
    // Only the fields not yet written.
    expect(inExit).toEqual(["penalty", "obligations", "amendable"]);
    expect(labels(await at(7, 17))).toEqual(["ordinary"]);
    expect(labels(await at(8, 13))).toEqual(["property", "data", "share", "standing"]);
    expect(labels(await at(12, 12))).toEqual(["cascadia"]);
    await c.close(rel);
  });
});

describe("navigation", () => {
  it("goes to definitions, across files for an alias", async () => {
    const text = read(FREE);
    const uri = c.uri(FREE);
    const def = await c.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: posOf(text, "recall: by ordinary", 12) });
    expect(def).toEqual([{ uri, range: { start: posOf(text, "decision ordinary", 9), end: posOf(text, "decision ordinary", 17) } }]);
    const alias = await c.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: posOf(text, "member of cascadia", 11) });
    expect(alias[0]!.uri).toBe(c.uri(CASCADIA));
    expect(alias[0]!.range.start.line).toBe(posOf(read(CASCADIA), '"Cascadia Confederacy"').line);
  });

  it("finds references, and every import of a federation across the workspace", async () => {
    const text = read(FREE);
    const uri = c.uri(FREE);
    const refs = await c.request<Location[]>("textDocument/references", { textDocument: { uri }, position: posOf(text, "decision ordinary", 10), context: { includeDeclaration: true } });
    expect(refs.length).toBe(text.split(/\bordinary\b/).length - 1);
    const fed = read(CASCADIA);
    await c.open(CASCADIA, fed);
    const imports = await c.request<Location[]>("textDocument/references", { textDocument: { uri: c.uri(CASCADIA) }, position: posOf(fed, '"Cascadia', 2), context: { includeDeclaration: false } });
    expect(imports.map((l) => l.uri).sort()).toEqual([c.uri(FREE), c.uri(PORT)].sort());
    await c.close(CASCADIA);
  });

  it("renames with a workspace edit and refuses names that are not identifiers", async () => {
    const text = read(FREE);
    const uri = c.uri(FREE);
    const edit = await c.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position: posOf(text, "by: constitutional", 5), newName: "charter-change" });
    const edits = edit.changes![uri]!;
    expect(edits.length).toBe(2);
    let renamed = text;
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) renamed = applyChange(renamed, e.range, e.newText);
    expect(renamed).toContain("decision charter-change {");
    expect(renamed).toContain("amendments { by: charter-change }");
    await expect(c.request("textDocument/rename", { textDocument: { uri }, position: posOf(text, "by: constitutional", 5), newName: "two words" })).rejects.toThrow(/not a valid name/);
  });
});

describe("document features", () => {
  it("outlines the charter", async () => {
    const uri = c.uri(FREE);
    const symbols = await c.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(["cascadia", "Free Commons of Cascadia"]);
    const names = symbols[1]!.children!.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["version", "membership", "exit", "body stewards", "decision expel", "member of cascadia"]));
    const exit = symbols[1]!.children!.find((s) => s.name === "exit")!;
    expect(exit.children!.map((s) => s.name)).toEqual(["approval", "notice", "penalty", "retains", "amendable"]);
  });

  it("folds sections, prose and comment blocks", async () => {
    const text = read(FREE);
    const ranges = await c.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: c.uri(FREE) } });
    const exitLine = posOf(text, "exit {").line;
    expect(ranges).toContainEqual({ startLine: exitLine, endLine: posOf(text, "amendable: never").line });
    expect(ranges.some((r) => r.kind === "comment" && r.startLine === 0)).toBe(true);
    expect(ranges.some((r) => r.startLine === posOf(text, 'preamble: """').line)).toBe(true);
  });

  it("classifies tokens semantically", async () => {
    const text = read(FREE);
    const tokens = await c.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri: c.uri(FREE) } });
    const legend = ["keyword", "property", "string", "number", "comment", "class", "function", "namespace", "enumMember", "operator"];
    const decoded = new Map<string, string>();
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type] = tokens.data.slice(i, i + 4) as [number, number, number, number];
      line += dl;
      char = dl === 0 ? char + dc : dc;
      decoded.set(`${line}:${char}:${len}`, legend[type]!);
    }
    const kindAt = (needle: string, delta = 0) => {
      const p = posOf(text, needle, delta);
      return [...decoded].find(([k]) => k.startsWith(`${p.line}:${p.character}:`))?.[1];
    };
    expect(kindAt("charter \"Free")).toBe("keyword");
    expect(kindAt("exit {")).toBe("keyword");
    expect(kindAt("approval: none")).toBe("property");
    expect(kindAt("approval: none", 10)).toBe("enumMember");
    expect(kindAt('"any person')).toBe("string");
    expect(kindAt("20%")).toBe("number");
    expect(kindAt("14 days")).toBe("number");
    expect(kindAt("// Tradition")).toBe("comment");
    expect(kindAt("recall: by ordinary", 11)).toBe("function");
    expect(kindAt("by: assembly", 4)).toBe("class");
    expect(kindAt("member of cascadia", 10)).toBe("namespace");
  });

  it("formats through the prettier plugin", async () => {
    const rel = "charters/messy.charter";
    const messy = read(FREE).replace(/\n {2,4}/g, "\n").replace("approval: none", "approval:   none");
    const uri = await c.open(rel, messy);
    const edits = await c.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const expected = await formatCharter(messy, { file: rel });
    expect("formatted" in expected).toBe(true);
    expect(edits.length).toBe(1);
    expect(applyChange(messy, edits[0]!.range, edits[0]!.newText)).toBe((expected as { formatted: string }).formatted);
    // Already formatted: nothing to do.
    await c.change(rel, [{ range: edits[0]!.range, text: edits[0]!.newText }]);
    const again = await c.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(again).toEqual([]);
    await c.close(rel);
  });

  it("offers code actions: did-you-mean, a missing field, entrench, add disputes", async () => {
    const rel = "charters/fixme.charter";
    const uri = await c.open(rel, FIXME);
    const diags = await c.diagnosticsOf(rel, 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actionsFor = (code: string) =>
      c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diags.find((d) => d.code === code)!.range, context: { diagnostics: diags.filter((d) => d.code === code) } });
    const apply = (a: CodeAction) => {
      let t = FIXME;
      for (const e of a.edit!.changes![uri]!) t = applyChange(t, e.range, e.newText);
      return t;
    };
    const didYouMean = (await actionsFor("CH0101")).find((a) => a.title.includes("approval"))!;
    expect(apply(didYouMean)).toContain("    approval: none\n");
    const missing = (await actionsFor("CH0104")).find((a) => a.title.includes("admission"))!;
    expect(apply(missing)).toContain('    eligibility: "anyone"\n    admission: open\n  }');
    const disputes = (await actionsFor("CH0211")).find((a) => a.title.includes("disputes"))!;
    expect(apply(disputes)).toContain('  disputes { by: "an arbiter both parties accept" }\n}\n');
    const exitAt = posOf(FIXME, "penalty: none");
    const inExit = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: exitAt, end: exitAt }, context: { diagnostics: [] } });
    const entrench = inExit.find((a) => a.title.startsWith("Entrench `exit`"))!;
    expect(apply(entrench)).toContain("    penalty: none\n    amendable: never\n  }");
    void whole;
    await c.close(rel);
  });

  it("shows the headline verdicts in a code lens on the header", async () => {
    const lenses = await c.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: c.uri(FREE) } });
    expect(lenses.length).toBe(1);
    expect(lenses[0]!.command!.title).toMatch(/^✔ exit guaranteed · ✔ exit entrenched · \d+\/14 properties hold$/);
    const text = FIXME;
    const uri = await c.open("charters/fixme.charter", text);
    const fix = await c.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(fix[0]!.command!.title).toContain("✘ exit entrenched (more than 10% of members)");
    await c.close("charters/fixme.charter");
  });
});

describe("workspace", () => {
  it("picks up charters created, changed and deleted on disk", async () => {
    const rel = "charters/new-on-disk.charter";
    const abs = path.join(root, rel);
    fs.writeFileSync(abs, 'charter "New" { jurisdiction: personal }\n');
    await c.conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: c.uri(rel), type: 1 }] });
    await c.waitFor(() => (c.published.get(c.uri(rel))?.diagnostics.length ?? 0) > 0, 10_000, "diagnostics of a new file");
    const cli = (await cliReport(root)).files.find((f) => f.file === rel)!;
    expect(c.published.get(c.uri(rel))!.diagnostics.map((d) => fromLsp(d, root))).toEqual(cli.diagnostics.map(fromCli));
    fs.rmSync(abs);
    await c.conn.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: c.uri(rel), type: 3 }] });
    await c.waitFor(() => c.published.get(c.uri(rel))!.diagnostics.length === 0, 10_000, "cleared diagnostics of a deleted file");
  });
});

describe("entry points", () => {
  for (const [name, argv] of [
    ["charterc lsp --stdio", [path.join(REPO, "bin", "charterc.js"), "lsp", "--stdio"]],
    ["charterc-lsp", [path.join(REPO, "bin", "charterc-lsp.js")]],
  ] as const) {
    it(`${name} serves the same diagnostics`, async () => {
      const other = await LspClient.start(root, { debounceMs: 5 }, [...argv]);
      try {
        const d = await other.diagnosticsOf("charters/fixme.charter", undefined);
        expect(d.map((x) => fromLsp(x, root))).toEqual((await cliReport(root)).files.find((f) => f.file === "charters/fixme.charter")!.diagnostics.map(fromCli));
      } finally {
        await other.stop();
      }
    });
  }
});

describe("resilience", () => {
  it("answers requests on unknown documents and odd positions without dying", async () => {
    expect(await c.request("textDocument/hover", { textDocument: { uri: "file:///nowhere.charter" }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await c.request("textDocument/hover", { textDocument: { uri: c.uri(FREE) }, position: { line: 99_999, character: 99_999 } })).toBeNull();
    expect(await c.request("textDocument/completion", { textDocument: { uri: c.uri(FREE) }, position: { line: -1, character: -5 } })).toBeDefined();
    expect(c.exited).toBeNull();
  });

  it("forgets a closed document that is not part of the project", async () => {
    const rel = "scratch/loose.charter";
    await c.open(rel, 'charter "Loose" { jurisdiction: personal }\n');
    expect((await c.diagnosticsOf(rel, 1)).length).toBeGreaterThan(0);
    const stats1 = await c.request<{ results: number }>("charterc/stats", {});
    await c.close(rel);
    await c.waitFor(() => c.published.get(c.uri(rel))!.diagnostics.length === 0);
    const stats2 = await c.request<{ results: number }>("charterc/stats", {});
    expect(stats2.results).toBe(stats1.results - 1);
  });
});
