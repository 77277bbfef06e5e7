// Imports never read outside the project root: `..`, absolute paths and
// symlinks that leave the root are refused with CH0112, and the target is
// never opened.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, type CompilerHost } from "../../src/compiler.js";
import { nodeHost } from "../../src/project/node-host.js";

const FEDERATION = `federation "Outside" {
  powers: defense
  body council { members: 1 seat per member }
  decision ordinary { by: council threshold: 2/3 of members }
  exit { approval: none }
  amendments { by: ordinary }
}
`;

function member(importPath: string): string {
  return `import "${importPath.replace(/\\/g, "\\\\")}" as outside
charter "Inside" {
  membership { eligibility: "anyone" admission: open }
  exit { approval: none }
  member of outside { delegates: defense withdrawal: unilateral }
}
`;
}

let base: string;
let root: string;
let outsideFile: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-confine-"));
  root = path.join(base, "project");
  fs.mkdirSync(path.join(root, "charters"), { recursive: true });
  fs.mkdirSync(path.join(base, "secret"));
  outsideFile = path.join(base, "secret", "federation.charter");
  fs.writeFileSync(outsideFile, FEDERATION);
  fs.writeFileSync(path.join(root, "charters", "inside-federation.charter"), FEDERATION.replace("Outside", "Inside Federation"));
  // A symlinked folder and a symlinked file that both lead out of the root.
  fs.symlinkSync(path.join(base, "secret"), path.join(root, "charters", "linked-dir"));
  fs.symlinkSync(outsideFile, path.join(root, "charters", "linked.charter"));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/** A disk host that records every file it reads. */
function spyHost(): { host: CompilerHost; reads: string[] } {
  const inner = nodeHost(root);
  const reads: string[] = [];
  return {
    reads,
    host: {
      root,
      realpath: (p) => inner.realpath(p),
      readFile: (p) => {
        reads.push(fs.realpathSync(p));
        return inner.readFile(p);
      },
    },
  };
}

function run(importPath: string) {
  fs.writeFileSync(path.join(root, "charters", "main.charter"), member(importPath));
  const { host, reads } = spyHost();
  const result = check({ entries: ["charters/main.charter"], host });
  const diags = result.files.flatMap((f) => f.diagnostics);
  return { diags, reads };
}

describe("import confinement", () => {
  const escapes: [string, () => string][] = [
    ["a `..` path", () => "../../secret/federation.charter"],
    ["a `..` path that comes back in", () => "../charters/../../secret/federation.charter"],
    ["an absolute path", () => outsideFile],
    ["a file:// style absolute path", () => "/" + outsideFile.replace(/^\/+/, "")],
    ["a symlinked folder leading out", () => "./linked-dir/federation.charter"],
    ["a symlinked file leading out", () => "./linked.charter"],
  ];
  for (const [name, target] of escapes) {
    it(`refuses ${name} with CH0112 and never opens the target`, () => {
      const { diags, reads } = run(target());
      const refused = diags.filter((d) => d.code === "CH0112");
      expect(refused).toHaveLength(1);
      expect(refused[0]!.file).toBe("charters/main.charter");
      expect(reads).not.toContain(fs.realpathSync(outsideFile));
      expect(reads).toEqual([fs.realpathSync(path.join(root, "charters", "main.charter"))]);
    });
  }

  it("accepts an import inside the root and reads it", () => {
    const { diags, reads } = run("./inside-federation.charter");
    expect(diags.filter((d) => d.severity === "error")).toEqual([]);
    expect(reads).toContain(fs.realpathSync(path.join(root, "charters", "inside-federation.charter")));
  });
});
