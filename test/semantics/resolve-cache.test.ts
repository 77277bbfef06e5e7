// Resolving with a cache (src/semantics/resolve.ts, `ResolveCache`), as the
// language server does after each edit: sections whose AST objects are
// unchanged reuse their clauses and only the name binding is redone. The
// result must be exactly a fresh resolve's, and an earlier result must not
// change afterwards — on the example charters, under random edits that
// rename, break and repair sections.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource, type SourceFile } from "../../src/compiler.js";
import { movesOf } from "../../src/ast/moves.js";
import { reparseIncrementally } from "../../src/lsp/incremental.js";
import { resolve, ResolveCache, type ImportTarget } from "../../src/semantics/resolve.js";

const REPO = path.resolve(__dirname, "../..");
const CHARTERS = ["charters/free-commons.charter", "charters/federations/cascadia-confederacy.charter", "charters/panarchy.charter"];
const SNIPPETS = ["", " ", "\n", "x", "-2", "{", "}", ":", ",", '"', "/*", "30 days", "2/3", "by ordinary", "by assembly", "amendable: never", "quorum: 20%\n", "selection: appointment by council\n"];

/** Maps as entries, so two results compare by content. */
const dump = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));

function targetsFor(src: SourceFile): ImportTarget[] {
  return src.ast.imports.map((_, i) => (i % 2 === 0 ? { file: `fed-${i}.charter`, kind: "federation" } : { file: null, kind: null }));
}

describe("resolve with a cache", () => {
  it("reuses the clauses of unchanged sections", () => {
    const text = fs.readFileSync(path.join(REPO, CHARTERS[0]!), "utf8");
    const prev = parseSource("a.charter", text);
    const cache = new ResolveCache();
    const r1 = resolve(prev.ast, "a.charter", [], cache);
    const at = text.indexOf("quorum: 20%") + 8;
    const next = reparseIncrementally(prev, text.slice(0, at) + "25" + text.slice(at + 2))!;
    const r2 = resolve(next.ast, "a.charter", [], cache);
    expect(dump(r2)).toBe(dump(resolve(next.ast, "a.charter", [])));
    const same = r2.charter!.clauses.filter((c) => r1.charter!.clauses.includes(c)).length;
    expect(same).toBe(r1.charter!.clauses.length - 1);
  });

  it("rebinds references when a name they use comes and goes, without touching the earlier result", () => {
    const text = 'charter "T" {\n  body council { members: 5 seats selection: election by vote }\n  decision vote { by: council threshold: majority of votes cast }\n  decision other { by: council threshold: majority of votes cast amendable: by vote }\n}\n';
    const cache = new ResolveCache();
    let src = parseSource("t.charter", text);
    const r1 = resolve(src.ast, "t.charter", [], cache);
    const before = dump(r1);
    expect(r1.diagnostics.map((d) => d.code)).toEqual([]);
    // Rename `vote`: the references in the other two sections no longer bind.
    const renamed = text.replace("decision vote", "decision votes");
    src = reparseIncrementally(src, renamed) ?? parseSource("t.charter", renamed);
    const r2 = resolve(src.ast, "t.charter", [], cache);
    expect(dump(r2)).toBe(dump(resolve(src.ast, "t.charter", [])));
    expect(r2.diagnostics.map((d) => d.code)).toEqual(["CH0110", "CH0110"]);
    expect(dump(r1)).toBe(before);
    // And back: they bind again.
    src = reparseIncrementally(src, text) ?? parseSource("t.charter", text);
    const r3 = resolve(src.ast, "t.charter", [], cache);
    expect(dump(r3)).toBe(dump(resolve(src.ast, "t.charter", [])));
    expect(dump(r3)).toBe(before);
    expect(r2.diagnostics.map((d) => d.code)).toEqual(["CH0110", "CH0110"]);
  });

  it("moves the clauses after an edit that changes the length, for every form of body and decision", () => {
    const text = [
      'charter "V" {',
      "  decision first { by: council threshold: majority of votes cast }",
      "  body council { members: 5 seats selection: election by first term: 2 years recall: by first amendable: by first }",
      "  body everyone { members: all members recall: none amendable: never }",
      "  body picked { members: 3 seats selection: appointment by council }",
      "  body lot { members: 7 seats selection: sortition term: 1 year }",
      "  body bare { members: 2 seats }",
      '  decision second { by: council quorum: 20% threshold: 2/3 of members notice: 14 days appeal: to council amendable: by first }',
      "  decision third { by: everyone threshold: unanimity appeal: none }",
      '  decision fourth { by: everyone threshold: consensus appeal: to "the courts" }',
      "  decision fifth { by: nobody threshold: majority quorum: 120% amendable: by council }",
      "  decision sixth { by: first threshold: 75% of votes cast notice: immediately recall: none }",
      "  membership { admission: by first consent: by residence }",
      "  exit { approval: by second notice: 30 days retains: property, data }",
      "  amendments { by: second delay: 1 week }",
      "  disputes { by: council appeal: to picked }",
      "}",
      "",
    ].join("\n");
    const cache = new ResolveCache();
    let src = parseSource("v.charter", text);
    resolve(src.ast, "v.charter", [], cache);
    const at = text.indexOf("votes cast");
    for (const insert of [" ", "\n\n", "x"]) {
      const next = src.text.slice(0, at) + insert + src.text.slice(at);
      const inc = reparseIncrementally(src, next);
      expect(inc).not.toBeNull();
      expect(movesOf(inc!.ast)?.delta).toBe(insert.length);
      src = inc!;
      const r = resolve(src.ast, "v.charter", [], cache);
      expect(dump(r)).toBe(dump(resolve(src.ast, "v.charter", [])));
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it("starts over when the file, the kind or the imports change", () => {
    const text = fs.readFileSync(path.join(REPO, CHARTERS[1]!), "utf8");
    const src = parseSource("c.charter", text);
    const cache = new ResolveCache();
    resolve(src.ast, "c.charter", [], cache);
    expect(dump(resolve(src.ast, "d.charter", [], cache))).toBe(dump(resolve(src.ast, "d.charter", [])));
    const t = targetsFor(src);
    expect(dump(resolve(src.ast, "d.charter", t, cache))).toBe(dump(resolve(src.ast, "d.charter", t)));
  });

  it("equals a fresh resolve after thousands of random edits", () => {
    let seed = 4242;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let reused = 0;
    for (const file of CHARTERS) {
      const original = fs.readFileSync(path.join(REPO, file), "utf8");
      let text = original;
      let src = parseSource(file, text);
      const cache = new ResolveCache();
      let last: { result: ReturnType<typeof resolve>; dump: string } | null = null;
      for (let i = 0; i < 800; i++) {
        let a = rand(text.length + 1);
        // Often inside a body's or decision's name, so references elsewhere stop (or start) binding.
        const names = [...text.matchAll(/(?:body|decision) ([a-z][a-z-]*)/g)];
        if (rand(3) === 0 && names.length > 0) {
          const m = names[rand(names.length)]!;
          a = m.index + m[0].length - rand(2);
        }
        if (a < text.length && (text.charCodeAt(a) & 0xfc00) === 0xdc00) a--;
        let b = Math.min(a + (rand(3) === 0 ? rand(12) : 0), text.length);
        if (b < text.length && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b++;
        text = text.slice(0, a) + SNIPPETS[rand(SNIPPETS.length)]! + text.slice(b);
        src = reparseIncrementally(src, text) ?? parseSource(file, text);
        // Now and then the server skips a version (edits coming faster than it checks).
        if (rand(5) === 0) {
          const at = rand(text.length + 1);
          text = text.slice(0, at) + SNIPPETS[rand(SNIPPETS.length)]! + text.slice(at);
          if ((text.charCodeAt(at) & 0xfc00) !== 0xdc00) src = reparseIncrementally(src, text) ?? parseSource(file, text);
          else src = parseSource(file, text);
        }
        const targets = targetsFor(src);
        const withCache = resolve(src.ast, file, targets, cache);
        const fresh = resolve(src.ast, file, targets);
        const d = dump(withCache);
        expect(d, `edit ${i} of ${file} at ${a}`).toBe(dump(fresh));
        // The previous result is as it was.
        if (last) expect(dump(last.result)).toBe(last.dump);
        if (last?.result.charter && withCache.charter) reused += withCache.charter.clauses.filter((c) => last!.result.charter!.clauses.includes(c)).length;
        last = { result: withCache, dump: d };
        if (i % 10 === 9) {
          text = original;
          src = parseSource(file, text);
        }
      }
    }
    expect(reused).toBeGreaterThan(400);
  });
});
