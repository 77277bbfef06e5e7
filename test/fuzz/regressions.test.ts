// Every fixture under test/regressions/ (inputs the fuzzer once failed on,
// saved shrunk as <kind>-<hash>.charter, plus hand-made seeds) must now pass
// the invariants: no crash, ranges inside the text, no hang, and the
// formatter's guarantees when it parses.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFormatter, checkInvariants } from "../../src/fuzz/invariants.js";

const DIR = path.resolve(import.meta.dirname, "../regressions");
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith(".charter")).sort() : [];

describe("fuzz regressions", () => {
  it("has fixtures", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    it(f, async () => {
      const text = fs.readFileSync(path.join(DIR, f), "utf8");
      const r = checkInvariants(text, 20_000);
      expect(r.failure).toBeNull();
      if (r.parses) expect(await checkFormatter(text)).toBeNull();
    });
  }
});
