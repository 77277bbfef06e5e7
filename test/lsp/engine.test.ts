// The language server's incremental checker gives exactly what `check()`
// gives, after any sequence of edits, file creations and deletions: every
// file's diagnostics (same order), verdicts, charter and entry flag.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check, type FileResult } from "../../src/compiler.js";
import { DEFAULT_OPTIONS } from "../../src/config/options.js";
import { Engine } from "../../src/lsp/engine.js";
import { memoryHost } from "../helpers/memory-host.js";
import { federationWorkspace, memberText } from "./shapes.js";

const REPO = path.resolve(__dirname, "../..");

function repoCharters(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".charter")) out[rel] = fs.readFileSync(path.join(REPO, rel), "utf8");
    }
  };
  walk("charters");
  return out;
}

const norm = (r: FileResult) =>
  JSON.stringify({ file: r.file, text: r.text, diagnostics: r.diagnostics, properties: r.properties, charter: r.charter !== null, entry: r.entry });

function runToEnd(engine: Engine, files: Record<string, string>, entries: string[]) {
  const host = memoryHost(files);
  const gen = engine.run({ host, entries: new Set(entries), options: DEFAULT_OPTIONS });
  let step = gen.next();
  while (!step.done) step = gen.next();
  return step.value;
}

function expectSame(engine: Engine, files: Record<string, string>, entries: string[]) {
  const expected = check({ entries: [...entries].sort(), host: memoryHost(files), options: DEFAULT_OPTIONS });
  const got = [...engine.results()].sort((a, b) => (a.file < b.file ? -1 : 1));
  expect(got.map(norm)).toEqual(expected.files.map(norm));
}

/** A small deterministic PRNG. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("incremental checker", () => {
  it("equals check() on the example charters, then after random edits, creations and deletions", () => {
    const files: Record<string, string> = { ...repoCharters(), ...federationWorkspace(6) };
    let entries = Object.keys(files);
    const engine = new Engine(new Map());
    runToEnd(engine, files, entries);
    expectSame(engine, files, entries);
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const edits: ((f: string) => void)[] = [
      (f) => (files[f] = files[f]!.replace(/quorum: \d+%/, `quorum: ${Math.floor(rand() * 120)}%`)),
      (f) => (files[f] = files[f]!.replace(/delegates: [^\n]*/, pick(["delegates: defense", "delegates: disputes", "delegates: defense, disputes"]))),
      (f) => (files[f] = files[f]!.replace("body", "bodyy")),
      (f) => (files[f] = files[f]!.replace(/^import "[^"]*"/m, 'import "./missing.charter"')),
      (f) => (files[f] = `import "../fed.charter" as again\n${files[f]}`),
      (f) => (files[f] = files[f]!.slice(0, Math.floor(rand() * files[f]!.length))),
      // Over the per-code cap: the same capped list and "and N more" as check().
      (f) => (files[f] = files[f]!.replace(/\n}\s*$/, `\n${Array.from({ length: 130 }, (_, i) => `  zz${i}: 1`).join("\n")}\n}\n`)),
      () => {
        if (files["fed.charter"]) files["fed.charter"] = files["fed.charter"].replace(/powers: [^\n]*/, pick(["powers: defense", "powers: defense, treasury", "powers: disputes"]));
      },
      (f) => {
        if (files["fed.charter"]) files["fed.charter"] = `import "./${f}" as loop\n${files["fed.charter"]}`;
      },
      (f) => {
        delete files[f];
      },
      () => {
        const i = Math.floor(rand() * 20) + 100;
        files[`members/m${i}.charter`] = memberText(i, 40);
        entries = [...new Set([...entries, `members/m${i}.charter`])];
      },
    ];
    for (let round = 0; round < 120; round++) {
      const present = Object.keys(files);
      const before = { ...files };
      const f = pick(present);
      const edit = pick(edits);
      edit(f);
      const all = new Set([...present, ...Object.keys(files)]);
      if (rand() < 0.3) {
        // Everything may have changed (a watched-files event).
        for (const file of all) engine.touch(file);
        engine.touchPaths();
      } else {
        // As the editor reports an edit: only the files whose text changed; files appearing or disappearing re-resolve import paths.
        for (const file of all) if (before[file] !== files[file]) engine.touch(file);
        if (Object.keys(before).length !== Object.keys(files).length || present.some((p) => files[p] === undefined)) engine.touchPaths();
      }
      if (rand() < 0.5) {
        // A run stopped part-way (a newer edit arrived), then another edit: nothing it found may be lost.
        const gen = engine.run({ host: memoryHost(files), entries: new Set(entries), options: DEFAULT_OPTIONS });
        for (let k = Math.floor(rand() * 40); k > 0 && !gen.next().done; k--);
        gen.return(undefined as never);
        const g = pick(Object.keys(files));
        pick(edits.slice(0, 3))(g);
        engine.touch(g);
      }
      runToEnd(engine, files, entries);
      expectSame(engine, files, entries);
    }
  });

  it("follows a member that moves to another federation: what its rules read is re-recorded", () => {
    const files = federationWorkspace(3);
    files["fed2.charter"] = files["fed.charter"]!.replace('"League"', '"Other League"');
    const entries = () => Object.keys(files);
    const engine = new Engine(new Map());
    const step = (change: () => void, touched: string[]) => {
      change();
      for (const f of touched) engine.touch(f);
      runToEnd(engine, files, entries());
      expectSame(engine, files, entries());
    };
    step(() => {}, []);
    // m1 now imports the other federation (its tie reads fed2.charter, no longer fed.charter)…
    step(() => (files["members/m1.charter"] = memberText(1, 50).replace("../fed.charter", "../fed2.charter")), ["members/m1.charter"]);
    // …so a change of fed2's powers reaches m1's rules, and one of fed's does not.
    step(() => (files["fed2.charter"] = files["fed2.charter"]!.replace("powers: defense", "powers: disputes")), ["fed2.charter"]);
    step(() => (files["fed.charter"] = files["fed.charter"]!.replace("powers: defense", "powers: treasury")), ["fed.charter"]);
    step(() => (files["fed2.charter"] = files["fed2.charter"]!.replace("powers: disputes", "powers: defense")), ["fed2.charter"]);
  });

  it("an edit to one member re-resolves that member alone", () => {
    const files = federationWorkspace(40);
    const entries = Object.keys(files);
    const engine = new Engine(new Map());
    runToEnd(engine, files, entries);
    const before = { ...engine.stats };
    files["members/m7.charter"] = memberText(7, 60);
    engine.touch("members/m7.charter");
    const out = runToEnd(engine, files, entries);
    expect(engine.stats.reads - before.reads).toBe(1);
    expect(engine.stats.resolves - before.resolves).toBe(1);
    // The member's 14 rules, and the federation's two that read every member.
    expect(engine.stats.evaluations - before.evaluations).toBeLessThanOrEqual(14 + 2);
    expect(out.changed.map((r) => r.file).sort()).toEqual(["fed.charter", "members/m7.charter"].filter((f) => out.changed.some((r) => r.file === f)));
    expect(out.changed.some((r) => r.file === "members/m7.charter")).toBe(true);
    expectSame(engine, files, entries);
  });
});
