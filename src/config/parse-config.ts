// Parsing and validating the text of charterc.yaml: pure (text in, config or
// ConfigError with file:line:col out). Loaded lazily by the project layer, so
// yaml and ajv cost nothing to projects without a configuration.
//
// CommonJS packages (ajv) are imported statically here: esbuild's interop
// gives static named imports their values, while a dynamic `import()` of a
// CommonJS module yields only `default` in the bundle. Code elsewhere
// dynamically imports this ES module, never the package (test/meta.test.ts).
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Document } from "yaml";
import { ConfigError } from "./error.js";
import { MAX_CONFIG_BYTES } from "./limits.js";
import { DEFAULT_OPTIONS, type CheckOptions, type Profile, type RuleLevel } from "./options.js";
import { CONFIG_SCHEMA } from "./schema.js";
import { parseDurationText } from "../language/duration.js";
import { LineIndex } from "../text/line-index.js";
import { suggest } from "../text/suggest.js";
import { loadYaml } from "../yaml/safe-yaml.js";

export interface ParsedConfig {
  readonly include: readonly string[];
  readonly options: CheckOptions;
}

/** Parse and validate config text; throws ConfigError with file:line:col. */
export function parseConfig(text: string, file: string): ParsedConfig {
  const lines = new LineIndex(text);
  const where = (offset: number) => {
    const p = lines.position(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  const loaded = loadYaml(text, { maxBytes: MAX_CONFIG_BYTES, maxDepth: 16, maxAliasCount: 20 });
  if (!loaded.ok) throw new ConfigError(`${where(loaded.offset)}: ${loaded.message}`);
  const raw = loaded.value ?? {};
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  const validate = ajv.compile(CONFIG_SCHEMA);
  if (!validate(raw)) {
    const e = validate.errors![0]!;
    const segments = e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    let node = loaded.doc.getIn(segments, true) as { range?: [number, number] } | undefined;
    let message: string;
    if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(schemaAt(segments));
      const s = suggest(key, allowed);
      node = loaded.doc.getIn([...segments, key], true) as typeof node;
      const pair = findKeyOffset(loaded.doc, segments, key);
      message = `unknown key \`${key}\`${segments.length ? ` in \`${segments.join(".")}\`` : ""}${s ? ` (did you mean \`${s}\`?)` : ""}; allowed: ${allowed.map((k) => `\`${k}\``).join(", ")}`;
      throw new ConfigError(`${where(pair ?? node?.range?.[0] ?? 0)}: ${message}`);
    }
    const at = segments.length ? `\`${segments.join(".")}\`` : "the configuration";
    if (e.keyword === "type" || e.keyword === "anyOf") message = `${at} must be ${SHAPES[segments.join(".")] ?? (segments.length ? "of another type" : "")}`;
    else if (e.keyword === "enum") message = `${at} must be one of ${(e.params as { allowedValues: string[] }).allowedValues.map((v) => `\`${v}\``).join(", ")}`;
    else if (e.keyword === "pattern") message = `${at} must be a duration such as \`30 days\``;
    else message = `${at} ${e.message ?? "is invalid"}`;
    throw new ConfigError(`${where(node?.range?.[0] ?? 0)}: ${message}`);
  }
  const cfg = raw as { include?: string | string[]; profile?: Profile; maxNotice?: { charter?: string; federation?: string }; rules?: Record<string, RuleLevel> };
  const include = cfg.include === undefined ? ["charters/**/*.charter"] : Array.isArray(cfg.include) ? cfg.include : [cfg.include];
  const includeAt = (i: number) => {
    const n = (loaded.doc.getIn(Array.isArray(cfg.include) ? ["include", i] : ["include"], true) ?? loaded.doc.getIn(["include"], true)) as { range?: [number, number] } | undefined;
    return where(n?.range?.[0] ?? findKeyOffset(loaded.doc, [], "include") ?? 0);
  };
  if (include.length === 0) throw new ConfigError(`${includeAt(0)}: \`include\` is empty: list the charters to check, e.g. \`include: ["charters/**/*.charter"]\` (or leave \`include\` out for that default)`);
  include.forEach((pattern, i) => {
    const p = pattern.replace(/\\/g, "/");
    if (p.trim() === "") throw new ConfigError(`${includeAt(i)}: an \`include\` pattern is empty`);
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || /(^|[/{,])\.\.($|[/},])/.test(p)) {
      throw new ConfigError(`${includeAt(i)}: the \`include\` pattern \`${pattern}\` leaves the project root (the folder of charterc.yaml): patterns must stay inside it (no \`..\`, no absolute paths)`);
    }
  });
  return {
    include,
    options: {
      profile: cfg.profile ?? DEFAULT_OPTIONS.profile,
      rules: cfg.rules ?? {},
      maxNotice: {
        charter: cfg.maxNotice?.charter !== undefined ? parseDurationText(cfg.maxNotice.charter)! : DEFAULT_OPTIONS.maxNotice.charter,
        federation: cfg.maxNotice?.federation !== undefined ? parseDurationText(cfg.maxNotice.federation)! : DEFAULT_OPTIONS.maxNotice.federation,
      },
    },
  };
}

/** The expected shape of each setting, for "must be …" messages. */
const SHAPES: Record<string, string> = {
  "": "a YAML mapping of settings (`include`, `profile`, `maxNotice`, `rules`), e.g. `profile: recommended`",
  include: 'a pattern or a list of patterns, e.g. `include: ["charters/**/*.charter"]`',
  profile: "one of `recommended`, `panarchy`, `strict`",
  maxNotice: "a mapping, e.g. `maxNotice: { charter: 30 days, federation: 90 days }`",
  "maxNotice.charter": "a duration such as `30 days`",
  "maxNotice.federation": "a duration such as `90 days`",
  rules: "a mapping of property ids to levels, e.g. `rules: { exit-guaranteed: error }`",
};

function schemaAt(segments: string[]): Record<string, unknown> {
  let s: { properties?: Record<string, unknown> } = CONFIG_SCHEMA as never;
  for (const seg of segments) s = (s.properties?.[seg] ?? {}) as typeof s;
  return s.properties ?? {};
}

function findKeyOffset(doc: Document.Parsed, segments: string[], key: string): number | undefined {
  const parent = segments.length ? doc.getIn(segments, true) : doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number] } }[] } | null)?.items;
  return items?.find((p) => p.key?.value === key)?.key?.range?.[0];
}
