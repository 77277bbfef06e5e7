// Shared helpers for the diff tests: run the CLI in-process, validate JSON.
import path from "node:path";
import fs from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { main } from "../../src/cli/main.js";
import { checkFiles } from "../helpers/memory-host.js";
import { diffCharters, sideOf, type CharterDiff } from "../../src/diff/index.js";

export async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { cwd, out: (t: string) => void (out += t.endsWith("\n") ? t : t + "\n"), err: (t: string) => void (err += t.endsWith("\n") ? t : t + "\n") };
  const code = await main(args, io);
  return { code, out, err };
}

const ajv = new Ajv2020({ strict: true });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Validate against a schema shipped in schemas/; returns the errors as text (empty when valid). */
export function schemaErrors(name: "diff" | "compare", value: unknown): string {
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile(JSON.parse(fs.readFileSync(path.resolve("schemas", `${name}.schema.json`), "utf8")));
    validators.set(name, v);
  }
  return v(value) ? "" : ajv.errorsText(v.errors);
}

/** Diff two in-memory texts (each checked alone, with optional extra files for imports). */
export function diffTexts(oldText: string, newText: string, extra: Record<string, string> = {}): CharterDiff {
  const o = checkFiles({ ...extra, "main.charter": oldText }, ["main.charter"]);
  const n = checkFiles({ ...extra, "main.charter": newText }, ["main.charter"]);
  const os = sideOf(o, "main.charter", "old.charter");
  const ns = sideOf(n, "main.charter", "new.charter");
  if (!os || !ns) throw new Error(`a side did not parse: ${[...o.files, ...n.files].flatMap((f) => f.diagnostics.map((d) => d.message)).join("; ")}`);
  return diffCharters(os, ns);
}
