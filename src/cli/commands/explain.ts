// `charterc explain <rule-id|code>`: prints the rule's or the code's docs page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCode, docsLink } from "../../diagnostics/codes.js";
import { isPropertyId } from "../../language/properties.js";

/** The package root: the nearest folder above this module with charterc's package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "charterc") return dir;
    } catch {
      // keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function explain(id: string): string | undefined {
  const root = packageRoot();
  const page = isPropertyId(id) ? `docs/rules/${id}.md` : findCode(id) ? docsLink(findCode(id)!.code) : undefined;
  if (!page) return undefined;
  try {
    return fs.readFileSync(path.join(root, page), "utf8");
  } catch {
    return undefined;
  }
}
