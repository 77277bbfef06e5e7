// Hostile file-system tests run the shipped CLI (dist/cli.js through
// bin/charterc.js, in a child process) in temporary projects.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "../../../scripts/build.mjs";

export const REPO = path.resolve(import.meta.dirname, "../../..");
export const BIN = path.join(REPO, "bin/charterc.js");
export const IS_ROOT = process.getuid?.() === 0;

export async function ensureBuilt(): Promise<void> {
  if (!fs.existsSync(path.join(REPO, "dist/cli.js"))) await build({ quiet: true });
}

export const GOOD = `charter "Fixture" {
  version: "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none retains: property, data amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly threshold: majority of votes cast }
  amendments { by: ordinary delay: 30 days }
  disputes { by: "an arbiter both parties accept" }
}
`;

/** Formatted differently from fmt's layout: fmt would rewrite it. */
export const UNFORMATTED = GOOD.replace('  version: "1.0.0"', '  version:    "1.0.0"');

/** A temporary folder holding `project/` (the project) and `outside/` (beside it). */
export function sandbox(files: Record<string, string | Buffer> = {}): { top: string; dir: string; outside: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "charterc-hostile-fs-"));
  const dir = path.join(top, "project");
  const outside = path.join(top, "outside");
  fs.mkdirSync(dir);
  fs.mkdirSync(outside);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { top, dir, outside };
}

export interface Run {
  /** null when the guard below had to stop the process (it hung). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI in `cwd`. The timeout is a guard against a hang (a FIFO
 * read, a crawl of `/`), not a measurement: a run it stops has code null.
 */
export function charterc(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...env },
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
