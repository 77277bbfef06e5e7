// `build` stays linear on the shapes of issue 13: publishing a charter twice
// as large (Markdown, canonical JSON, records schema, IG CSV and its page of
// the HTML site, highlighted source included) costs at most ~2.3× the work
// (counted, not timed: test/helpers/work-meter.ts, imported first so that it
// counts). The check runs outside the count: its own linearity is tested
// with the analyses.
import { doublingRatio, stopWorkMeter } from "../helpers/work-meter.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileResult } from "../../src/compiler.js";
import { toIgCsv } from "../../src/emit/ig.js";
import type { Highlighter } from "../../src/emit/html/highlight.js";
import { buildSite } from "../../src/emit/html/site.js";
import { stringifyCanonical, toCanonicalJson } from "../../src/emit/json.js";
import { renderMarkdown } from "../../src/emit/markdown.js";
import { recordSchemas } from "../../src/emit/record-schemas.js";
import { checkText } from "../helpers/memory-host.js";
import { BUILD_SHAPES } from "./shapes.js";
import { OUTPUTS, testHighlighter } from "./site-helpers.js";

afterAll(stopWorkMeter);

let highlighter: Highlighter;
beforeAll(async () => {
  highlighter = await testHighlighter();
});

/** Canonical JSON lists every clause's whole witness path: on the deep amendable chain that is n paths of length up to n. */
const json = (f: FileResult) => stringifyCanonical(toCanonicalJson(f.charter!, f.properties)).length;

function publish(f: FileResult): number {
  const charter = f.charter!;
  let bytes = renderMarkdown({ charter, properties: f.properties, lines: f.lines }).length;
  bytes += json(f);
  bytes += stringifyCanonical(recordSchemas(charter)).length;
  bytes += toIgCsv(charter).length;
  const site = buildSite({
    charters: [{ file: f.file, base: "shape", text: f.text, lines: f.lines, charter, properties: f.properties, diagnostics: f.diagnostics }],
    all: new Map([[f.file, charter]]),
    outputs: OUTPUTS,
    highlighter,
    playground: false,
    gitRev: null,
  });
  for (const s of site) bytes += s.content.length;
  return bytes;
}

// Large enough that a walk of the whole witness per clause shows: on the deep
// amendable chain such a walk (n paths of length up to n) takes 1,000 → 2,000
// from ~1.4× to ~3.0× the work; at 300 it only reached ~2.5×.
const SIZES: Record<string, number> = { rights: 1000, "block comments": 1000, preamble: 1000, "deep amendable chain": 1000, "election chain": 300 };

function checked(make: (n: number) => string) {
  return (n: number): FileResult => {
    const f = checkText(make(n), "shape.charter").files[0]!;
    expect(f.charter, f.diagnostics.map((d) => d.message).join("; ")).toBeTruthy();
    expect(f.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return f;
  };
}

describe("publishing twice the input costs at most ~2.3× the work", () => {
  for (const [shape, make] of Object.entries(BUILD_SHAPES)) {
    it(shape, () => {
      const { small, large, ratio } = doublingRatio(checked(make), (f) => publish(f), SIZES[shape]!);
      expect(ratio, `${small} → ${large} block executions`).toBeLessThan(2.3);
    });
  }

  // Each clause's JSON names only the next step of its witness (`next`), so
  // the paths are stored once; before, every clause carried its whole path
  // and on this shape each path runs the chain (23 MB → 91 MB of JSON).
  it("canonical JSON of the deep amendable chain", () => {
    const { small, large, ratio } = doublingRatio(checked(BUILD_SHAPES["deep amendable chain"]!), json, SIZES["deep amendable chain"]!);
    expect(ratio, `${small} → ${large} block executions`).toBeLessThan(2.3);
  });
});
