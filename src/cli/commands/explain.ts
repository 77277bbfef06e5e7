// `charterc explain ID`: the documentation page of a property rule (by id,
// `exit-entrenched`, or by its code, `CH0203`) or of any other diagnostic
// code (`CH0105`, or its name `invalid-value`) — pages in docs/rules/ and
// docs/codes/, shipped with the package — or the reference entry of a
// section or field (`membership`, `exit.notice`), generated from the schema
// table the bundle carries. An unknown name gets a did-you-mean.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CODES, findCode } from "../../diagnostics/codes.js";
import { referenceEntry, suggestReferenceName } from "../../language/reference.js";
import { RULES } from "../../rules/index.js";
import { UsageError } from "../io.js";

/** The package root: the nearest folder above this module whose package.json is charterc's. */
export function packageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "charterc") return dir;
      } catch {
        // keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Which docs page explains `idOrCode` (project-relative), or undefined. */
export function docsPageFor(idOrCode: string): string | undefined {
  const key = idOrCode.trim();
  const rule = RULES.find((r) => r.id === key.toLowerCase() || r.code === key.toUpperCase());
  if (rule) return `docs/rules/${rule.id}.md`;
  const info = findCode(key);
  if (info && CODES.has(info.code)) return `docs/codes/${info.code}.md`;
  return undefined;
}

/**
 * The page text: a rule's or code's docs page, else a section's or field's
 * reference entry; undefined when nothing has that name (or its page is missing).
 */
export function explain(idOrCode: string, options: { root?: string } = {}): string | undefined {
  const page = docsPageFor(idOrCode);
  if (!page) return referenceEntry(idOrCode);
  const root = options.root ?? packageRoot();
  if (!root) return undefined;
  try {
    // The pages' examples are made from the repository's trigger fixtures,
    // which the package does not ship: name what is shown, not where it is.
    return fs.readFileSync(path.join(root, ...page.split("/")), "utf8").replace(/^What charterc prints for the fixture `test\/fixtures\/[^`]*`:$/gm, "What charterc prints for a charter with this problem:");
  } catch {
    return undefined;
  }
}

/** `charterc explain NAME`: the page, or a usage error naming the closest known name. */
export function explainOrFail(name: string): string {
  const page = explain(name);
  if (page !== undefined) return page;
  const like = suggestReferenceName(name, [...RULES.map((r) => r.id), ...[...CODES.values()].map((c) => c.name)]);
  const hint = like ? ` (did you mean \`${like}\`?)` : "";
  throw new UsageError(`nothing named \`${name}\`${hint}; try a rule id (\`exit-guaranteed\`), a code (\`CH0105\`), a section (\`membership\`) or a field (\`exit.notice\`)`);
}
