// `charterc validate`: records (members, decisions, exit notices) checked
// against a charter. Pure: text in, diagnostics out.
//
//   1. load the YAML/JSON with limits (src/yaml/safe-yaml.ts): size, depth on
//      the CST before values are built, alias expansion, forbidden keys;
//   2. structure: the charter's records schema (src/emit/record-schemas.ts)
//      with ajv in strict mode, record by record, so one bad record does not
//      hide the others;
//   3. semantics (./semantics.ts): quorum, threshold on the right base,
//      consensus, unanimity, entrenched clauses, amendment delay, exits.
// docs/records.md describes the format and every check.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { Document } from "yaml";
import { diag } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { recordSchemas, recordsSchemaId } from "../emit/record-schemas.js";
import type { Charter } from "../semantics/model.js";
import { LineIndex } from "../text/line-index.js";
import { DEFAULT_YAML_LIMITS, loadYaml, type YamlLimits } from "../yaml/safe-yaml.js";
import { suggest } from "../text/suggest.js";
import { fromPointer, keySpanAt, spanAt, type Path } from "./locate.js";
import { checkSemantics, type RecordLog } from "./semantics.js";

export interface ValidateInput {
  /** Path shown in diagnostics. */
  readonly file: string;
  readonly text: string;
  readonly charter: Charter;
  readonly limits?: YamlLimits;
}

export interface ValidateResult {
  readonly file: string;
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** How many records of each kind were read (0 when the file could not be loaded). */
  readonly counts: { readonly members: number; readonly decisions: number; readonly exits: number };
}

interface Validators {
  readonly root: ValidateFunction;
  readonly member: ValidateFunction;
  readonly decision: ValidateFunction;
  readonly exitNotice: ValidateFunction;
  /** The fields each kind of record may have, for "unknown field" with a did-you-mean. */
  readonly fields: Readonly<Record<"member" | "decision" | "exitNotice", readonly string[]>>;
}

const validators = new WeakMap<Charter, Validators>();

function validatorsFor(charter: Charter): Validators {
  const hit = validators.get(charter);
  if (hit) return hit;
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  const schema = recordSchemas(charter);
  ajv.addSchema(schema);
  const id = recordsSchemaId(charter);
  const get = (ref: string) => ajv.getSchema(ref)!;
  const defs = (schema as { $defs?: Record<string, { properties?: Record<string, unknown> }> }).$defs ?? {};
  const fields = (def: string) => Object.keys(defs[def]?.properties ?? {});
  const v: Validators = {
    root: get(id),
    member: get(`${id}#/$defs/member`),
    decision: get(`${id}#/$defs/decision`),
    exitNotice: get(`${id}#/$defs/exitNotice`),
    fields: { member: fields("member"), decision: fields("decision"), exitNotice: fields("exitNotice") },
  };
  validators.set(charter, v);
  return v;
}

const SECTIONS = [
  ["members", "member"],
  ["decisions", "decision"],
  ["exits", "exitNotice"],
] as const;

/** How a record is named in messages: decision `2024-03-budget`, exit notice of `ana`, record 3. */
export function recordName(section: string, index: number, value: unknown): string {
  const v = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  if (section === "decisions") return typeof v.id === "string" ? `decision \`${v.id}\`` : `decision #${index + 1}`;
  if (section === "members") return typeof v.id === "string" ? `member \`${v.id}\`` : `member #${index + 1}`;
  if (section === "exits") return typeof v.member === "string" ? `exit notice of \`${v.member}\`` : `exit notice #${index + 1}`;
  return `record #${index + 1}`;
}

function ajvMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `missing field \`${String(p.missingProperty)}\``;
    case "additionalProperties":
      return `unknown field \`${String(p.additionalProperty)}\``;
    case "enum":
      return `expected one of ${(p.allowedValues as unknown[]).map((x) => `\`${String(x)}\``).join(", ")}`;
    case "pattern":
      return "expected a date written YYYY-MM-DD";
    case "dependentRequired":
      return `\`${String(p.property)}\` needs \`${String(p.missingProperty)}\` too`;
    default:
      return e.message ?? "is not valid";
  }
}

function fieldOf(e: ErrorObject): string | null {
  const path = fromPointer(e.instancePath);
  const last = path[path.length - 1];
  return typeof last === "string" ? last : null;
}

/**
 * At most this many findings of one code are reported per file; the rest are
 * counted in one "and N more" finding, so a hostile file of 400,000 bad
 * records gives a short report (and bounded memory), not 400,000 findings.
 */
export const MAX_FINDINGS_PER_CODE = 100;

function capFindings(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  const last = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_FINDINGS_PER_CODE) out.push(d);
    else last.set(d.code, d);
  }
  for (const [code, n] of seen) {
    if (n <= MAX_FINDINGS_PER_CODE) continue;
    const d = last.get(code)!;
    out.push({ ...d, message: `and ${(n - MAX_FINDINGS_PER_CODE).toLocaleString("en-US")} more ${code} findings in this file (only the first ${MAX_FINDINGS_PER_CODE} are shown)`, help: undefined, related: undefined } as Diagnostic);
  }
  return out;
}

export function validateRecords({ file, text, charter, limits = DEFAULT_YAML_LIMITS }: ValidateInput): ValidateResult {
  const lines = new LineIndex(text);
  const empty = { members: 0, decisions: 0, exits: 0 };
  const loaded = loadYaml(text, limits);
  if (!loaded.ok) {
    const d = diag("CH0401", file, { start: loaded.offset, end: loaded.offset }, { detail: `cannot read the records: ${loaded.message}` });
    return { file, lines, diagnostics: [d], counts: empty };
  }
  const doc: Document.Parsed = loaded.doc;
  const value = loaded.value ?? {};
  const diagnostics: Diagnostic[] = [];
  const v = validatorsFor(charter);
  if (typeof value !== "object" || Array.isArray(value)) {
    diagnostics.push(diag("CH0402", file, spanAt(doc, []), { detail: "a records file is a mapping with `members`, `decisions` and `exits` lists" }));
    return { file, lines, diagnostics, counts: empty };
  }
  const root = value as Record<string, unknown>;
  // Root-level structure, with the lists emptied: their items are checked one by one below.
  const shell: Record<string, unknown> = { ...root };
  for (const [section] of SECTIONS) if (Array.isArray(shell[section])) shell[section] = [];
  if (!v.root(shell)) {
    for (const e of v.root.errors ?? []) {
      if (e.keyword === "additionalProperties") {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const like = suggest(key, ["charter", ...SECTIONS.map(([s]) => s)].filter((k) => !Object.hasOwn(root, k)));
        const at = keySpanAt(doc, [key]) ?? spanAt(doc, [key]);
        diagnostics.push(diag("CH0402", file, at, { detail: `unknown field \`${key}\`` }, like ? { help: `did you mean \`${like}\`?` } : {}));
        continue;
      }
      const path: Path = fromPointer(e.instancePath);
      const where = fieldOf(e) ?? (path[0] !== undefined ? String(path[0]) : null);
      diagnostics.push(diag("CH0402", file, spanAt(doc, path), { detail: `${where ? `\`${where}\`: ` : ""}${ajvMessage(e)}` }));
    }
  }
  const log: RecordLog = { members: [], decisions: [], exits: [], charterName: typeof root.charter === "string" ? root.charter : null };
  for (const [section, def] of SECTIONS) {
    const list = root[section];
    if (!Array.isArray(list)) continue;
    const validate = v[def];
    list.forEach((item, index) => {
      const name = recordName(section, index, item);
      // A misspelt field is named (with the field it resembles) before any
      // "missing field" it causes: `agianst: 3` is the mistake, not a missing `against`.
      const unknown = item && typeof item === "object" && !Array.isArray(item) ? Object.keys(item).filter((k) => !v.fields[def].includes(k)) : [];
      for (const key of unknown) {
        const like = suggest(key, v.fields[def].filter((f) => !Object.hasOwn(item as object, f)));
        const path: Path = [section, index, key];
        diagnostics.push(
          diag("CH0402", file, keySpanAt(doc, path) ?? spanAt(doc, path), { detail: `${name}: unknown field \`${key}\`` }, like ? { help: `did you mean \`${like}\`?` } : {}),
        );
      }
      if (unknown.length > 0) return;
      if (!validate(item)) {
        const e = validate.errors?.[0];
        const rel = e ? fromPointer(e.instancePath) : [];
        const field = e?.keyword === "additionalProperties" ? String((e.params as { additionalProperty: string }).additionalProperty) : null;
        const path: Path = [section, index, ...rel, ...(field ? [field] : [])];
        const at = fieldOf(e ?? ({ instancePath: "" } as ErrorObject));
        diagnostics.push(diag("CH0402", file, spanAt(doc, path), { detail: `${name}: ${at ? `\`${at}\` ` : ""}${e ? ajvMessage(e) : "is not valid"}` }));
        return;
      }
      const entry = { index, name, path: [section, index] as Path, value: item as Record<string, unknown> };
      if (section === "members") log.members.push(entry);
      else if (section === "decisions") log.decisions.push(entry);
      else log.exits.push(entry);
    });
  }
  diagnostics.push(...checkSemantics(charter, log, (path) => spanAt(doc, path), file));
  diagnostics.sort(compareDiagnostics);
  const capped = capFindings(diagnostics);
  const len = (k: string) => (Array.isArray(root[k]) ? (root[k] as unknown[]).length : 0);
  return { file, lines, diagnostics: capped, counts: { members: len("members"), decisions: len("decisions"), exits: len("exits") } };
}
