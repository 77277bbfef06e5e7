// The fixed-seed slice of the file-system fuzz family (src/fuzz/fs-family.ts)
// that runs in `npm test`; `npm run fuzz -- --only fs --fs N` runs it at any size.
import { describe, expect, it } from "vitest";
import { runFsCase, runFsFuzz } from "../../src/fuzz/fs-family.js";

const COUNT = Number(process.env.FUZZ_FS_SLICE ?? 60);

describe("file-system fuzz slice", () => {
  it(`${COUNT} hostile projects, seed 20261201: no leak, no write outside, no hang, no internal error`, async () => {
    const r = await runFsFuzz(20261201, COUNT);
    expect(r.failure && `${r.failure.message}\n--- case ---\n${JSON.stringify(r.failure.input)}`).toBeNull();
    expect(r.runs).toBe(COUNT);
  }, 240_000);

  it("the invariants catch what they are for: a case with every hostile entry at once holds", async () => {
    const failure = await runFsCase({
      entries: [
        { kind: "link", name: "a", to: "environ" },
        { kind: "link", name: "b", to: "outside-file" },
        { kind: "link", name: "sub/a", to: "root-of-fs" },
        { kind: "fifo", name: "x.y" },
        { kind: "bad-utf8", name: "A" },
        { kind: "charter", name: "a.records.schema", broken: false },
      ],
      config: "hostile-include",
      out: "link-at-output",
      command: "fmt",
    });
    expect(failure).toBeNull();
  }, 60_000);
});
