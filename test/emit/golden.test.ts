// Golden outputs for every example charter: Markdown, canonical JSON,
// records schema and IG CSV under test/emit/golden/<charter>/. Rewrite them
// with `npx vitest run test/emit -u`. Each charter is emitted twice and the
// bytes compared.
import { Ajv2020 } from "ajv/dist/2020.js";
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { emitCharter } from "../../src/emit/index.js";
import { exampleCharters, exampleChartersByFile, goldenName } from "./helpers.js";

const charters = exampleCharters();
const byFile = exampleChartersByFile();
const charterSchema = JSON.parse(fs.readFileSync("schemas/charter.schema.json", "utf8"));
const validateCharter = new Ajv2020({ strict: true }).compile(charterSchema);

test("the examples are there", () => {
  expect(charters.length).toBeGreaterThanOrEqual(10);
});

describe.each(charters.map((f) => [goldenName(f.file), f] as const))("%s", (name, f) => {
  test("golden outputs, byte-identical across two runs", async () => {
    const first = await emitCharter({ charter: f.charter!, properties: f.properties, lines: f.lines, charters: byFile }, "out");
    const second = await emitCharter({ charter: f.charter!, properties: f.properties, lines: f.lines, charters: byFile }, "out");
    expect(second.map((o) => o.content)).toEqual(first.map((o) => o.content));
    expect(first.map((o) => o.kind)).toEqual(["markdown", "json", "schema", "ig"]);
    for (const o of first) {
      const file = `golden/${name}/${o.name.replace(/^out/, name.split("/").pop()!)}`;
      await expect(o.content).toMatchFileSnapshot(file);
    }
  });

  test("the JSON validates against schemas/charter.schema.json", async () => {
    const [json] = await emitCharter({ charter: f.charter!, properties: f.properties }, "x", ["json"]);
    const validate = validateCharter;
    const value = JSON.parse(json!.content);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(value.name).toBe(f.charter!.name);
    expect(Object.keys(value.properties)).toContain("exit-entrenched");
  });

  test("the records schema compiles under ajv strict mode", async () => {
    const [schema] = await emitCharter({ charter: f.charter!, properties: f.properties }, "x", ["schema"]);
    const ajv = new Ajv2020({ strict: true });
    const s = JSON.parse(schema!.content);
    const validate = ajv.compile(s);
    expect(validate({ members: [], decisions: [], exits: [] })).toBe(true);
    expect(s.$defs.decision.properties.procedure.enum).toEqual([...f.charter!.decisions.keys()]);
    expect(s.$defs.decision.properties.amends.enum).toEqual(f.charter!.clauses.map((c) => c.id));
  });
});

test("the published charter schema itself compiles in strict mode and has a versioned $id", () => {
  const ajv = new Ajv2020({ strict: true });
  ajv.compile(charterSchema);
  expect(charterSchema.$id).toBe("https://charterc.dev/schemas/charter/v1.json");
  expect(charterSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
});
