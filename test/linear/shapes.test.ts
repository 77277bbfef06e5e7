// The shape zoo (bench/shapes.mjs) generates the charters it says it does:
// valid charters (no errors; the import ring's one cycle is the point of it),
// with the `previous` version a diff needs, so that the bench and the
// counted-work tests measure real inputs, not parse errors.
import { describe, expect, it } from "vitest";
import { linesOf, SHAPES } from "../../bench/shapes.mjs";
import { checkFiles } from "../helpers/memory-host.js";

describe("every shape of the zoo is a valid input", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(name, () => {
      const input = shape.make(8);
      const r = checkFiles(input.files, input.entries);
      const errors = r.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === "error").map((d) => `${f.file}: ${d.code} ${d.message}`));
      if (name === "import ring") {
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain("CH0114");
      } else expect(errors).toEqual([]);
      expect(r.files.every((f) => f.charter !== null)).toBe(true);
      // Growing n grows the input.
      expect(linesOf(shape.make(16))).toBeGreaterThan(linesOf(input));
      if (shape.commands.includes("diff")) {
        expect(input.previous).toBeDefined();
        const before = checkFiles(input.previous!, Object.keys(input.previous!));
        expect(before.errors).toBe(0);
        expect(Object.values(input.previous!)).not.toEqual(Object.keys(input.previous!).map((p) => input.files[p]));
      }
    });
  }
});
