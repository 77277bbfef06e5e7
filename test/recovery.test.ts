// One broken clause must not hide the others' diagnostics: each mistake is
// reported at its own line, and sections after a missing `}` are still
// resolved and checked.
import { describe, expect, it } from "vitest";
import { checkText } from "./helpers/memory-host.js";

function lines(text: string) {
  const f = checkText(text).files[0]!;
  return f.diagnostics.map((d) => ({ code: d.code, line: f.lines.position(d.span.start).line }));
}

describe("error recovery through the whole pipeline", () => {
  it("reports independent mistakes each at its own line", () => {
    const text = [
      'charter "Several mistakes" {', // 1
      "  membership {", // 2
      '    eligibility "anyone"', // 3  missing colon
      "    admission: open", // 4
      "  }", // 5
      "  exit {", // 6
      "    approval: none", // 7
      "    notice: 30 dayz", // 8  bad duration
      "  body assembly { members: all members ; }", // 9  stray character, and exit's missing }
      "  decision ordinary {", // 10
      "    by: assembley", // 11 unknown body
      "    threshold: majority of votes cast", // 12
      "    quorum: 20% :", // 13 stray token
      "  }", // 14
      "  amendments { by: ordinary }", // 15
      "}", // 16
    ].join("\n");
    const found = lines(text);
    expect(found).toEqual(
      expect.arrayContaining([
        { code: "CH0006", line: 3 },
        { code: "CH0106", line: 8 },
        { code: "CH0009", line: 8 },
        { code: "CH0001", line: 9 },
        { code: "CH0110", line: 11 },
        { code: "CH0010", line: 13 },
      ]),
    );
  });

  it("a missing `}` still gets the later sections' unresolved names reported", () => {
    const text = [
      'charter "Unclosed" {',
      "  membership {",
      '    eligibility: "anyone"',
      "    admission: by vetting", // 4: unknown decision
      "  exit { approval: by release }", // 5: unknown decision, after the unclosed membership
      "  body council { members: 5 seats selection: election by electon }", // 6: unknown decision
      "  decision ordinary { by: counsil threshold: majority of members }", // 7: unknown body
      "  amendments { by: ordinary }",
      "}",
    ].join("\n");
    const found = lines(text);
    expect(found).toEqual(
      expect.arrayContaining([
        { code: "CH0009", line: 4 },
        { code: "CH0110", line: 4 },
        { code: "CH0110", line: 5 },
        { code: "CH0110", line: 6 },
        { code: "CH0110", line: 7 },
      ]),
    );
    const f = checkText(text).files[0]!;
    expect(f.charter?.exit).not.toBeNull();
    expect([...f.charter!.bodies.keys()]).toEqual(["council"]);
    expect([...f.charter!.decisions.keys()]).toEqual(["ordinary"]);
    expect(f.charter?.amendments?.by?.resolved).toBe(true);
  });

  it("a misspelled section keyword costs one error, and mistakes after it are still found", () => {
    const text = [
      'charter "Misspelled" {', // 1
      "  membership {", // 2
      '    eligibility: "anyone"', // 3
      "    admission: open", // 4
      "  }", // 5
      "  exitt {", // 6  unknown section
      "    approval: none", // 7
      "  }", // 8
      "  body assembly { members: all members }", // 9
      "  decision ordinary {", // 10
      "    by: asembly", // 11 unknown body
      "    threshold: majority of votes cast", // 12
      "  }", // 13
      "  amendments { by: ordinary }", // 14
      '  dispute { by: "an arbiter" }', // 15 unknown section
      "}", // 16
    ].join("\n");
    const f = checkText(text).files[0]!;
    const errors = f.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => ({ code: d.code, line: f.lines.position(d.span.start).line, message: d.message }))).toEqual([
      { code: "CH0019", line: 6, message: "unknown section `exitt` (did you mean `exit`?)" },
      { code: "CH0110", line: 11, message: "unknown body `asembly`" },
      { code: "CH0019", line: 15, message: "unknown section `dispute` (did you mean `disputes`?)" },
    ]);
    expect([...f.charter!.bodies.keys()]).toEqual(["assembly"]);
    expect([...f.charter!.decisions.keys()]).toEqual(["ordinary"]);
  });
});
