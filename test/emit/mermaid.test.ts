// Every generated diagram parses with Mermaid's own parser (mermaid 11 under
// jsdom in Node: no browser), including diagrams built from hostile names.
import { JSDOM } from "jsdom";
import { beforeAll, expect, test } from "vitest";
import { mermaidBlocks, renderMarkdown } from "../../src/emit/markdown.js";
import { checkText } from "../helpers/memory-host.js";
import { exampleCharters } from "./helpers.js";

type Mermaid = { parse(text: string, opts?: { suppressErrors?: boolean }): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  g.DOMParser = dom.window.DOMParser;
  g.Element = dom.window.Element;
  g.HTMLElement = dom.window.HTMLElement;
  g.Node = dom.window.Node;
  if (!("navigator" in globalThis)) g.navigator = dom.window.navigator;
  mermaid = ((await import("mermaid")) as unknown as { default: Mermaid }).default;
});

test("every diagram of every example charter parses", async () => {
  let n = 0;
  for (const f of exampleCharters()) {
    const md = renderMarkdown({ charter: f.charter!, properties: f.properties });
    const blocks = mermaidBlocks(md);
    expect(blocks.length, f.file).toBeGreaterThanOrEqual(2);
    for (const b of blocks) {
      await expect(mermaid.parse(b), `${f.file}\n${b}`).resolves.toBeTruthy();
      n++;
    }
  }
  expect(n).toBeGreaterThan(20);
});

test("a diagram from hostile text still parses, with ids generated and labels escaped", async () => {
  const r = checkText(`federation "Evil \\"]) --> x; click n1 call alert(1) %% <b>#" {
  preamble: """ x """
  powers: defense
  membership { eligibility: "a" admission: open }
  exit { approval: none }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  amendments { by: ordinary }
}`);
  const f = r.files[0]!;
  expect(f.charter).not.toBeNull();
  const md = renderMarkdown({ charter: f.charter!, properties: f.properties });
  const blocks = mermaidBlocks(md);
  for (const b of blocks) await expect(mermaid.parse(b)).resolves.toBeTruthy();
  const all = blocks.join("\n");
  expect(all).not.toMatch(/^\s*click/m);
  expect(all).not.toContain("%%");
  expect(all).toContain("#quot;");
  expect(all).not.toMatch(/<b>/);
  for (const line of all.split("\n")) expect(line).toMatch(/^(flowchart LR$|\s*n\d+)/);
});

test("a malformed diagram is rejected by the parser (the check is real)", async () => {
  await expect(mermaid.parse("flowchart LR\n  n1[\"a\"] -->|\"x\" n2")).rejects.toBeTruthy();
});
