// The file-system family of the fuzzer (issue 12): random projects on disk
// full of hostile entries — symlinks out of the root, to `/`, to devices and
// to /proc/self/environ, dangling links and loops, FIFOs, files that are not
// UTF-8, links and files at output paths, colliding names, hostile
// charterc.yaml — and every command run over them in-process through the
// CLI's `main()`. Invariants, for every command:
//
//   - it returns 0, 1 or 2, never throws, never says "internal error", and
//     never blocks (a FIFO opened for a blocking read would hang the run);
//   - nothing outside the project changes (no write through a link), and a
//     file that is not valid UTF-8 keeps its bytes;
//   - the output never contains a secret: the bytes of a file outside the
//     root, or of the process environment;
//   - what `build` writes is regular files inside the output folder.
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../cli/main.js";

/** Marks the content of files outside the root: it must never be printed. */
const OUTSIDE_SECRET = "OUTSIDE-SECRET-7f3a9c";

const CHARTER = `charter "Fuzzed" {
  version:   "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property, data amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly threshold: majority of votes cast }
  amendments { by: ordinary delay: 30 days }
  disputes { by: "an arbiter" }
}
`;

const NAMES = ["a", "b", "a.records.schema", "A", "sub/a", "sub/c", "x.y"] as const;

/** One entry of a generated project, at a path below the root. */
export type FsEntry =
  | { kind: "charter"; name: string; broken: boolean }
  | { kind: "bad-utf8"; name: string }
  | { kind: "link"; name: string; to: "inside" | "outside-file" | "outside-dir" | "root-of-fs" | "dev-zero" | "environ" | "dangling" | "loop" | "self-dir" }
  | { kind: "fifo"; name: string }
  | { kind: "dir-named-charter"; name: string };

export type ConfigKind = "none" | "plain" | "link-dev-zero" | "fifo" | "hostile-include" | "too-big" | "bad-utf8" | "link-outside";
export type OutKind = "none" | "empty" | "link-at-output" | "file-as-out" | "link-subdir" | "file-at-subdir";

export interface FsCase {
  readonly entries: readonly FsEntry[];
  readonly config: ConfigKind;
  readonly out: OutKind;
  readonly command: "check" | "check-json" | "fmt" | "fmt-check" | "build" | "validate" | "check-args";
}

const name = fc.constantFrom(...NAMES);
const entry: fc.Arbitrary<FsEntry> = fc.oneof(
  fc.record({ kind: fc.constant("charter" as const), name, broken: fc.boolean() }),
  fc.record({ kind: fc.constant("bad-utf8" as const), name }),
  fc.record({
    kind: fc.constant("link" as const),
    name,
    to: fc.constantFrom("inside" as const, "outside-file" as const, "outside-dir" as const, "root-of-fs" as const, "dev-zero" as const, "environ" as const, "dangling" as const, "loop" as const, "self-dir" as const),
  }),
  fc.record({ kind: fc.constant("fifo" as const), name }),
  fc.record({ kind: fc.constant("dir-named-charter" as const), name }),
);

export const fsCase: fc.Arbitrary<FsCase> = fc.record({
  entries: fc.array(entry, { minLength: 1, maxLength: 6 }),
  config: fc.constantFrom<ConfigKind>("none", "plain", "link-dev-zero", "fifo", "hostile-include", "too-big", "bad-utf8", "link-outside"),
  out: fc.constantFrom<OutKind>("none", "empty", "link-at-output", "file-as-out", "link-subdir", "file-at-subdir"),
  command: fc.constantFrom<FsCase["command"]>("check", "check-json", "fmt", "fmt-check", "build", "validate", "check-args"),
});

/** A FIFO at `p` (node:fs has no mkfifo; the mkfifo tool does), or false where there is none. */
function mkfifo(p: string): boolean {
  if (process.platform === "win32") return false;
  return spawnSync("mkfifo", [p]).status === 0;
}

/** Lay out a case on disk; returns the project root and the outside folder. */
export function layOut(c: FsCase): { top: string; root: string; outside: string; badUtf8: string[] } {
  const badUtf8: string[] = [];
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-fuzz-fs-"));
  const root = path.join(top, "project");
  const outside = path.join(top, "outside");
  fs.mkdirSync(path.join(root, "charters"), { recursive: true });
  fs.mkdirSync(path.join(outside, "dir"), { recursive: true });
  fs.writeFileSync(path.join(outside, "x.charter"), CHARTER.replace("Fuzzed", OUTSIDE_SECRET));
  fs.writeFileSync(path.join(outside, "dir", "y.charter"), CHARTER.replace("Fuzzed", OUTSIDE_SECRET));
  fs.writeFileSync(path.join(outside, "victim.md"), OUTSIDE_SECRET);
  fs.writeFileSync(path.join(outside, "charterc.yaml"), `# ${OUTSIDE_SECRET}\nprofile: strict\n`);
  fs.writeFileSync(path.join(root, "inside.charter"), CHARTER);
  for (const e of c.entries) {
    const abs = path.join(root, "charters", ...`${e.name}.charter`.split("/"));
    if (fs.existsSync(abs) || isLink(abs)) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    switch (e.kind) {
      case "charter":
        fs.writeFileSync(abs, e.broken ? CHARTER.replace("exit {", "exit") : CHARTER);
        break;
      case "bad-utf8":
        badUtf8.push(abs);
        fs.writeFileSync(abs, Buffer.concat([Buffer.from('charter "Caf'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(CHARTER.slice(CHARTER.indexOf('" {')))]));
        break;
      case "fifo":
        if (!mkfifo(abs)) fs.writeFileSync(abs, CHARTER);
        break;
      case "dir-named-charter":
        fs.mkdirSync(abs, { recursive: true });
        break;
      case "link": {
        const target = {
          inside: path.join(root, "inside.charter"),
          "outside-file": path.join(outside, "x.charter"),
          "outside-dir": path.join(outside, "dir"),
          "root-of-fs": path.parse(root).root,
          "dev-zero": "/dev/zero",
          environ: "/proc/self/environ",
          dangling: path.join(root, "nowhere.charter"),
          loop: abs,
          "self-dir": path.join(root, "charters"),
        }[e.to];
        try {
          fs.symlinkSync(target, abs);
        } catch {
          fs.writeFileSync(abs, CHARTER);
        }
      }
    }
  }
  const cfg = path.join(root, "charterc.yaml");
  switch (c.config) {
    case "plain":
      fs.writeFileSync(cfg, "profile: recommended\n");
      break;
    case "link-dev-zero":
      fs.symlinkSync("/dev/zero", cfg);
      break;
    case "fifo":
      if (!mkfifo(cfg)) fs.writeFileSync(cfg, "profile: strict\n");
      break;
    case "hostile-include":
      fs.writeFileSync(cfg, `include: ["/proc/self/environ", "../outside/*.charter", "../../../etc/host*", "{..,charters}/**/*.charter", "charters/**/*.charter"]\n`);
      break;
    case "too-big":
      fs.writeFileSync(cfg, `# ${"x".repeat(300 * 1024)}\n`);
      break;
    case "bad-utf8":
      fs.writeFileSync(cfg, Buffer.from([0x70, 0x3a, 0x20, 0xff, 0x0a]));
      break;
    case "link-outside":
      fs.symlinkSync(path.join(outside, "charterc.yaml"), cfg);
      break;
  }
  const site = path.join(root, "site");
  switch (c.out) {
    case "empty":
      fs.mkdirSync(site);
      break;
    case "link-at-output":
      fs.mkdirSync(path.join(site, "sub"), { recursive: true });
      fs.symlinkSync(path.join(outside, "victim.md"), path.join(site, "a.md"));
      fs.symlinkSync(path.join(outside, "victim.md"), path.join(site, "sub", "a.md"));
      break;
    case "file-as-out":
      fs.writeFileSync(site, "not a folder");
      break;
    case "link-subdir":
      fs.mkdirSync(site);
      fs.symlinkSync(path.join(outside, "dir"), path.join(site, "sub"));
      break;
    case "file-at-subdir":
      fs.mkdirSync(site);
      fs.writeFileSync(path.join(site, "sub"), "a file where a folder goes");
      break;
  }
  fs.writeFileSync(path.join(root, "records.yaml"), "members: []\n");
  return { top, root, outside, badUtf8 };
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Hash of every entry below `dir` (names, kinds, bytes of regular files, link targets), without following links. */
export function snapshot(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(d, n);
      const st = fs.lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.mode}\0`);
      if (st.isSymbolicLink()) h.update(fs.readlinkSync(p));
      else if (st.isFile()) h.update(fs.readFileSync(p));
      else if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return h.digest("hex");
}

const ARGS: Record<FsCase["command"], string[]> = {
  check: ["check"],
  "check-json": ["check", "--format", "json"],
  fmt: ["fmt"],
  "fmt-check": ["fmt", "--check"],
  build: ["build", "-o", "site"],
  validate: ["validate", "records.yaml", "--charter", "charters/a.charter"],
  "check-args": ["check", "charters", "charters/*.charter", "charters/sub", "../outside/x.charter"],
};

/** The environment as /proc/self/environ holds it (a leak of it is a failure). */
const ENV_PROBE = process.env.PATH ? `PATH=${process.env.PATH}` : undefined;

/** Run one case; returns a description of the broken invariant, or null. */
export async function runFsCase(c: FsCase): Promise<string | null> {
  const { top, root, outside, badUtf8 } = layOut(c);
  try {
    const before = snapshot(outside);
    const site = path.join(root, "site");
    const preexisting = new Set(fs.existsSync(site) && fs.lstatSync(site).isDirectory() ? (fs.readdirSync(site, { recursive: true }) as string[]) : []);
    const badBefore = new Map(badUtf8.map((abs) => [abs, fs.readFileSync(abs)]));
    let out = "";
    let err = "";
    let code: number;
    try {
      code = await main(ARGS[c.command], { cwd: root, out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
    } catch (e) {
      return `main() threw: ${e instanceof Error ? e.stack : String(e)}`;
    }
    if (![0, 1, 2].includes(code)) return `exit code ${code}`;
    const all = out + err;
    if (/internal error/.test(all)) return `"internal error" in the output:\n${all.slice(0, 2000)}`;
    if (all.includes(OUTSIDE_SECRET)) return `the content of a file outside the root reached the output:\n${all.slice(0, 2000)}`;
    if (ENV_PROBE && all.includes(ENV_PROBE)) return "the process environment reached the output";
    if (snapshot(outside) !== before) return "a file outside the project root changed";
    for (const [abs, bytes] of badBefore) if (!fs.readFileSync(abs).equals(bytes)) return `${path.relative(root, abs)} (not UTF-8) was rewritten`;
    if (c.command === "build" && code === 0) {
      for (const rel of fs.readdirSync(site, { recursive: true }) as string[]) {
        if (preexisting.has(rel)) continue;
        const st = fs.lstatSync(path.join(site, rel));
        if (!st.isFile() && !st.isDirectory()) return `build left ${rel} as something other than a regular file`;
      }
    }
    return null;
  } finally {
    fs.rmSync(top, { recursive: true, force: true });
  }
}

export interface FsFuzzReport {
  runs: number;
  failure: { message: string; input: FsCase } | null;
}

/** Run `count` file-system cases with fast-check (shrinking a failure to a small project). */
export async function runFsFuzz(seed: number, count: number, onProgress?: (done: number) => void): Promise<FsFuzzReport> {
  let done = 0;
  let last: string | null = null;
  const out = await fc.check(
    fc.asyncProperty(fsCase, async (c) => {
      last = await runFsCase(c);
      if (++done % 100 === 0) onProgress?.(done);
      return last === null;
    }),
    { numRuns: count, seed, endOnFailure: false, verbose: 0 },
  );
  if (!out.failed || !out.counterexample) return { runs: count, failure: null };
  const input = out.counterexample[0];
  return { runs: count, failure: { message: (await runFsCase(input)) ?? last ?? String(out.errorInstance), input } };
}
