// The one way charterc reads and writes files (the Node-side project layer).
//
// Reading (`readInside`): the path's real location must lie inside the
// project root (a symlink to /proc/self/environ or ../outside is refused
// before anything is opened); the file is opened without following a link
// and without blocking (a FIFO cannot hang the process), checked with fstat
// on that descriptor to be a regular file, and read to at most limit + 1
// bytes (a /dev/zero or a growing file cannot exhaust memory).
//
// Writing (`writeOutputs`, `replaceFile`): a temporary file in the same
// folder, renamed over the destination, so a reader or a crash sees the old
// file or the new one; a link at the destination (or on the way to it) is
// refused, never followed; every problem is found before anything is written
// where that is possible, and reported as one line naming the path.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** An IO failure the user can act on: one line naming the path, exit 2 — never an "internal error". */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`\`${file}\` ${reason}`);
  }
}

export type ReadRefusal = "missing" | "outside-root" | "not-a-file" | "too-large" | "unreadable";

export type ReadResult = { readonly ok: true; readonly bytes: Buffer; readonly stat: fs.Stats; readonly real: string } | { readonly ok: false; readonly why: ReadRefusal; readonly detail: string };

export interface ReadOptions {
  /** The real location must lie inside this folder; omit only for a path the user named explicitly. */
  readonly root?: string;
  /** Read no more than this many bytes (the file is refused when it has more). */
  readonly limit: number;
}

/** Whether `child` is `parent` or lies below it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

const realRoots = new Map<string, string>();

/** The real path of a project root (cached: roots do not move while charterc runs). */
export function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = fs.realpathSync.native(root);
    } catch {
      real = path.resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}

export function describeRefusal(why: ReadRefusal, limit: number): string {
  switch (why) {
    case "missing":
      return "does not exist";
    case "outside-root":
      return "leads outside the project root (through `..`, an absolute path or a symlink); it was not read";
    case "not-a-file":
      return "is not a regular file (a folder, FIFO, socket or device); it was not read";
    case "too-large":
      return `is larger than ${sizeText(limit)}; it was not read`;
    default:
      return "cannot be read";
  }
}

/** Where `abs` really is, or a refusal when it is missing or leaves `root`. Does not open the file. */
export function realInside(abs: string, root: string | undefined): { ok: true; real: string } | { ok: false; why: ReadRefusal } {
  let real: string;
  try {
    real = fs.realpathSync.native(abs);
  } catch (e) {
    return { ok: false, why: (e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR" ? "missing" : "unreadable" };
  }
  if (root !== undefined && !isInside(realRoot(root), real)) return { ok: false, why: "outside-root" };
  return { ok: true, real };
}

/** Read a file safely (see the top of this module). Never throws. */
export function readInside(abs: string, opts: ReadOptions): ReadResult {
  const refuse = (why: ReadRefusal): ReadResult => ({ ok: false, why, detail: describeRefusal(why, opts.limit) });
  const where = realInside(abs, opts.root);
  if (!where.ok) return refuse(where.why);
  let fd: number;
  try {
    fd = fs.openSync(where.real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === "ENOENT" ? "missing" : code === "ELOOP" || code === "EISDIR" || code === "ENXIO" ? "not-a-file" : "unreadable");
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return refuse("not-a-file");
    if (stat.size > opts.limit) return refuse("too-large");
    // Read at most limit + 1 bytes: a file that grows past the limit while it is read is refused too.
    let buf = Buffer.allocUnsafe(Math.min(opts.limit + 1, stat.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > opts.limit) return refuse("too-large");
        const bigger = Buffer.allocUnsafe(Math.min(opts.limit + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { ok: true, bytes: buf.subarray(0, n), stat, real: where.real };
  } catch {
    return refuse("unreadable");
  } finally {
    fs.closeSync(fd);
  }
}

// ── Writing ──────────────────────────────────────────────────────────────

export interface Output {
  /** Path below the output folder, `/`-separated. */
  readonly path: string;
  readonly bytes: string | Uint8Array;
  /** The input it was made from, for messages (a collision names both). */
  readonly from?: string;
}

const ERRNO: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EEXIST: "something already exists there",
  ENOTDIR: "a file stands where a folder is needed",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many levels of symlinks",
};

/** An errno as the end of a sentence that starts with the path. */
function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return `cannot be written (${(code && ERRNO[code]) ?? code ?? "unknown error"})`;
}

/** Write `bytes` to a new temporary file beside `dest` and rename it over `dest` (not following a link there). */
function writeViaTemp(dest: string, bytes: string | Uint8Array, opts: { mode?: number; uid?: number; gid?: number; sync?: boolean; beforeRename?: () => void }): void {
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.${path.basename(dest)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, opts.mode ?? 0o666);
  try {
    fs.writeFileSync(fd, bytes);
    if (opts.mode !== undefined) fs.fchmodSync(fd, opts.mode);
    if (opts.uid !== undefined && opts.gid !== undefined) {
      const st = fs.fstatSync(fd);
      if (st.uid !== opts.uid || st.gid !== opts.gid) fs.fchownSync(fd, opts.uid, opts.gid);
    }
    if (opts.sync) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    opts.beforeRename?.();
    fs.renameSync(tmp, dest);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  if (opts.sync) {
    try {
      const dfd = fs.openSync(dir, "r");
      try {
        fs.fsyncSync(dfd);
      } finally {
        fs.closeSync(dfd);
      }
    } catch {
      /* folders cannot be fsynced everywhere (Windows); the rename is still atomic */
    }
  }
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * Write generated files below `outDir` (build's outputs; emitters add
 * entries, this writes them). Before anything is written: every path must
 * stay below `outDir`, no two outputs may have the same name (also when
 * only their case differs, as on macOS and Windows), and nothing on the way
 * — folder or file — may be a symlink or of the wrong kind. Then each file
 * is written through a temporary file and a rename. Throws FileError.
 * `shown` maps an absolute path to what the user sees.
 */
export function writeOutputs(outDir: string, outputs: readonly Output[], shown: (abs: string) => string = (p) => p): number {
  const out = path.resolve(outDir);
  const fail = (abs: string, reason: string): never => {
    throw new FileError(shown(abs), reason);
  };
  // The output folder itself is the user's choice: it may be a link to a folder, but must be a folder.
  let outStat: fs.Stats | null;
  try {
    outStat = fs.existsSync(out) ? fs.statSync(out) : null;
  } catch (e) {
    return fail(out, errnoText(e));
  }
  if (outStat && !outStat.isDirectory()) fail(out, "is not a folder (`--out` names the folder to write into)");

  const seen = new Map<string, Output>();
  const targets: string[] = [];
  for (const o of outputs) {
    const rel = path.posix.normalize(o.path);
    if (rel.startsWith("../") || rel === ".." || path.posix.isAbsolute(rel) || rel.includes("\0")) fail(path.join(out, o.path), "would be written outside the output folder");
    const abs = path.join(out, ...rel.split("/"));
    // Case-insensitive: on macOS and Windows `A.md` and `a.md` are one file.
    const key = rel.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      const by = other.from !== undefined && o.from !== undefined && other.from !== o.from ? `by both \`${other.from}\` and \`${o.from}\`` : "twice";
      fail(abs, `would be written ${by}; nothing was written (rename one of them)`);
    }
    seen.set(key, o);
    targets.push(abs);
  }
  // Nothing on the way may be a link or of the wrong kind (checked before writing anything).
  const checkedDirs = new Set<string>();
  for (const abs of targets) {
    const parts = path.relative(out, abs).split(path.sep);
    let dir = out;
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      if (checkedDirs.has(dir)) continue;
      checkedDirs.add(dir);
      let st: fs.Stats | null;
      try {
        st = lstatOrNull(dir);
      } catch (e) {
        return fail(dir, errnoText(e));
      }
      if (st?.isSymbolicLink()) fail(dir, "is a symlink; charterc does not write through links");
      if (st && !st.isDirectory()) fail(dir, "is not a folder");
    }
    let st: fs.Stats | null;
    try {
      st = lstatOrNull(abs);
    } catch (e) {
      return fail(abs, errnoText(e));
    }
    if (st?.isSymbolicLink()) fail(abs, "is a symlink; charterc does not write through links (remove it and build again)");
    if (st && !st.isFile()) fail(abs, "exists and is not a regular file");
  }
  let written = 0;
  for (const [i, abs] of targets.entries()) {
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      writeViaTemp(abs, outputs[i]!.bytes, {});
    } catch (e) {
      fail(abs, errnoText(e));
    }
    written++;
  }
  return written;
}

/**
 * Replace a source file (fmt) with new text, keeping its mode and owner.
 * Refuses — throws FileError — when the file is read-only, when its owner
 * cannot be kept, or when its bytes changed since `original` was read
 * (another process wrote to it). `abs` must be the file's real path.
 */
export function replaceFile(abs: string, shownAs: string, original: { readonly bytes: Uint8Array; readonly stat: fs.Stats }, text: string): void {
  const fail = (reason: string): never => {
    throw new FileError(shownAs, reason);
  };
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch (e) {
    return fail(errnoText(e));
  }
  if (!st.isFile()) fail("is no longer a regular file; not rewritten");
  if ((st.mode & 0o222) === 0) fail("is read-only; not rewritten");
  const changed = () => {
    const now = readInside(abs, { limit: original.bytes.length });
    if (!now.ok || now.stat.ino !== original.stat.ino || !Buffer.from(now.bytes).equals(Buffer.from(original.bytes))) fail("changed while it was being formatted; not rewritten (run `charterc fmt` again)");
  };
  changed();
  try {
    writeViaTemp(abs, text, { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, sync: true, beforeRename: changed });
  } catch (e) {
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === "EPERM" ? "cannot be rewritten with its owner kept (permission denied)" : errnoText(e));
  }
}
