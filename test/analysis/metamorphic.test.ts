// Metamorphic properties through the real parser: renaming clauses,
// reordering sections and adding comments never change a verdict, a cost or
// (up to renaming) a witness. Also: the parsed text analyses exactly like the
// model built directly from the same spec.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCharter } from "../../src/analysis/index.js";
import type { PropertyResult } from "../../src/rules/api.js";
import { checkFiles } from "../rules/harness.js";
import { buildCharter, charterSpecArb } from "./oracle.js";
import { renderSpec, type RenderOptions } from "./render.js";

const RUNS = Number(process.env.METAMORPHIC_RUNS ?? 150);

function verdicts(spec: Parameters<typeof renderSpec>[0], opts: RenderOptions = {}) {
  const text = renderSpec(spec, opts);
  const r = checkFiles({ "gen.charter": text });
  const f = r.files[0]!;
  const errors = f.diagnostics.filter((d) => d.severity === "error" && !d.rule);
  if (errors.length > 0) throw new Error(`generated text does not compile:\n${text}\n${errors.map((d) => d.message).join("\n")}`);
  return { properties: f.properties!, charter: f.charter!, text };
}

function unrename(p: Readonly<Record<string, PropertyResult>>, back: (s: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    const cost = typeof v.cost === "string" ? v.cost.replace(/ of (\S+)$/, (_, b: string) => ` of ${back(b)}`) : v.cost;
    out[k] = { holds: v.holds, cost, witness: v.witness?.map((w) => w.replace(/^(body|decision) (.*)$/, (_, kind: string, name: string) => `${kind} ${back(name)}`)) };
  }
  return out;
}

const strip = (p: Readonly<Record<string, PropertyResult>>) => unrename(p, (s) => s);

describe("metamorphic: verdicts are invariant", () => {
  it("under renaming bodies and decisions", () => {
    // Order-preserving, so ties between equally cheap seat groups break the same way.
    const fwd = (s: string) => `renamed-${s}`;
    const back = (s: string) => s.replace(/^renamed-/, "");
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const a = verdicts(spec);
        const b = verdicts(spec, { rename: fwd });
        expect(unrename(b.properties, back)).toEqual(strip(a.properties));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("under reordering sections (costs and verdicts; witnesses may pick another equally short path)", () => {
    fc.assert(
      fc.property(charterSpecArb, fc.array(fc.nat({ max: 12 }), { minLength: 12, maxLength: 12 }), (spec, perm) => {
        const a = verdicts(spec);
        const b = verdicts(spec, { order: perm });
        const shape = (p: Readonly<Record<string, PropertyResult>>) =>
          Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { holds: v.holds, cost: v.cost, steps: v.witness?.length }]));
        expect(shape(b.properties)).toEqual(shape(a.properties));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("under adding comments", () => {
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const a = verdicts(spec);
        const b = verdicts(spec, { comments: true });
        expect(strip(b.properties)).toEqual(strip(a.properties));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("parsed text and the directly built model give the same costs", () => {
    fc.assert(
      fc.property(charterSpecArb, (spec) => {
        const parsed = analyzeCharter(verdicts(spec).charter);
        const built = analyzeCharter(buildCharter(spec));
        for (const [id, cc] of built.clauses) {
          const p = parsed.clauses.get(id)!;
          expect({ id, cost: p.cost, witness: p.witness }).toEqual({ id, cost: cc.cost, witness: cc.witness });
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
