// Incremental re-parsing (src/lsp/incremental.ts): after an edit inside one
// section, splicing a re-parse of that section gives exactly what a full
// parse gives — on the example charters, under thousands of random edits.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/compiler.js";
import { reparseIncrementally, sameParse } from "../../src/lsp/incremental.js";
import { REPO } from "./helpers/client.js";

const CHARTERS = ["charters/free-commons.charter", "charters/federations/cascadia-confederacy.charter", "charters/panarchy.charter"];
const SNIPPETS = ["", " ", "\n", "x", "{", "}", ":", ",", '"', '"""', "/*", "*/", "// c\n", "30 days", "2/3", "by ordinary", "amendable: never", "😀", "quorum: 20%\n"];

describe("incremental re-parse", () => {
  it("takes the incremental path for an ordinary edit inside a section", () => {
    const text = fs.readFileSync(path.join(REPO, CHARTERS[0]!), "utf8");
    const prev = parseSource("a.charter", text);
    const at = text.indexOf("quorum: 20%") + 8;
    const next = text.slice(0, at) + "25" + text.slice(at + 2);
    const inc = reparseIncrementally(prev, next);
    expect(inc).not.toBeNull();
    expect(sameParse(inc!, parseSource("a.charter", next))).toBe(true);
    // Sections after the edit keep their shape, moved by the length change (here none).
    expect(inc!.ast.entries.length).toBe(prev.ast.entries.length);
  });

  it("gives up when the edit is not inside one section", () => {
    const text = fs.readFileSync(path.join(REPO, CHARTERS[0]!), "utf8");
    const prev = parseSource("a.charter", text);
    const at = text.indexOf('version: "1.2.0"');
    expect(reparseIncrementally(prev, text.slice(0, at) + "x" + text.slice(at))).toBeNull();
  });

  it("equals a full parse after thousands of random edits", () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let incremental = 0;
    for (const file of CHARTERS) {
      let text = fs.readFileSync(path.join(REPO, file), "utf8");
      let prev = parseSource(file, text);
      for (let i = 0; i < 1500; i++) {
        let a = rand(text.length + 1);
        if (a < text.length && (text.charCodeAt(a) & 0xfc00) === 0xdc00) a--;
        let b = a + (rand(3) === 0 ? rand(12) : 0);
        b = Math.min(b, text.length);
        if (b < text.length && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b++;
        const next = text.slice(0, a) + SNIPPETS[rand(SNIPPETS.length)]! + text.slice(b);
        const full = parseSource(file, next);
        const inc = reparseIncrementally(prev, next);
        if (inc) {
          incremental++;
          if (!sameParse(inc, full) && process.env.INC_DEBUG) {
            const j = (f: typeof full) => JSON.stringify({ e: f.ast.entries, c: f.ast.comments, d: [...f.parseDiagnostics].map((d) => [d.code, d.span, d.message]).sort() }, null, 1).split("\n");
            const x = j(inc), y = j(full);
            const k = x.findIndex((l, n) => l !== y[n]);
            console.log(JSON.stringify(text.slice(a - 40, a + 40)), JSON.stringify(next.slice(a - 40, a + 40)), x.slice(k - 5, k + 5).join(""), "\nFULL", y.slice(k - 5, k + 5).join(""));
          }
          expect(sameParse(inc, full), `edit ${i} of ${file} at ${a}`).toBe(true);
        }
        // Carry on from the incremental result when there is one, as the server does.
        prev = inc ?? full;
        text = next;
        // Now and then, go back to the original so the text stays a charter.
        if (i % 10 === 9) {
          text = fs.readFileSync(path.join(REPO, file), "utf8");
          prev = parseSource(file, text);
        }
      }
    }
    console.log(`incremental re-parses: ${incremental} of 4500`);
    expect(incremental).toBeGreaterThan(400);
  });
});
