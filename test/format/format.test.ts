// The formatter, end to end through `formatCharter` (prettier + the plugin):
// folder-per-case golden files, then the invariants on every example
// charter, every test fixture that parses, and generated charters.
// Update the golden files with `npx vitest run test/format -u`.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "../../src/lower/index.js";
import { formatCharter, formatJson, formatMarkdown } from "../../src/prettier/generated.js";
import { assertFormatInvariants, charterFiles, fmt } from "./helpers.js";
import { charterSource, parsesCleanly } from "./arbitrary.js";

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, "../..");
const casesDir = path.join(here, "cases");
const cases = fs.readdirSync(casesDir).filter((d) => fs.existsSync(path.join(casesDir, d, "input.charter")));

describe("golden cases (input.charter → output.charter)", () => {
  test("there are cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const name of cases) {
    test(name, async () => {
      const dir = path.join(casesDir, name);
      const input = fs.readFileSync(path.join(dir, "input.charter"), "utf8");
      const output = await fmt(input, `${name}/input.charter`);
      await expect(output).toMatchFileSnapshot(path.join(dir, "output.charter"));
      // The golden output is itself formatted, and every invariant holds.
      expect(await fmt(output)).toBe(output);
      await assertFormatInvariants({ "main.charter": input }, "main.charter");
    });
  }
});

describe("invariants on real charters", () => {
  const examples = charterFiles(path.join(repo, "charters"));
  test("the examples exist", () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  const all = Object.fromEntries(examples.map((f) => [`charters/${f}`, fs.readFileSync(path.join(repo, "charters", f), "utf8")]));
  for (const f of examples) {
    test(`charters/${f}`, async () => {
      await assertFormatInvariants(all, `charters/${f}`);
    });
  }

  // Every fixture under test/ that parses (the others must be refused).
  const fixtures = charterFiles(path.join(repo, "test")).filter((f) => !f.startsWith("format/"));
  test("fixtures exist", () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });
  for (const f of fixtures) {
    test(`test/${f}`, async () => {
      const dir = path.dirname(path.join(repo, "test", f));
      const siblings = Object.fromEntries(charterFiles(dir).map((s) => [s, fs.readFileSync(path.join(dir, s), "utf8")]));
      const entry = path.basename(f);
      if (parsesCleanly(siblings[entry]!)) {
        await assertFormatInvariants(siblings, entry);
      } else {
        const r = await formatCharter(siblings[entry]!, { file: entry });
        expect("diagnostics" in r && r.diagnostics.length > 0).toBe(true);
      }
    });
  }
});

describe("generated charters", () => {
  test("1,000 generated charters keep every invariant", async () => {
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(charterSource(), async (text) => {
        if (!parsesCleanly(text)) return;
        clean++;
        await assertFormatInvariants({ "main.charter": text }, "main.charter");
      }),
      { numRuns: 1000 },
    );
    // The generator is meant to produce valid charters nearly always.
    expect(clean).toBeGreaterThan(950);
  }, 120_000);

  test("generated charters with narrow and wide print widths and tabs are stable", async () => {
    await fc.assert(
      fc.asyncProperty(charterSource({ maxEntries: 4 }), fc.integer({ min: 20, max: 160 }), fc.boolean(), async (text, printWidth, useTabs) => {
        if (!parsesCleanly(text)) return;
        const opts = { printWidth, useTabs };
        const once = await formatCharter(text, opts);
        if (!("formatted" in once)) throw new Error("refused");
        const twice = await formatCharter(once.formatted, opts);
        expect(twice).toEqual(once);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe("what the formatter refuses or keeps", () => {
  test("a file with a syntax error is not formatted: its diagnostics come back", async () => {
    const r = await formatCharter('charter "x" {\n  version "1"\n}\n', { file: "bad.charter" });
    expect(r).toHaveProperty("diagnostics");
    if ("diagnostics" in r) {
      expect(r.diagnostics.map((d) => d.code)).toEqual(["CH0006"]);
      expect(r.diagnostics[0]!.file).toBe("bad.charter");
    }
  });

  test("semantic errors do not stop formatting", async () => {
    expect(await fmt('charter "x" { nonsense: 42 }')).toBe('charter "x" {\n  nonsense: 42\n}\n');
  });

  test("CRLF line endings become LF; the charter is unchanged", async () => {
    const text = 'charter "x" {\r\n  version: "1"\r\n  preamble: """\r\n    a\r\n\r\n    b\r\n  """\r\n}\r\n';
    const out = await fmt(text);
    expect(out).toBe('charter "x" {\n  version: "1"\n  preamble: """\n    a\n\n    b\n  """\n}\n');
    await assertFormatInvariants({ "main.charter": text }, "main.charter");
  });

  test("a byte-order mark is kept", async () => {
    const out = await fmt('\uFEFFcharter "x" {  }');
    expect(out).toBe('\uFEFFcharter "x" {}\n');
  });

  test("prose keeps its exact text, whatever the indentation", async () => {
    const text = 'charter "x" {\n preamble: """\n\t\ta\n\t\t  b  \n\n\t\tc\n\t"""\n}';
    const out = await fmt(text);
    const prose = (t: string) => {
      const f = parse(t, "x").ast.entries[0];
      return f?.kind === "field" ? f.value?.items[0]?.terms[0] : undefined;
    };
    expect(prose(out)).toMatchObject({ kind: "prose", value: "a\n  b  \n\nc" });
    expect(out).toBe('charter "x" {\n  preamble: """\n    a\n      b  \n\n    c\n  """\n}\n');
  });

  test("tabs instead of spaces when asked", async () => {
    const r = await formatCharter('charter "x" { exit { approval: none notice: 1 day } }', { useTabs: true });
    expect(r).toEqual({ formatted: 'charter "x" {\n\texit {\n\t\tapproval: none\n\t\tnotice: 1 day\n\t}\n}\n' });
  });
});

describe("formatting generated Markdown and JSON", () => {
  test("formatMarkdown normalises layout without rewrapping text", async () => {
    const md = "# Title\n\n\n* one\n* two\n\nA long line that must not be wrapped even though it is well beyond eighty characters wide.\n";
    expect(await formatMarkdown(md)).toBe(
      "# Title\n\n- one\n- two\n\nA long line that must not be wrapped even though it is well beyond eighty characters wide.\n",
    );
  });

  test("formatMarkdown keeps escapes", async () => {
    const md = "Text with \\*stars\\* and \\_underscores\\_ and `code`.\n";
    expect(await formatMarkdown(md)).toBe(md);
  });

  test("formatJson prints two-space JSON with one final newline", async () => {
    expect(await formatJson('{"a":1,"b":[1,2,{"c":"d"}]}')).toBe('{ "a": 1, "b": [1, 2, { "c": "d" }] }\n');
    const long = JSON.stringify({ properties: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`property-${i}`, { holds: true }])) });
    const out = await formatJson(long);
    expect(out.split("\n")[1]).toBe('  "properties": {');
    expect(JSON.parse(out)).toEqual(JSON.parse(long));
  });
});
