// Requests at one offset (hover, definition, rename) find the name there
// without walking the whole document (src/lsp/locate.ts `siteAt`): the answer
// must be the one the whole-document walk (`namesOf`, which semantic tokens
// and references use) gives, at every offset of every example and fixture
// charter and of the broken ones.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/compiler.js";
import { contains } from "../../src/lsp/positions.js";
import { nameTable, namesOf, siteAt } from "../../src/lsp/locate.js";
import { BROKEN, FIXME } from "./fixtures.js";

const REPO = path.resolve(import.meta.dirname, "..", "..");

function charters(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...charters(p));
    else if (e.name.endsWith(".charter")) out.push(p);
  }
  return out;
}

describe("siteAt (one offset) agrees with namesOf (the whole document)", () => {
  const texts: [string, string][] = [
    ["BROKEN", BROKEN],
    ["FIXME", FIXME],
    ...[...charters(path.join(REPO, "charters")), ...charters(path.join(REPO, "test", "fixtures"))].map((f): [string, string] => [path.relative(REPO, f), fs.readFileSync(f, "utf8")]),
  ];

  it("has documents to compare", () => {
    expect(texts.length).toBeGreaterThan(20);
  });

  it.each(texts.filter(([, t]) => t.length < 40_000))("%s", (name, text) => {
    const doc = parseSource(name, text).ast;
    const all = namesOf(doc);
    for (let o = 0; o <= text.length; o++) {
      const want = all.sites.find((s) => contains(s.span, o));
      expect(siteAt(doc, o), `${name} at offset ${o}`).toEqual(want);
    }
    const table = nameTable(doc);
    expect(table.bodies).toBe(all.bodies);
    expect(table.decisions).toBe(all.decisions);
    expect(table.aliases).toBe(all.aliases);
  });
});
