// The fuzzer's corpus and its regression fixtures on disk (the fuzzer's
// only IO besides main.ts's output): every `.charter` under charters/ and
// test/ (fixtures, regressions), and failures saved as
// test/regressions/<kind>-<hash>.charter.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FoundFailure } from "./run.js";

const SKIP = new Set(["node_modules", "dist", ".git"]);

/** Every .charter file under the given folders, sorted, up to `limit` bytes each. */
export function loadCorpus(root: string, folders: readonly string[] = ["charters", "test"], limit = 256 * 1024): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIP.has(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".charter")) {
        const st = fs.statSync(p);
        if (st.size <= limit) out.push({ file: path.relative(root, p).split(path.sep).join("/"), text: fs.readFileSync(p, "utf8") });
      }
    }
  };
  for (const f of folders) walk(path.join(root, f));
  return out;
}

/** Save a failure as a regression fixture; returns its path. The input is stored byte for byte (lone surrogates as U+FFFD: UTF-8 cannot hold them). */
export function saveRegression(root: string, f: FoundFailure): string {
  const hash = createHash("sha256").update(f.input).digest("hex").slice(0, 12);
  const dir = path.join(root, "test", "regressions");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${f.kind}-${hash}.charter`);
  fs.writeFileSync(file, f.input);
  fs.writeFileSync(`${file}.txt`, `family: ${f.family}\nseed: ${f.seed}\n${f.message}\n`);
  return file;
}
