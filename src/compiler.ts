// The whole pipeline as one pure function:
//
//   text → tokens → CST → AST (src/lower) → resolved model (src/semantics)
//        → analyses and property rules (src/analysis, src/rules) → diagnostics
//
// `check()` does no IO of its own: files come through a `CompilerHost`, so
// the CLI (disk), the LSP (open documents over disk) and tests (in-memory
// maps) all run the same code.
import path from "node:path";
import type { Document } from "./ast/ast.js";
import { diag } from "./diagnostics/codes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { capDiagnostics } from "./diagnostics/cap.js";
import { DEFAULT_OPTIONS, type CheckOptions } from "./config/options.js";
import { parse } from "./lower/index.js";
import type { Charter } from "./semantics/model.js";
import { resolve, type ImportTarget } from "./semantics/resolve.js";
import type { PropertyResult } from "./rules/api.js";
import { runRules } from "./rules/index.js";
import { LineIndex } from "./text/line-index.js";
import { invalidUtf8 } from "./text/utf8.js";

export interface CompilerHost {
  /** Absolute path of the project root (the folder of charterc.yaml, else the working directory). */
  readonly root: string;
  /** Text of the file at an absolute path, or undefined when it cannot be read. */
  readFile(absPath: string): string | undefined;
  /** The path with symlinks resolved, or undefined when it does not exist. Must not read the file. */
  realpath(absPath: string): string | undefined;
  /** Why `readFile` refused a file that exists (outside the root, not a regular file, too large), when it did. */
  refusal?(absPath: string): string | undefined;
}

export interface SourceFile {
  /** Project-relative, `/`-separated. */
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly ast: Document;
  /** Diagnostics of lexing and parsing alone. */
  readonly parseDiagnostics: readonly Diagnostic[];
}

export interface FileResult extends SourceFile {
  readonly charter: Charter | null;
  /** Every diagnostic for this file, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every property of §6.2, or null when the file did not parse into a charter. */
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
  /** True for files given to `check`; false for files reached only through imports. */
  readonly entry: boolean;
}

export interface CheckResult {
  /** Entry files and every file they import, sorted by path. */
  readonly files: readonly FileResult[];
  readonly errors: number;
  readonly warnings: number;
}

/** Parse results by file, reused while the text is unchanged (the LSP keeps one across edits). */
export type ParseCache = Map<string, SourceFile>;

export function parseSource(file: string, text: string, cache?: ParseCache): SourceFile {
  const cached = cache?.get(file);
  if (cached && cached.text === text) return cached;
  const { ast, diagnostics } = parse(text, file);
  const src: SourceFile = { file, text, lines: new LineIndex(text), ast, parseDiagnostics: diagnostics };
  cache?.set(file, src);
  return src;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** Project-relative id of an absolute path. */
export function relativeId(root: string, abs: string): string {
  return toPosix(path.relative(root, abs)) || ".";
}

type ImportCheck = { kind: "ok"; file: string; abs: string } | { kind: "escape" } | { kind: "missing" };

/**
 * Where an import points, refusing anything that leaves the root — by `..`,
 * by an absolute path, or through a symlink — before the target is read.
 */
export function resolveImportPath(host: CompilerHost, fromFile: string, importPath: string): ImportCheck {
  const p = importPath.replace(/\\/g, "/");
  if (p.length === 0 || p.includes("\0")) return { kind: "missing" };
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || path.isAbsolute(importPath)) return { kind: "escape" };
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), p));
  if (rel === ".." || rel.startsWith("../") || path.posix.isAbsolute(rel)) return { kind: "escape" };
  const abs = path.join(host.root, ...rel.split("/"));
  const real = host.realpath(abs);
  if (real === undefined) return { kind: "missing" };
  const realRoot = host.realpath(host.root) ?? host.root;
  const inside = path.relative(realRoot, real);
  if (inside.startsWith("..") || path.isAbsolute(inside)) return { kind: "escape" };
  return { kind: "ok", file: rel, abs };
}

export interface CheckInput {
  /** Project-relative paths of the files to check. */
  readonly entries: readonly string[];
  readonly host: CompilerHost;
  readonly options?: CheckOptions;
  readonly cache?: ParseCache;
}

/** Check files and everything they import. Never throws for bad input. */
export function check({ entries, host, options = DEFAULT_OPTIONS, cache }: CheckInput): CheckResult {
  const sources = new Map<string, SourceFile>();
  const extra = new Map<string, Diagnostic[]>();
  const targetsOf = new Map<string, ImportTarget[]>();
  const edges = new Map<string, { to: string; index: number }[]>();
  const note = (file: string, d: Diagnostic) => {
    let list = extra.get(file);
    if (!list) extra.set(file, (list = []));
    list.push(d);
  };

  const entrySet = new Set(entries);
  const queue = [...entrySet];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    if (sources.has(file)) continue;
    const text = readSource(host, file, entrySet.has(file), note);
    if (text === undefined) continue;
    const src = parseSource(file, text, cache);
    sources.set(file, src);
    const fileEdges: { to: string; index: number }[] = [];
    edges.set(file, fileEdges);
    src.ast.imports.forEach((imp, index) => {
      const r = resolveImportPath(host, file, imp.path);
      if (r.kind === "escape") {
        note(file, diag("CH0112", file, imp.pathSpan, { path: imp.path }));
      } else if (r.kind === "missing") {
        note(file, diag("CH0113", file, imp.pathSpan, { path: imp.path }));
      } else {
        fileEdges.push({ to: r.file, index });
        if (!sources.has(r.file)) queue.push(r.file);
      }
    });
  }

  // Import targets: what each import resolved to (its kind, once parsed).
  for (const [file, src] of sources) {
    const targets: ImportTarget[] = src.ast.imports.map(() => ({ file: null, kind: null }));
    for (const e of edges.get(file) ?? []) {
      const target = sources.get(e.to);
      if (!target) {
        const imp = src.ast.imports[e.index]!;
        note(file, diag("CH0113", file, imp.pathSpan, { path: imp.path }));
        continue;
      }
      targets[e.index] = { file: e.to, kind: target.ast.header?.kind ?? null };
    }
    targetsOf.set(file, targets);
  }
  for (const d of findCycles(sources, edges)) note(d.file, d);

  const charters = new Map<string, Charter>();
  const resolved = new Map<string, Diagnostic[]>();
  for (const [file, src] of sources) {
    const r = resolve(src.ast, file, targetsOf.get(file));
    resolved.set(file, r.diagnostics);
    if (r.charter) charters.set(file, r.charter);
  }

  const fileIds = [...new Set([...sources.keys(), ...extra.keys()])].sort();
  const rules = runRules({ charters, targets: fileIds.filter((f) => charters.has(f)), options });
  const ruleDiags = new Map<string, Diagnostic[]>();
  for (const d of rules.diagnostics) {
    let list = ruleDiags.get(d.file);
    if (!list) ruleDiags.set(d.file, (list = []));
    list.push(d);
  }

  let errors = 0;
  let warnings = 0;
  const files: FileResult[] = fileIds.map((file) => {
    const src = sources.get(file) ?? parseSource(file, "");
    // One cap per code per file for every stage (src/diagnostics/cap.ts); errors and warnings are still counted in full.
    const all = [...(sources.has(file) ? src.parseDiagnostics : []), ...(extra.get(file) ?? []), ...(resolved.get(file) ?? []), ...(ruleDiags.get(file) ?? [])];
    const diagnostics = capDiagnostics(all);
    for (const d of diagnostics) {
      const n = d.omitted?.count ?? 1; // an "and N more" stands for N
      if (d.severity === "error") errors += n;
      else if (d.severity === "warning") warnings += n;
    }
    return {
      ...src,
      file,
      charter: charters.get(file) ?? null,
      diagnostics,
      properties: rules.properties.get(file) ?? null,
      entry: entrySet.has(file),
    };
  });
  return { files, errors, warnings };
}

/**
 * Read one file through the host: an entry outside the root is refused
 * unread (CH0303), a refusal or failure of the host is reported for entries
 * (CH0303, CH0302), and bytes that were not UTF-8 are reported where they
 * stand (CH0016; the host decodes them with `decodeUtf8`).
 */
export function readSource(host: CompilerHost, file: string, entry: boolean, note: (file: string, d: Diagnostic) => void): string | undefined {
  const at = { start: 0, end: 0 };
  if (file === ".." || file.startsWith("../") || path.posix.isAbsolute(file) || path.isAbsolute(file)) {
    // Named as the user wrote it (absolute), with the host's reason when it has one (it names the root).
    const shown = path.posix.isAbsolute(toPosix(host.root)) && !path.isAbsolute(file) ? path.posix.join(toPosix(host.root), file) : file;
    note(file, diag("CH0303", file, at, { path: shown, reason: host.refusal?.(path.join(host.root, ...file.split("/"))) ?? "is outside the project root; it was not read" }));
    return undefined;
  }
  const abs = path.join(host.root, ...file.split("/"));
  const text = host.readFile(abs);
  if (text === undefined) {
    const why = host.refusal?.(abs);
    if (entry) note(file, why ? diag("CH0303", file, at, { path: file, reason: why }) : diag("CH0302", file, at, { path: file }));
    return undefined;
  }
  const bad = invalidUtf8(text);
  if (bad) {
    const more = bad.count > 1 ? ` (${bad.count} invalid bytes in the file)` : "";
    note(file, diag("CH0016", file, { start: bad.offset, end: bad.offset + 1 }, { byte: `0x${bad.byte.toString(16).padStart(2, "0")}`, at: String(bad.byteOffset), more }));
  }
  return text;
}

/** Cycles of more files than this are named by their first and last files. */
const CYCLE_SHOWN = 12;
const CYCLE_ENDS = 5;

/** One CH0114 per import that closes a cycle, reported at that import. */
export function findCycles(sources: ReadonlyMap<string, SourceFile>, edges: ReadonlyMap<string, { to: string; index: number }[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const position = new Map<string, number>(); // index on the stack, for the files on it
  // Iterative DFS: import graphs can be long chains.
  for (const start of [...sources.keys()].sort()) {
    if (state.has(start)) continue;
    const work: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 1);
    position.set(start, stack.length);
    stack.push(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const list = edges.get(top.file) ?? [];
      if (top.next >= list.length) {
        state.set(top.file, 2);
        position.delete(stack.pop()!);
        work.pop();
        continue;
      }
      const e = list[top.next++]!;
      const s = state.get(e.to);
      if (s === 1) {
        // The cycle runs from e.to's place on the stack to here; a long one is named by its ends.
        const from = position.get(e.to)!;
        const length = stack.length - from + 1;
        const names = (xs: string[]) => xs.map((f) => `\`${f}\``);
        const shown =
          length <= CYCLE_SHOWN
            ? names([...stack.slice(from), e.to])
            : [...names(stack.slice(from, from + CYCLE_ENDS)), `… ${length - 2 * CYCLE_ENDS} more …`, ...names([...stack.slice(stack.length - CYCLE_ENDS + 1), e.to])];
        const imp = sources.get(top.file)!.ast.imports[e.index]!;
        out.push(diag("CH0114", top.file, imp.pathSpan, { cycle: shown.join(" → ") }));
      } else if (s === undefined && sources.has(e.to)) {
        state.set(e.to, 1);
        position.set(e.to, stack.length);
        stack.push(e.to);
        work.push({ file: e.to, next: 0 });
      }
    }
  }
  return out;
}
