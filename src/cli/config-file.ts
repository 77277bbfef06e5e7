// Finding, reading and validating charterc.yaml (CLI and LSP only: IO).
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_OPTIONS, type CheckOptions, type Profile, type RuleLevel } from "../config/options.js";
import { CONFIG_SCHEMA } from "../config/schema.js";
import { parseDurationText } from "../language/duration.js";
import { LineIndex } from "../text/line-index.js";
import { suggest } from "../text/suggest.js";

export const CONFIG_NAME = "charterc.yaml";

export interface ProjectConfig {
  /** The project root: the folder of charterc.yaml, else the starting directory. */
  readonly root: string;
  /** Absolute path of the config file, when there is one. */
  readonly file: string | null;
  readonly include: readonly string[];
  readonly options: CheckOptions;
}

export class ConfigError extends Error {}

/** The nearest charterc.yaml at or above `start`. */
export function findConfig(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export async function loadProjectConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { root: path.resolve(cwd), file: null, include: ["charters/**/*.charter"], options: DEFAULT_OPTIONS };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(`${file}: cannot read the configuration file`);
  }
  return { ...(await parseConfig(text, file)), root: path.dirname(file), file };
}

/** Parse and validate config text; throws ConfigError with file:line:col. */
export async function parseConfig(text: string, file: string): Promise<Omit<ProjectConfig, "root" | "file">> {
  const lines = new LineIndex(text);
  const where = (offset: number) => {
    const p = lines.position(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  // yaml and ajv load only when a project has a charterc.yaml.
  const { loadYaml } = await import("../yaml/safe-yaml.js");
  const loaded = loadYaml(text, { maxBytes: 256 * 1024, maxDepth: 16, maxAliasCount: 20 });
  if (!loaded.ok) throw new ConfigError(`${where(loaded.offset)}: ${loaded.message}`);
  const raw = loaded.value ?? {};
  const { Ajv2020 } = await import("ajv/dist/2020.js");
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
    if (e.keyword === "enum") message = `${at} must be one of ${(e.params as { allowedValues: string[] }).allowedValues.map((v) => `\`${v}\``).join(", ")}`;
    else if (e.keyword === "pattern") message = `${at} must be a duration such as \`30 days\``;
    else message = `${at} ${e.message ?? "is invalid"}`;
    throw new ConfigError(`${where(node?.range?.[0] ?? 0)}: ${message}`);
  }
  const cfg = raw as { include?: string | string[]; profile?: Profile; maxNotice?: { charter?: string; federation?: string }; rules?: Record<string, RuleLevel> };
  const include = cfg.include === undefined ? ["charters/**/*.charter"] : Array.isArray(cfg.include) ? cfg.include : [cfg.include];
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

function schemaAt(segments: string[]): Record<string, unknown> {
  let s: { properties?: Record<string, unknown> } = CONFIG_SCHEMA as never;
  for (const seg of segments) s = (s.properties?.[seg] ?? {}) as typeof s;
  return s.properties ?? {};
}

function findKeyOffset(doc: import("yaml").Document.Parsed, segments: string[], key: string): number | undefined {
  const parent = segments.length ? doc.getIn(segments, true) : doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number] } }[] } | null)?.items;
  return items?.find((p) => p.key?.value === key)?.key?.range?.[0];
}
