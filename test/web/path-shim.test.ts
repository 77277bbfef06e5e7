// The browser bundle's `node:path` (src/web/shims/path.ts) agrees with
// Node's own path.posix on the functions the compiler uses.
import nodePath from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import shim from "../../src/web/shims/path.js";

const segment = fc.constantFrom("a", "bb", ".", "..", "", "c.charter", "federations", "x-y");
const pathArb = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean()).map(([abs, parts, trailing]) => `${abs ? "/" : ""}${parts.join("/")}${trailing ? "/" : ""}`);

it("normalize, join, dirname, basename, extname, isAbsolute agree with path.posix", () => {
  fc.assert(
    fc.property(pathArb, pathArb, (a, b) => {
      const p = nodePath.posix;
      expect(shim.normalize(a)).toBe(p.normalize(a));
      expect(shim.join(a, b)).toBe(p.join(a, b));
      expect(shim.dirname(a)).toBe(p.dirname(a));
      expect(shim.basename(a)).toBe(p.basename(a));
      expect(shim.extname(a)).toBe(p.extname(a));
      expect(shim.isAbsolute(a)).toBe(p.isAbsolute(a));
      expect(shim.posix).toBe(shim);
    }),
    { numRuns: 2000 },
  );
});

it("resolve and relative agree with path.posix for absolute paths (the host's are all absolute)", () => {
  fc.assert(
    fc.property(pathArb, pathArb, (a, b) => {
      const p = nodePath.posix;
      const A = `/${a}`;
      const B = `/${b}`;
      expect(shim.resolve(A, b)).toBe(p.resolve(A, b));
      expect(shim.relative(A, B)).toBe(p.relative(A, B));
    }),
    { numRuns: 2000 },
  );
});
