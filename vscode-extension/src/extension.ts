// The VS Code client: starts the bundled charter language server
// (server/lsp.js) and adds one command, "Open the Published Constitution",
// which runs the bundled `charterc build --emit markdown` on the current
// charter and opens the Markdown preview.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function profileSetting(): string | undefined {
  const p = vscode.workspace.getConfiguration("charterc").get<string | null>("profile");
  return p ?? undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join("server", "lsp.js"));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "charter" },
      { scheme: "untitled", language: "charter" },
    ],
    initializationOptions: { profile: profileSetting() },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.charter,charterc.yaml}") },
  };
  // The id "charterc" makes the client read the `charterc.trace.server` setting.
  return new LanguageClient("charterc", "Charter language server", serverOptions, clientOptions);
}

/** The newest .md file under a folder (the build writes one per charter). */
function findMarkdown(dir: string): string | undefined {
  const found: { file: string; mtime: number }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".md")) found.push({ file: p, mtime: fs.statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return found.sort((a, b) => b.mtime - a.mtime)[0]?.file;
}

async function openConstitution(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "charter" || editor.document.uri.scheme !== "file") {
    void vscode.window.showWarningMessage("Open a saved .charter file first.");
    return;
  }
  if (editor.document.isDirty) await editor.document.save();
  const file = editor.document.uri.fsPath;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-constitution-"));
  const cli = context.asAbsolutePath(path.join("server", "cli.js"));
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri.fsPath ?? path.dirname(file);
  const args = [cli, "build", file, "--emit", "markdown", "--out", out, "--no-color", "--no-progress"];
  const profile = profileSetting();
  if (profile) args.push("--profile", profile);
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" } }, (err, _stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr: String(stderr) });
    });
  });
  const md = fs.existsSync(out) ? findMarkdown(out) : undefined;
  if (!md) {
    void vscode.window.showErrorMessage(`charterc build failed (exit ${result.code}): ${result.stderr.trim() || "no Markdown was written"}`);
    return;
  }
  await vscode.commands.executeCommand("markdown.showPreview", vscode.Uri.file(md));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand("charterc.openConstitution", () => openConstitution(context)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("charterc.profile") || !client) return;
      // The profile is fixed at initialisation: restart the server with the new one.
      await client.stop();
      client = createClient(context);
      await client.start();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
