// Where a project's root is and how to say so (the Node-side project layer).
//
// The root is the folder of the nearest charterc.yaml at or above the
// working directory; without one, the nearest folder holding a
// `package.json` or `.git` (the npm or git project the user is in); else the
// working directory. Every read stays inside that root (./safe-fs.ts), so a
// larger root widens only what may be named, never where a link may lead.
import fs from "node:fs";
import path from "node:path";
import { toPosix } from "../compiler.js";
import { isInside } from "./safe-fs.js";

/** Files whose folder is a project root when there is no charterc.yaml. */
export const ROOT_MARKERS = ["package.json", ".git"] as const;

/** Whether anything (a file, folder or link, not followed) is at `p`. */
export function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The nearest folder at or above `start` holding a `package.json` or `.git`,
 * else null. The file system's root never counts (a `/package.json` in a
 * container would make every path "inside the project").
 */
export function findMarkedRoot(start: string, exists: (p: string) => boolean = lexists): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    if (ROOT_MARKERS.some((m) => exists(path.join(dir, m)))) return dir;
    dir = parent;
  }
}

/** Why `root` is the root, for messages: "the folder of package.json", "the working directory". */
export function rootOrigin(root: string): string {
  for (const m of ["charterc.yaml", ...ROOT_MARKERS]) if (lexists(path.join(root, m))) return `the folder of ${m}`;
  return "the working directory";
}

/**
 * The end of a CH0303 sentence for a file outside `root`: names the root,
 * why it is the root, and how to change it.
 */
export function outsideRootReason(root: string, through: "path" | "symlink" = "path"): string {
  const where = `the project root \`${toPosix(path.resolve(root))}\` (${rootOrigin(root)})`;
  if (through === "symlink") return `leads outside ${where} through a symlink; it was not read`;
  return `is outside ${where}; it was not read: run charterc from inside that folder, or add a charterc.yaml to a folder above both`;
}

/**
 * A path as a person reads it: relative to the working directory when it is
 * inside the project root, else absolute (as typed), never a climb of `../../..`.
 */
export function displayPath(cwd: string, root: string, abs: string): string {
  const a = path.resolve(abs);
  if (!isInside(path.resolve(root), a)) return toPosix(a);
  return toPosix(path.relative(cwd, a)) || ".";
}
