// The fuzzer's generators do what they claim.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMutations, mutated, rawText, tokens, validCharter } from "../../src/fuzz/arbitraries.js";
import { checkInvariants } from "../../src/fuzz/invariants.js";
import { checkText } from "../helpers/memory-host.js";

describe("validCharter", () => {
  it("generates charters that check without errors", () => {
    for (const text of fc.sample(validCharter, { numRuns: 150, seed: 42 })) {
      const r = checkText(text);
      expect(r.files[0]!.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`), text).toEqual([]);
      expect(r.files[0]!.charter).not.toBeNull();
    }
  });

  it("varies line endings and comments", () => {
    const xs = fc.sample(validCharter, { numRuns: 200, seed: 7 });
    expect(xs.some((x) => x.includes("\r\n"))).toBe(true);
    expect(xs.some((x) => x.includes("//") || x.includes("/*"))).toBe(true);
  });
});

describe("mutations", () => {
  const text = 'charter "A" {\n  exit { approval: none }\n}\n';
  it("splits text into tokens that join back to the text", () => {
    expect(tokens(text).join("")).toBe(text);
  });
  it("deletes, inserts, swaps, truncates, converts to CRLF and adds a BOM", () => {
    const toks = tokens(text);
    expect(applyMutations(text, [{ op: "delete", at: 0 }])).toBe(toks.slice(1).join(""));
    expect(applyMutations(text, [{ op: "insert", at: 0, text: "\ud800" }])).toBe(`\ud800${text}`);
    expect(applyMutations(text, [{ op: "swap", at: 0, with: 0.999 }])).toBe([toks.at(-1), ...toks.slice(1, -1), toks[0]].join(""));
    expect(applyMutations(text, [{ op: "truncate", at: 0.5 }])).toBe(text.slice(0, Math.floor(text.length / 2)));
    expect(applyMutations(text, [{ op: "crlf" }])).toBe(text.replace(/\n/g, "\r\n"));
    expect(applyMutations(text, [{ op: "bom" }])).toBe(`\uFEFF${text}`);
  });
  it("damages corpus files, and raw text covers lone surrogates", () => {
    const damaged = fc.sample(mutated([text]), { numRuns: 100, seed: 1 });
    expect(damaged.filter((d) => d !== text).length).toBeGreaterThan(80);
    const raw = fc.sample(rawText, { numRuns: 400, seed: 1 });
    expect(raw.some((r) => /[\ud800-\udfff]/.test(r))).toBe(true);
  });
});

describe("invariants", () => {
  it("pass for a good charter and report a check slower than the bound", () => {
    const good = checkInvariants(text2());
    expect(good.failure).toBeNull();
    expect(good.parses).toBe(true);
    const slow = checkInvariants(text2(), -1);
    expect(slow.failure?.kind).toBe("slow");
  });
});

function text2(): string {
  return 'charter "B" {\n  membership { eligibility: "anyone" admission: open }\n  exit { approval: none }\n}\n';
}
