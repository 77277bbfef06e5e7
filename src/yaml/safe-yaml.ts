// Loading YAML (and JSON, which is read as YAML) from untrusted files with
// limits: size, nesting depth (measured on yaml's non-recursive CST before
// any value is composed — deep flow collections can abort V8 otherwise),
// alias expansion (`maxAliasCount`), and keys that would reach
// `Object.prototype` (`__proto__`, `constructor`, `prototype`).
//
// The text is lexed once: lexemes are counted as they come (a node limit,
// since yaml spends ~2 KB and ~20 µs on each node, so 4 MiB of `- {x: 1}`
// would take gigabytes), fed to the parser, and the CST is composed into a
// Document without parsing the text a second time.
import { Composer, Lexer, Parser, type Document } from "yaml";
import type { CST } from "yaml";
import { MAX_RECORDS_BYTES, MAX_RECORDS_NODES } from "../config/limits.js";

export interface YamlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxAliasCount: number;
  /** At most this many nodes (scalars, collections, sequence items); unlimited when absent. */
  readonly maxNodes?: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: MAX_RECORDS_BYTES, maxDepth: 64, maxAliasCount: 100, maxNodes: MAX_RECORDS_NODES };

/** The lexer's zero-width markers (not in the source text). */
const DOCUMENT_MARK = "\u0002";
const FLOW_END_MARK = "\u0018";
const SCALAR_MARK = "\u001f";

export type YamlLoad =
  | { readonly ok: true; readonly value: unknown; readonly doc: Document.Parsed }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function loadYaml(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): YamlLoad {
  if (text.length > limits.maxBytes) {
    return { ok: false, message: `file is larger than ${Math.round(limits.maxBytes / 1024)} KiB`, offset: 0 };
  }
  let documents = 0;
  let nodes = 0;
  let offset = 0;
  const maxNodes = limits.maxNodes ?? Infinity;
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  const take = (token: CST.Token): { ok: false; message: string; offset: number } | undefined => {
    if (token.type === "document") {
      documents++;
      if (documents > 1) return { ok: false, message: "expected a single YAML document", offset: token.offset };
      const problem = inspect(token, limits.maxDepth);
      if (problem) return { ok: false, ...problem };
    }
    tokens.push(token);
    return undefined;
  };
  for (const lexeme of new Lexer().lex(text)) {
    const c = lexeme[0];
    if (lexeme === SCALAR_MARK || lexeme === "-" || lexeme === "{" || lexeme === "[" || c === '"' || c === "'") {
      if (++nodes > maxNodes) return { ok: false, message: `more than ${maxNodes.toLocaleString("en-US")} YAML nodes (split the records into several files)`, offset };
    }
    if (lexeme !== SCALAR_MARK && lexeme !== DOCUMENT_MARK && lexeme !== FLOW_END_MARK) offset += lexeme.length;
    for (const token of parser.next(lexeme)) {
      const bad = take(token);
      if (bad) return bad;
    }
  }
  for (const token of parser.end()) {
    const bad = take(token);
    if (bad) return bad;
  }
  try {
    const docs = [...new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, text.length)];
    tokens.length = 0;
    const doc = docs[0]!;
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
