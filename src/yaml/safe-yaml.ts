// Loading YAML (and JSON, which is read as YAML) from untrusted files with
// limits: size, nesting depth (measured on yaml's non-recursive CST before
// any value is composed — deep flow collections can abort V8 otherwise),
// alias expansion (`maxAliasCount`), and keys that would reach
// `Object.prototype` (`__proto__`, `constructor`, `prototype`).
import { Parser, parseDocument, type Document } from "yaml";
import type { CST } from "yaml";
import { MAX_RECORDS_BYTES } from "../config/limits.js";

export interface YamlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: MAX_RECORDS_BYTES, maxDepth: 64, maxAliasCount: 100 };

export type YamlLoad =
  | { readonly ok: true; readonly value: unknown; readonly doc: Document.Parsed }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function loadYaml(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): YamlLoad {
  if (text.length > limits.maxBytes) {
    return { ok: false, message: `file is larger than ${Math.round(limits.maxBytes / 1024)} KiB`, offset: 0 };
  }
  let documents = 0;
  for (const token of new Parser().parse(text)) {
    if (token.type === "document") {
      documents++;
      if (documents > 1) return { ok: false, message: "expected a single YAML document", offset: token.offset };
      const problem = inspect(token, limits.maxDepth);
      if (problem) return { ok: false, ...problem };
    }
  }
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    const err = doc.errors[0];
    if (err) return { ok: false, message: err.message.split("\n")[0]!, offset: err.pos[0] };
    const value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    return { ok: true, value, doc };
  } catch (e) {
    // yaml throws for excessive alias expansion; report it as a finding.
    return { ok: false, message: e instanceof Error ? e.message.split("\n")[0]! : "unreadable YAML", offset: 0 };
  }
}

/** Depth and forbidden keys, walking the CST with an explicit stack. */
function inspect(root: CST.Document, maxDepth: number): { message: string; offset: number } | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  if (root.value) stack.push({ token: root.value, depth: 1 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        if (depth > maxDepth) return { message: `nesting deeper than ${maxDepth} levels`, offset: token.offset };
        for (const item of token.items) {
          const key = "key" in item ? item.key : undefined;
          if (key) {
            const k = scalarText(key);
            if (k !== undefined && FORBIDDEN_KEYS.has(k)) return { message: `key \`${k}\` is not allowed`, offset: key.offset };
            stack.push({ token: key, depth: depth + 1 });
          }
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

function scalarText(t: CST.Token): string | undefined {
  if (t.type === "scalar") return t.source.trim();
  if (t.type === "single-quoted-scalar" || t.type === "double-quoted-scalar") return t.source.slice(1, -1);
  return undefined;
}
