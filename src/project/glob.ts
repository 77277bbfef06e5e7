// A glob matcher and a file walker that never follows a link (the project
// layer). Globs are the usual `*`, `?`, `**`, `[...]` and `{a,b}`; names
// starting with `.` and `node_modules` folders are skipped, as by default in
// other tools. The walker reports every entry it meets that is not a folder —
// regular files, links, FIFOs, devices — so links and special files can be
// refused by name instead of silently skipped or, worse, followed.
import fs from "node:fs";
import path from "node:path";

const MAGIC = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** The regular expression of a `/`-separated glob, matched against a whole `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const slashAfter = glob[i + 2] === "/";
        const atEnd = i + 2 === glob.length;
        if (atStart && slashAfter) {
          re += "(?:[^/]*/)*";
          i += 2;
          continue;
        }
        if (atStart && atEnd) {
          re += ".*";
          i += 1;
          continue;
        }
        i += 1;
      }
      re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = glob.slice(i + 1, close).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += `[${body}]`;
        i = close;
      }
    } else if (ch === "{") {
      depth++;
      re += "(?:";
    } else if (ch === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (ch === "," && depth > 0) re += "|";
    else if (ch === "\\" && i + 1 < glob.length) re += "\\" + glob[++i];
    else re += ch.replace(/[.+^$()|\\/]/g, (c) => "\\" + c);
  }
  while (depth-- > 0) re += ")";
  return new RegExp(`^${re}$`);
}

/** The folder part of a glob before its first wildcard (`charters/**\/*.charter` → `charters`). */
export function staticPrefix(glob: string): string {
  const parts = glob.split("/");
  const out: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (isGlob(p)) break;
    out.push(p);
  }
  return out.join("/");
}

export interface WalkEntry {
  /** Path relative to the walk's base, `/`-separated. */
  readonly rel: string;
  readonly abs: string;
  readonly dirent: fs.Dirent;
}

/**
 * Every non-folder entry below `abs` (which is `rel` below the walk's base),
 * folders at most `maxDepth` levels down, without following any link.
 */
export function walk(abs: string, rel: string, maxDepth: number, visit: (e: WalkEntry) => void): void {
  const stack: { abs: string; rel: string; depth: number }[] = [{ abs, rel, depth: 0 }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir.abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of entries) {
      if (d.name.startsWith(".") || d.name === "node_modules") continue;
      const childAbs = path.join(dir.abs, d.name);
      const childRel = dir.rel ? `${dir.rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (dir.depth + 1 < maxDepth) stack.push({ abs: childAbs, rel: childRel, depth: dir.depth + 1 });
      } else visit({ rel: childRel, abs: childAbs, dirent: d });
    }
  }
}
