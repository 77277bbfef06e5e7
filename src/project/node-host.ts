// The CompilerHost over the real file system (the project layer: CLI and LSP).
import fs from "node:fs";
import type { CompilerHost } from "../compiler.js";
import { MAX_CHARTER_BYTES } from "../config/limits.js";

/** Charter files larger than this are refused (CH0302) rather than read. */
export const MAX_FILE_BYTES = MAX_CHARTER_BYTES;

export function nodeHost(root: string, overlay?: ReadonlyMap<string, string>): CompilerHost {
  return {
    root,
    readFile(abs) {
      const open = overlay?.get(abs);
      if (open !== undefined) return open;
      try {
        const st = fs.statSync(abs);
        if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
        return fs.readFileSync(abs, "utf8");
      } catch {
        return undefined;
      }
    },
    realpath(abs) {
      try {
        return fs.realpathSync.native(abs);
      } catch {
        return overlay?.has(abs) ? abs : undefined;
      }
    },
  };
}
