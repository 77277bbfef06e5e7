// Incremental re-parsing (src/lsp/incremental.ts): after an edit inside one
// section, splicing a re-parse of that section gives exactly what a full
// parse gives — on the example charters, under thousands of random edits.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource, type SourceFile } from "../../src/compiler.js";
import { MAX_CHARTER_TOKENS } from "../../src/config/limits.js";
import { countTokens, tokenCountOf } from "../../src/lower/index.js";
import { reparseIncrementally, sameParse } from "../../src/lsp/incremental.js";
import { LineIndex } from "../../src/text/line-index.js";
import { REPO } from "./helpers/client.js";

const CHARTERS = ["charters/free-commons.charter", "charters/federations/cascadia-confederacy.charter", "charters/panarchy.charter"];
const SNIPPETS = ["", " ", "\n", "x", "{", "}", ":", ",", '"', '"""', "/*", "*/", "// c\n", "30 days", "2/3", "by ordinary", "amendable: never", "😀", "quorum: 20%\n"];

/** The line index and the token count an incremental re-parse carried over equal those made from scratch. */
function expectSameLinesAndCount(inc: SourceFile, text: string, what: string): void {
  const fresh = new LineIndex(text);
  expect(inc.lines.lineCount, what).toBe(fresh.lineCount);
  for (let l = 1; l <= fresh.lineCount; l++) if (inc.lines.lineStart(l) !== fresh.lineStart(l)) expect(inc.lines.lineStart(l), `${what}: line ${l}`).toBe(fresh.lineStart(l));
  expect(tokenCountOf(inc.ast), what).toBe(countTokens(text, MAX_CHARTER_TOKENS).count);
}

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
          expectSameLinesAndCount(inc, next, `edit ${i} of ${file} at ${a}`);
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

  it("keeps the line index exact with CR LF, lone CR and edits across line breaks", () => {
    let seed = 99;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const base = fs.readFileSync(path.join(REPO, CHARTERS[0]!), "utf8").replace(/\n/g, "\r\n");
    let text = base;
    let prev = parseSource("a.charter", text);
    let incremental = 0;
    for (let i = 0; i < 600; i++) {
      const a = rand(text.length + 1);
      const b = Math.min(text.length, a + rand(4));
      const next = text.slice(0, a) + ["\r", "\n", "\r\n", "x", "", "\r\n\r"][rand(6)]! + text.slice(b);
      // The index on its own, for any edit.
      const edited = prev.lines.edited(next, a, b);
      const fresh = new LineIndex(next);
      expect(edited.lineCount).toBe(fresh.lineCount);
      for (let l = 1; l <= fresh.lineCount; l++) if (edited.lineStart(l) !== fresh.lineStart(l)) expect(edited.lineStart(l), `edit ${i}, line ${l}`).toBe(fresh.lineStart(l));
      const inc = reparseIncrementally(prev, next);
      if (inc) {
        incremental++;
        expect(sameParse(inc, parseSource("a.charter", next))).toBe(true);
        expectSameLinesAndCount(inc, next, `edit ${i}`);
      }
      prev = inc ?? parseSource("a.charter", next);
      text = next;
      if (i % 20 === 19) {
        text = base;
        prev = parseSource("a.charter", text);
      }
    }
    expect(incremental).toBeGreaterThan(50);
  });

  it("keeps the token limit exact: an edit that takes the file over it is left to a full parse (CH0018)", () => {
    const head = 'charter "T" {\n  decision vote { by: assembly threshold: majority of votes cast }\n';
    const tail = "  body assembly { members: all members }\n}\n";
    const used = countTokens(head + tail, MAX_CHARTER_TOKENS).count;
    // Pad with one-token comment lines to 3 tokens under the limit.
    const text = head + "  // c\n".repeat(MAX_CHARTER_TOKENS - 3 - used) + tail;
    expect(countTokens(text, MAX_CHARTER_TOKENS).count).toBe(MAX_CHARTER_TOKENS - 3);
    const prev = parseSource("a.charter", text);
    expect(prev.parseDiagnostics.map((d) => d.code)).toEqual([]);
    const at = text.indexOf("votes cast") + "votes cast".length;
    // Three tokens more: exactly at the limit, still incremental.
    const atLimit = text.slice(0, at) + " notice: 1 day" + text.slice(at);
    const inc = reparseIncrementally(prev, atLimit);
    expect(inc).not.toBeNull();
    expect(tokenCountOf(inc!.ast)).toBe(MAX_CHARTER_TOKENS);
    expect(sameParse(inc!, parseSource("a.charter", atLimit))).toBe(true);
    // One more: over it, so the whole file is refused, which only a full parse reports.
    const over = atLimit.slice(0, at) + " x" + atLimit.slice(at);
    expect(reparseIncrementally(inc!, over)).toBeNull();
    expect(parseSource("a.charter", over).parseDiagnostics.map((d) => d.code)).toEqual(["CH0018"]);
  });
});
