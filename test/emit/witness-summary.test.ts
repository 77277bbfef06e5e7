// A long witness is shown as its first and last steps around "N more"; the
// summary is read in one pass over the predecessor links (ends/shownSteps),
// and must show exactly what slicing the whole path shows, at every length.
import { describe, expect, it } from "vitest";
import { analyzeCharter, ends, type ClauseCost } from "../../src/analysis/index.js";
import { buildConstitution } from "../../src/emit/constitution.js";
import { code, g, list, r, type Rich } from "../../src/emit/rich.js";
import { WITNESS_HEAD, WITNESS_TAIL, shownSteps, witnessWords } from "../../src/emit/words.js";
import { hover } from "../../src/lsp/hover.js";
import { checkText } from "../helpers/memory-host.js";
import { BUILD_SHAPES } from "./shapes.js";

const SHOWN = WITNESS_HEAD + WITNESS_TAIL + 1;

describe("ends / shownSteps", () => {
  it("give the first and last items as slicing would, for every length", () => {
    for (let n = 0; n <= 30; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      for (const [h, t] of [[0, 0], [0, 3], [2, 0], [6, 4], [3, 1]] as const) {
        const e = ends(items, h, t);
        expect(e.total).toBe(n);
        expect(e.head).toEqual(items.slice(0, h));
        expect(e.tail).toEqual(t === 0 ? [] : items.slice(h).slice(-t));
      }
      const s = shownSteps(items);
      if (n <= SHOWN) expect(s).toEqual({ head: items, tail: [], omitted: 0, total: n });
      else expect(s).toEqual({ head: items.slice(0, WITNESS_HEAD), tail: items.slice(-WITNESS_TAIL), omitted: n - WITNESS_HEAD - WITNESS_TAIL, total: n });
    }
  });
});

/** The "by first amending …" part as the page said it before: the whole path, sliced. */
function slicedPath(cc: ClauseCost): Rich {
  const inner = cc.steps.slice(1, -1).filter((s) => s.edge !== "default");
  const path: Rich[] = inner.length <= SHOWN
    ? inner.map((s) => [code(s.id)])
    : [...inner.slice(0, WITNESS_HEAD).map((s) => [code(s.id)]), [g(`${inner.length - WITNESS_HEAD - WITNESS_TAIL} more`)], ...inner.slice(-WITNESS_TAIL).map((s) => [code(s.id)])];
  return path.length > 0 ? r` by first amending ${list(path)}` : [];
}

describe("the deep amendable chain's exit witness on the page", () => {
  for (const n of [2, 5, 9, 10, 11, 12, 40]) {
    it(`n = ${n}: the steps shown are the whole path's first ${WITNESS_HEAD} and last ${WITNESS_TAIL}`, () => {
      const f = checkText(BUILD_SHAPES["deep amendable chain"]!(n), "shape.charter").files[0]!;
      const charter = f.charter!;
      const a = analyzeCharter(charter);
      const exit = a.exit!;
      const steps = exit.steps;
      expect(steps.length).toBe(exit.length);
      expect([...exit.walk()]).toEqual(steps);

      const doc = buildConstitution({ charter, properties: f.properties, lines: f.lines });
      const undo = doc.guarantees!.find((x) => x.undo)!.undo!;
      const pick = steps.length <= SHOWN ? steps : [...steps.slice(0, WITNESS_HEAD), ...steps.slice(-WITNESS_TAIL)];
      expect(undo.steps.map((s) => [s.clauseId, s.edge])).toEqual(pick.map((s) => [s.id, s.edge]));
      expect(undo.total).toBe(steps.length);
      expect(undo.omitted).toBe(steps.length - pick.length);

      // The sentence names the same steps as the sliced path did.
      const words = JSON.stringify(witnessWords(exit, a.unit, "weaken"));
      expect(words).toContain(JSON.stringify(slicedPath(exit)).slice(1, -1));
    });
  }

  it("hover on exit shows a summarised witness, not the whole chain", () => {
    const n = 2000;
    const text = BUILD_SHAPES["deep amendable chain"]!(n);
    const f = checkText(text, "shape.charter").files[0]!;
    const h = hover(f, text.indexOf("exit {") + 1);
    const value = (h!.contents as { value: string }).value;
    expect(value).toMatch(/\*\*witness:\*\* `exit` → /);
    expect(value).toMatch(/… \d+ more …/);
    expect(value.length).toBeLessThan(2000);
  });
});
