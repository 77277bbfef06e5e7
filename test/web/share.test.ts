// Sharing by URL: the fragment round-trips any text, refuses damaged input
// and bombs, and keeps shared paths inside the playground's workspace.
import fc from "fast-check";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, safePath } from "../../src/web/share.js";

describe("share fragments", () => {
  it("round-trip any text and path", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const frag = encodeShare({ path: "charters/federations/x.charter", text });
        expect(frag).toMatch(/^c=[A-Za-z0-9_-]+$/);
        expect(decodeShare(`#${frag}`)).toEqual({ path: "charters/federations/x.charter", text });
      }),
      { numRuns: 200 },
    );
  });

  it("compress a charter well below its size", () => {
    const text = "charter \"x\" {\n" + "  decision d { by: assembly quorum: 20% threshold: majority of votes cast }\n".repeat(100) + "}\n";
    expect(encodeShare({ path: "charters/x.charter", text }).length).toBeLessThan(text.length / 10);
  });

  it("give null for damaged, foreign or oversized fragments", () => {
    expect(decodeShare("")).toBeNull();
    expect(decodeShare("#membership")).toBeNull();
    expect(decodeShare("#c=AAAA-not-deflate")).toBeNull();
    expect(decodeShare("#c=")).toBeNull();
    const notJson = Buffer.from(deflateSync(new TextEncoder().encode("nope"))).toString("base64url");
    expect(decodeShare(`#c=${notJson}`)).toBeNull();
    const wrongShape = Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify({ p: 1, t: [] })))).toString("base64url");
    expect(decodeShare(`#c=${wrongShape}`)).toBeNull();
    // A 3 MB text compresses to a few KB; it is refused, not inflated whole.
    const bomb = Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify({ p: "a.charter", t: "a".repeat(3_000_000) })), { level: 9 })).toString("base64url");
    expect(bomb.length).toBeLessThan(10_000);
    expect(decodeShare(`#c=${bomb}`)).toBeNull();
  });

  it("keep a shared path a plain relative .charter path", () => {
    expect(safePath("charters/free-commons.charter")).toBe("charters/free-commons.charter");
    expect(safePath("../../etc/passwd.charter")).toBe("etc/passwd.charter");
    expect(safePath("/abs/./x.charter")).toBe("abs/x.charter");
    expect(safePath("a b/<x>.charter")).toBe("a_b/_x_.charter");
    expect(safePath("x.txt")).toBe("charters/playground.charter");
    expect(safePath("")).toBe("charters/playground.charter");
  });
});
