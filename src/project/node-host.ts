// The CompilerHost over the real file system (the project layer: CLI and LSP).
// Every read goes through the safe reader (./safe-fs.ts): inside the root,
// a regular file, at most MAX_CHARTER_BYTES; bytes decode as UTF-8 with any
// invalid byte kept as a mark the compiler reports (CH0016).
import fs from "node:fs";
import path from "node:path";
import type { CompilerHost } from "../compiler.js";
import { MAX_CHARTER_BYTES } from "../config/limits.js";
import { decodeUtf8 } from "../text/utf8.js";
import { isInside, readInside, realInside } from "./safe-fs.js";
import { outsideRootReason } from "./root.js";

/** Charter files larger than this are refused (CH0303) rather than read. */
export const MAX_FILE_BYTES = MAX_CHARTER_BYTES;

export type CharterRead = { readonly ok: true; readonly text: string; readonly clean: boolean; readonly bytes: Buffer; readonly stat: fs.Stats; readonly real: string } | { readonly ok: false; readonly missing: boolean; readonly detail: string };

/** Read a charter file the one safe way (CLI, fmt and the language server alike). */
export function readCharterFile(abs: string, root: string): CharterRead {
  const r = readInside(abs, { root, limit: MAX_FILE_BYTES });
  if (!r.ok) return { ok: false, missing: r.why === "missing" || r.why === "unreadable", detail: r.detail };
  const { text, clean } = decodeUtf8(r.bytes);
  return { ok: true, text, clean, bytes: r.bytes, stat: r.stat, real: r.real };
}

/**
 * The disk host of a project root. `refused` carries files the input
 * expansion already refused (absolute path → reason): they are reported
 * (CH0303) with that reason and never opened.
 */
export function nodeHost(root: string, overlay?: ReadonlyMap<string, string>, refusedBefore?: ReadonlyMap<string, string>): CompilerHost {
  const refused = new Map<string, string>(refusedBefore);
  return {
    root,
    readFile(abs) {
      const open = overlay?.get(abs);
      if (open !== undefined) return open;
      if (refused.has(abs)) return undefined;
      const r = readCharterFile(abs, root);
      if (r.ok) return r.text;
      if (!r.missing) refused.set(abs, r.detail);
      return undefined;
    },
    // A path outside the root (an entry the compiler refuses before reading) is told which root and how to change it.
    refusal: (abs) => refused.get(abs) ?? (isInside(path.resolve(root), path.resolve(abs)) ? undefined : outsideRootReason(root)),
    realpath(abs) {
      const r = realInside(abs, undefined);
      return r.ok ? r.real : overlay?.has(abs) ? abs : undefined;
    },
  };
}
