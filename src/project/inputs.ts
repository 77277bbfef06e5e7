// Expanding paths (files, folders, globs) into charter files: the Node-side
// project layer, shared by the CLI and the language server.
//
// Confinement applies to every file charterc discovers, as it does to
// imports: a glob or folder never leaves the project root (absolute and `..`
// patterns are refused, symlinked folders are not descended into), and a
// match whose real location is outside the root, or that is not a regular
// file (a FIFO, a device), is refused — named, never opened.
import fs from "node:fs";
import path from "node:path";
import { globToRegExp, isGlob as isDynamicPattern, staticPrefix, walk } from "./glob.js";
import { toPosix } from "../compiler.js";
import { describeRefusal, isInside, realInside, realRoot } from "./safe-fs.js";
import { outsideRootReason } from "./root.js";

export interface Refused {
  /** Absolute path of the refused file (or the refused pattern, resolved). */
  readonly abs: string;
  /** What the user wrote or what the glob matched, for messages. */
  readonly shown: string;
  /** Why, as the end of a sentence starting with the path. */
  readonly reason: string;
}

export interface Expanded {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Arguments that matched nothing. */
  readonly unmatched: string[];
  /** Arguments naming an existing folder (or a glob's existing folder) that holds no charter files: a subset of `unmatched`. */
  readonly empty: string[];
  /** Files and patterns refused unread (outside the root, not a regular file). */
  readonly refused: Refused[];
}

const NOT_A_FILE = describeRefusal("not-a-file", 0);

/** Names a records file (YAML or JSON) is recognised by, when named as a charter. */
const RECORDS_FILE = /\.(ya?ml|json)$/i;

/** The refusal of an explicit records file: a hint to `validate`, instead of lexer errors about YAML. */
export function recordsFileReason(shown: string): string {
  return `is a records file, not a charter: check records with \`charterc validate ${shown} --charter C\``;
}

/**
 * Whether a glob's matches are kept whatever their extension: only when its
 * last segment names an extension itself (`records/*.yaml`, `*.{yaml,json}`). A folder, `**`,
 * `*` or `x/*` keeps only charter files.
 */
function namesExtension(pattern: string, ext: string): boolean {
  const last = pattern.split("/").pop() ?? "";
  return /\.(?!\*$)[^/.]+$/.test(last) && !last.endsWith(ext);
}

/**
 * Expand `args` (relative to `base`) into the charter files they name,
 * confined to `root` (default: `base`).
 */
export async function expandInputs(args: readonly string[], base: string, root: string = base, ext = ".charter"): Promise<Expanded> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const empty: string[] = [];
  const OUTSIDE = outsideRootReason(root);
  const LEADS_OUT = outsideRootReason(root, "symlink");
  const refused = new Map<string, Refused>();
  const refuse = (abs: string, shown: string, reason: string) => {
    if (!refused.has(abs)) refused.set(abs, { abs, shown, reason });
  };
  const rootReal = realRoot(root);
  /** Add a file found on disk, after checking where it really is and what it is. */
  const admit = (abs: string, shown: string): void => {
    const where = realInside(abs, root);
    if (!where.ok) {
      if (where.why === "outside-root") refuse(abs, shown, LEADS_OUT);
      return;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(where.real);
    } catch {
      return;
    }
    if (!st.isFile()) refuse(abs, shown, NOT_A_FILE);
    else files.add(abs);
  };

  for (const arg of args) {
    const abs = path.resolve(base, arg);
    if (!isInside(path.resolve(root), abs) && !isInside(rootReal, abs)) {
      // `/proc/self/environ`, `../../etc/host*`: refused before anything is looked at.
      refuse(abs, arg, OUTSIDE);
      continue;
    }
    if (isDynamicPattern(toPosix(arg)) && /(^|[/{,])\.\.($|[/},])/.test(toPosix(arg))) {
      // `{..,x}/**`: a pattern that climbs out is refused, not crawled.
      refuse(abs, arg, OUTSIDE);
      continue;
    }
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(abs);
    } catch {
      st = undefined;
    }
    if (st && !st.isDirectory() && !(st.isSymbolicLink() && isDirLink(abs))) {
      if (RECORDS_FILE.test(abs)) refuse(abs, arg, recordsFileReason(arg));
      else admit(abs, arg);
      continue;
    }
    if (st === undefined && !isDynamicPattern(toPosix(arg))) {
      unmatched.push(arg);
      continue;
    }
    let dirBase = abs;
    let dirRel = "";
    let pattern = `**/*${ext}`;
    if (st) {
      // A folder (or a link to one, named explicitly): its real location must be inside the root.
      const where = realInside(abs, root);
      if (!where.ok) {
        refuse(abs, arg, where.why === "outside-root" ? LEADS_OUT : describeRefusal(where.why, 0));
        continue;
      }
    } else {
      pattern = toPosix(path.relative(base, abs));
      dirRel = staticPrefix(pattern);
      dirBase = path.join(base, ...dirRel.split("/"));
      // The walk starts at the pattern's folder: through a link there it would leave the root.
      const where = realInside(dirBase, root);
      if (!where.ok) {
        if (where.why === "outside-root") refuse(dirBase, dirRel, LEADS_OUT);
        else unmatched.push(arg);
        continue;
      }
    }
    const match = globToRegExp(pattern);
    const keepAll = !st && namesExtension(pattern, ext);
    const maxDepth = pattern.includes("**") ? Infinity : pattern.split("/").length - (dirRel ? dirRel.split("/").length : 0);
    let any = false;
    walk(dirBase, dirRel, maxDepth, (e) => {
      if (!match.test(e.rel)) return;
      if (!keepAll && !e.rel.endsWith(ext)) return;
      any = true;
      if (keepAll && RECORDS_FILE.test(e.rel)) refuse(e.abs, e.rel, recordsFileReason(e.rel));
      else if (e.dirent.isFile()) files.add(e.abs);
      else if (e.dirent.isSymbolicLink()) admit(e.abs, e.rel);
      else refuse(e.abs, e.rel, NOT_A_FILE);
    });
    if (!any) {
      unmatched.push(arg);
      if (st) empty.push(arg);
    }
  }
  return { files: [...files].sort(), unmatched, empty, refused: [...refused.values()].sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0)) };
}

function isDirLink(abs: string): boolean {
  try {
    return fs.statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
