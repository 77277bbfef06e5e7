// Where a record or one of its fields is in the records file: spans from the
// `yaml` package's node ranges, so every finding carries file:line:col.
import { isMap, isNode, isScalar, type Document } from "yaml";
import type { Span } from "../ast/ast.js";

export type Path = readonly (string | number)[];

/** The span of the node at `path`, else of its nearest ancestor that exists, else the file start. */
export function spanAt(doc: Document.Parsed, path: Path): Span {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return { start: node.range[0], end: Math.max(node.range[0], node.range[1]) };
  }
  return { start: 0, end: 0 };
}

/** The span of the key of the field at `path` (`[…, "anounced"]`), or undefined. */
export function keySpanAt(doc: Document.Parsed, path: Path): Span | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const field = path[path.length - 1];
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === field && pair.key.range) return { start: pair.key.range[0], end: pair.key.range[1] };
  }
  return undefined;
}

/** ajv's `instancePath` (`/decisions/2/for`) as a path, array indexes as numbers. */
export function fromPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is no real calendar day. */
export function dayNumber(s: string): number | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}
