// The LSP seam: the server is constructible over any connection and any
// WorkspaceHost, so the modules reachable from src/lsp/server.ts inside
// src/lsp/ import no Node built-in and not `vscode-languageserver/node`
// (the browser build bundles the same modules).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LSP = path.resolve(__dirname, "../../src/lsp");

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
}

describe("LSP seam", () => {
  it("server.ts reaches no Node-only module inside src/lsp", () => {
    const seen = new Set<string>();
    const queue = [path.join(LSP, "server.ts")];
    const offenders: string[] = [];
    while (queue.length > 0) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const spec of importsOf(f)) {
        if (spec.startsWith("node:") || spec === "vscode-languageserver/node" || ["fs", "path", "url", "os", "child_process"].includes(spec)) offenders.push(`${path.basename(f)} imports ${spec}`);
        if (spec.startsWith("./")) queue.push(path.join(path.dirname(f), spec.replace(/\.js$/, ".ts")));
        if (spec.startsWith("../project/")) offenders.push(`${path.basename(f)} imports ${spec} (the Node project layer belongs in node-host.ts)`);
      }
    }
    expect(seen.has(path.join(LSP, "workspace.ts"))).toBe(true);
    expect(seen.has(path.join(LSP, "node-host.ts"))).toBe(false);
    expect(offenders).toEqual([]);
  });
});
