// `charterc explain ID`: the documentation page of a property rule (by id,
// `exit-entrenched`, or by its code, `CH0203`) or of any other diagnostic
// code (`CH0105`, or its name `invalid-value`). Pages live in docs/rules/ and
// docs/codes/, shipped with the package.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CODES, findCode } from "../../diagnostics/codes.js";
import { RULES } from "../../rules/index.js";

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

/** The page text, or undefined when no rule or code has that name (or its page is missing). */
export function explain(idOrCode: string, options: { root?: string } = {}): string | undefined {
  const page = docsPageFor(idOrCode);
  const root = options.root ?? packageRoot();
  if (!page || !root) return undefined;
  try {
    // The pages' examples are made from the repository's trigger fixtures,
    // which the package does not ship: name what is shown, not where it is.
    return fs.readFileSync(path.join(root, ...page.split("/")), "utf8").replace(/^What charterc prints for the fixture `test\/fixtures\/[^`]*`:$/gm, "What charterc prints for a charter with this problem:");
  } catch {
    return undefined;
  }
}
