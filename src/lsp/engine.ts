// The language server's incremental checker: the same stages as the
// compiler's `check()` (src/compiler.ts) — read and parse, resolve import
// paths, import targets and cycles, `resolve`, the property rules, the
// diagnostics of each file in the same order — but every stage is cached per
// file and re-run only when what it reads has changed:
//
//   parse        ← the file's text (ParseCache; the editor's incremental re-parse fills it)
//   import paths ← the parse (and the file system, after a watched-file event)
//   targets      ← the import paths and the imported files' kinds
//   resolve      ← the parse and the targets
//   rule R on X  ← X's charter and whatever R read of the workspace, recorded
//                  while it ran (another charter, every charter, a verdict)
//   FileResult   ← all of the above for that file
//
// So an edit to one member of a federation re-resolves and re-analyses that
// member alone; the federation's workspace-wide rules re-run (they read every
// member, cheaply); nothing else does. `run()` is a generator that yields
// between files: the workspace runs it in time slices, so requests are
// answered between slices and a newer edit stops a stale run (every stage is
// keyed, so a stopped run loses nothing). test/lsp/engine.test.ts checks that
// the results equal `check()`'s on random workspaces.
import { findCycles, parseSource, readSource, resolveImportPath, type CompilerHost, type FileResult, type ParseCache, type SourceFile } from "../compiler.js";
import type { CheckOptions } from "../config/options.js";
import { analyzeCharter } from "../analysis/index.js";
import { capDiagnostics } from "../diagnostics/cap.js";
import { diag } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { PROPERTY_IDS, type PropertyId } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import { RULES, RULES_BY_ID, ruleLevel, type Evaluation, type RuleContext } from "../rules/index.js";
import type { Charter } from "../semantics/model.js";
import { resolve, ResolveCache, type ImportTarget } from "../semantics/resolve.js";

type Edge = { readonly to: string; readonly index: number };

/** What a rule read of the workspace while it ran, with the value it saw. */
type Dep = { readonly kind: "charter"; readonly file: string; readonly seen: Charter | undefined } | { readonly kind: "all"; readonly seen: number } | { readonly kind: "verdicts"; readonly file: string; readonly seen: number };

interface CachedEvaluation {
  readonly ev: Evaluation;
  readonly charter: Charter;
  readonly options: CheckOptions;
  readonly deps: readonly Dep[];
}

interface Node {
  readonly file: string;
  /** Read again on the next run (an edit, a watched-file event). */
  stale: boolean;
  text: string | undefined;
  /** What reading reported (CH0302/CH0303 for an entry that cannot be read, CH0016 for invalid UTF-8). */
  readNotes: Diagnostic[];
  src: SourceFile | null;
  edges: Edge[];
  pathNotes: Diagnostic[];
  pathsFor: SourceFile | null;
  targets: ImportTarget[];
  targetNotes: Diagnostic[];
  targetsKey: string;
  cycleNotes: Diagnostic[];
  resolvedFor: SourceFile | null;
  resolvedKey: string;
  charter: Charter | null;
  resolveDiags: readonly Diagnostic[];
  /** Lets `resolve` reuse the clauses of sections an edit did not touch. */
  resolveCache?: ResolveCache;
  evals: Map<PropertyId, CachedEvaluation>;
  /** The dependency keys its evaluations recorded (`c:file`, `v:file`, `all`), for the reverse index. */
  depKeys: ReadonlySet<string>;
  /** Some rule of this file was re-run by a run that stopped before recording the file's results. */
  unfinished: boolean;
  /** What some re-run rule read differs from what it read before: the reverse index needs this file's keys again. */
  reindex: boolean;
  /** Bumped when an early (per-charter) verdict of this file is recomputed. */
  verdictVersion: number;
  verdicts: Record<string, PropertyResult>;
  /** Diagnostics this file's rules made, by the file they are reported in. */
  ruleDiags: Map<string, Diagnostic[]>;
  properties: Readonly<Record<string, PropertyResult>> | null;
  /** The inputs of `result`, to tell whether it must be rebuilt. */
  resultKey: readonly unknown[];
  result: FileResult | null;
}

export interface EngineStats {
  runs: number;
  reads: number;
  resolves: number;
  /** Rule evaluations (one rule on one charter). */
  evaluations: number;
  /** FileResults built. */
  results: number;
}

export interface RunInput {
  readonly host: CompilerHost;
  /** The files checked as entries: open documents and the workspace's charters (not changed once given: a new set for new entries). */
  readonly entries: ReadonlySet<string>;
  readonly options: CheckOptions;
}

export interface RunOutcome {
  /** New results (changed since the last run). */
  readonly changed: FileResult[];
  /** Files that no longer take part; their diagnostics are cleared. */
  readonly removed: string[];
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameEdges(a: readonly Edge[], b: readonly Edge[]): boolean {
  return a.length === b.length && a.every((e, i) => e.to === b[i]!.to && e.index === b[i]!.index);
}

function sameNotes(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return (a.length === 0 && b.length === 0) || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two evaluations read the same things (the same dependency keys, in the same order). */
function sameDepKeys(a: readonly Dep[], b: readonly Dep[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind || (x.kind !== "all" && x.file !== (y as { file: string }).file)) return false;
  }
  return true;
}

/** Dependency keys (`c:file`, `v:file`), made once per file: the reverse index is rebuilt with no new strings. */
const KEYS = { c: new Map<string, string>(), v: new Map<string, string>() };
function depKey(kind: "c" | "v", file: string): string {
  const m = KEYS[kind];
  let k = m.get(file);
  if (k === undefined) {
    k = `${kind}:${file}`;
    if (m.size > 100_000) m.clear();
    m.set(file, k);
  }
  return k;
}

/** A read-only map that records what a rule reads of it. */
class TrackedMap implements ReadonlyMap<string, Charter> {
  constructor(
    private readonly inner: ReadonlyMap<string, Charter>,
    private readonly deps: Dep[],
    private readonly allVersion: number,
  ) {}
  private all(): void {
    this.deps.push({ kind: "all", seen: this.allVersion });
  }
  get size(): number {
    this.all();
    return this.inner.size;
  }
  get(file: string): Charter | undefined {
    const c = this.inner.get(file);
    this.deps.push({ kind: "charter", file, seen: c });
    return c;
  }
  has(file: string): boolean {
    return this.get(file) !== undefined;
  }
  forEach(fn: (value: Charter, key: string, map: ReadonlyMap<string, Charter>) => void): void {
    this.all();
    this.inner.forEach((v, k) => fn(v, k, this));
  }
  entries(): MapIterator<[string, Charter]> {
    this.all();
    return this.inner.entries();
  }
  keys(): MapIterator<string> {
    this.all();
    return this.inner.keys();
  }
  values(): MapIterator<Charter> {
    this.all();
    return this.inner.values();
  }
  [Symbol.iterator](): MapIterator<[string, Charter]> {
    return this.entries();
  }
}

export class Engine {
  readonly nodes = new Map<string, Node>();
  readonly stats: EngineStats = { runs: 0, reads: 0, resolves: 0, evaluations: 0, results: 0 };
  /** Bumped whenever the set of charters or any charter changes (a rule that reads them all depends on it). */
  private allVersion = 0;
  private charters = new Map<string, Charter>();
  private pathsStale = false;
  private cyclesFresh = false;
  private lastOptions: CheckOptions | null = null;
  /** File → the files whose rules report diagnostics in it (almost always itself). */
  private readonly reportersOf = new Map<string, Set<string>>();
  private lastEntries: ReadonlySet<string> = new Set();
  /** Files whose result may change in the current run. */
  private readonly touched = new Set<string>();
  // Work found by a run and not yet done: kept across a stopped run, so the next one finishes it.
  private readonly srcChanged = new Set<string>();
  private readonly evalQueue = new Set<string>();
  private readonly bumped = new Set<string>();
  private readonly removed: string[] = [];
  /** Dependency key → files whose evaluations recorded it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** The import graph may have changed (or the entries): the next run walks it from the entries. */
  private graphStale = true;
  /** Files touched since they were last read (the next run reads only these when the graph stands). */
  private readonly staleFiles = new Set<string>();
  /** The files reached from the entries, and the parsed ones in the order reached (check()'s order), from the last walk. */
  private live = new Set<string>();
  private sources = new Map<string, SourceFile>();
  /** File → the files that import it, from the last walk. */
  private importers = new Map<string, string[]>();
  /** Files to resolve again if their parse or targets changed; kept until the charters are updated. */
  private readonly resolveQueue = new Set<string>();
  /** The charters map is rebuilt, and every file looked at, on the next run. */
  private chartersStale = true;
  /** Files that lost their charter: their rules' results are dropped. */
  private readonly lostQueue = new Set<string>();

  constructor(readonly cache: ParseCache) {}

  /** The file may have changed: read it on the next run. */
  touch(file: string): void {
    const n = this.nodes.get(file);
    if (n) {
      n.stale = true;
      this.staleFiles.add(file);
    }
  }

  /** Files appeared or disappeared: resolve every import path again on the next run. */
  touchPaths(): void {
    this.pathsStale = true;
  }

  result(file: string): FileResult | undefined {
    return this.nodes.get(file)?.result ?? undefined;
  }

  *results(): IterableIterator<FileResult> {
    for (const n of this.nodes.values()) if (n.result) yield n.result;
  }

  /** Files `file` imports (resolved), from the latest run. */
  importsOf(file: string): readonly string[] {
    return (this.nodes.get(file)?.edges ?? []).map((e) => e.to);
  }

  private node(file: string): Node {
    let n = this.nodes.get(file);
    if (!n) {
      n = {
        file,
        stale: true,
        text: undefined,
        readNotes: [],
        src: null,
        edges: [],
        pathNotes: [],
        pathsFor: null,
        targets: [],
        targetNotes: [],
        targetsKey: "",
        cycleNotes: [],
        resolvedFor: null,
        resolvedKey: "",
        charter: null,
        resolveDiags: [],
        evals: new Map(),
        depKeys: new Set(),
        unfinished: false,
        reindex: false,
        verdictVersion: 0,
        verdicts: {},
        ruleDiags: new Map(),
        properties: null,
        resultKey: [],
        result: null,
      };
      this.nodes.set(file, n);
    }
    return n;
  }

  /**
   * Bring every result up to date. Yields between files (the caller may stop
   * iterating when a newer edit arrives; the next run resumes from the caches)
   * and returns what changed.
   */
  *run({ host, entries, options }: RunInput): Generator<void, RunOutcome, void> {
    this.stats.runs++;
    const pathsStale = this.pathsStale;
    /** Files whose parse (or readability) changed, or that are new. */
    const srcChanged = this.srcChanged;
    const touched = this.touched;

    // 1. Read and parse what changed; import paths; the files reachable from the entries.
    //    When no file's imports changed and the entries are the same, only the files touched
    //    since the last run are looked at (an edit costs O(the file), not O(the workspace));
    //    else every file reachable from the entries is walked again.
    if (!sameSet(entries, this.lastEntries)) {
      // A file that became or stopped being an entry is read again (what reading reports depends on it).
      for (const e of entries) if (!this.lastEntries.has(e)) (touched.add(e), this.touch(e));
      for (const e of this.lastEntries) if (!entries.has(e)) (touched.add(e), this.touch(e));
      this.graphStale = true;
    }
    this.lastEntries = entries;
    if (pathsStale) this.graphStale = true;
    if (!this.graphStale) {
      for (const file of [...this.staleFiles]) {
        const n = this.nodes.get(file);
        if (!n || !this.live.has(file)) {
          this.staleFiles.delete(file);
          continue;
        }
        if (n.stale || n.text === undefined) {
          this.read(n, host, entries);
          yield;
        }
        this.paths(n, host, pathsStale);
        // The import graph changed (read and paths say so): walk it all (below).
        if (this.graphStale) break;
        this.staleFiles.delete(file);
        if (n.src) this.sources.set(file, n.src);
      }
    }
    if (this.graphStale) {
      const live = new Set<string>();
      const queue = [...entries].sort();
      for (let i = 0; i < queue.length; i++) {
        const file = queue[i]!;
        if (live.has(file)) continue;
        live.add(file);
        if (!this.nodes.has(file)) srcChanged.add(file);
        const n = this.node(file);
        if (n.stale || n.text === undefined) {
          this.read(n, host, entries);
          yield;
        }
        this.paths(n, host, pathsStale);
        for (const e of n.edges) if (!live.has(e.to)) queue.push(e.to);
      }
      // Files no longer reached: forget them.
      for (const [file, n] of this.nodes) {
        if (live.has(file)) continue;
        if (n.result) this.removed.push(file);
        this.unindex(n);
        this.setRuleDiags(n, new Map());
        srcChanged.add(file);
        this.nodes.delete(file);
        this.cache.delete(file);
        this.cyclesFresh = false;
      }
      this.staleFiles.clear();
      this.live = live;
      const sources = new Map<string, SourceFile>();
      for (const file of queue) {
        const n = this.nodes.get(file)!;
        if (n.src && !sources.has(file)) sources.set(file, n.src);
      }
      this.sources = sources;
      const importers = new Map<string, string[]>();
      for (const file of sources.keys()) {
        for (const e of this.nodes.get(file)!.edges) {
          let list = importers.get(e.to);
          if (!list) importers.set(e.to, (list = []));
          list.push(file);
        }
      }
      this.importers = importers;
      // Every file is looked at again below (resolve, charters, rules' clean-up).
      for (const file of sources.keys()) this.resolveQueue.add(file);
      this.chartersStale = true;
      this.graphStale = false;
    }
    const live = this.live;
    const sources = this.sources;

    // 2. Import targets (what each import resolved to, once parsed) and cycles.
    //    Only files whose parse changed, and their importers, can have new targets.
    const retarget = new Set<string>();
    if (pathsStale) for (const file of sources.keys()) retarget.add(file);
    else {
      for (const file of srcChanged) {
        retarget.add(file);
        for (const from of this.importers.get(file) ?? []) retarget.add(from);
      }
    }
    for (const file of retarget) {
      const src = sources.get(file);
      if (!src) continue;
      const n = this.nodes.get(file)!;
      const targets: ImportTarget[] = src.ast.imports.map(() => ({ file: null, kind: null }));
      const notes: Diagnostic[] = [];
      for (const e of n.edges) {
        const target = sources.get(e.to);
        if (!target) {
          const imp = src.ast.imports[e.index]!;
          notes.push(diag("CH0113", file, imp.pathSpan, { path: imp.path }));
          continue;
        }
        targets[e.index] = { file: e.to, kind: target.ast.header?.kind ?? null };
      }
      const key = JSON.stringify([targets, notes.map((d) => [d.span.start, d.span.end, d.message])]);
      if (key !== n.targetsKey) {
        n.targets = targets;
        n.targetNotes = notes;
        touched.add(file);
        n.targetsKey = key;
        this.resolveQueue.add(file);
      }
    }
    this.pathsStale = false;
    if (!this.cyclesFresh) {
      const edges = new Map<string, Edge[]>();
      for (const file of sources.keys()) edges.set(file, this.nodes.get(file)!.edges);
      const byFile = new Map<string, Diagnostic[]>();
      for (const d of findCycles(sources, edges)) {
        let list = byFile.get(d.file);
        if (!list) byFile.set(d.file, (list = []));
        list.push(d);
      }
      for (const file of sources.keys()) {
        const n = this.nodes.get(file)!;
        const next = byFile.get(file) ?? [];
        if (JSON.stringify(next) !== JSON.stringify(n.cycleNotes)) {
          n.cycleNotes = next;
          touched.add(file);
        }
      }
      this.cyclesFresh = true;
    }

    // 3. Resolve the files whose parse or targets changed (the queue is kept until the charters below are updated).
    for (const file of srcChanged) this.resolveQueue.add(file);
    for (const file of this.resolveQueue) {
      const src = sources.get(file);
      const n = this.nodes.get(file);
      if (src && n && (n.resolvedFor !== src || n.resolvedKey !== n.targetsKey)) {
        this.stats.resolves++;
        const r = resolve(src.ast, file, n.targets, (n.resolveCache ??= new ResolveCache()));
        n.charter = r.charter;
        n.resolveDiags = r.diagnostics;
        touched.add(file);
        n.resolvedFor = src;
        n.resolvedKey = n.targetsKey;
        yield;
      }
    }
    for (const file of srcChanged) {
      touched.add(file);
      const n = this.nodes.get(file);
      if (n && !n.src) n.charter = null;
    }
    srcChanged.clear();
    // The workspace's charters, in the order of `sources` (rules that read them all see check()'s order):
    // rebuilt when the set of files with a charter changes, else updated in place.
    const changedCharters = new Set<string>();
    const charterOf = (file: string) => (sources.has(file) ? (this.nodes.get(file)?.charter ?? null) : null);
    let rebuild = this.chartersStale;
    if (!rebuild) {
      for (const file of this.resolveQueue) {
        const c = charterOf(file);
        if ((c !== null) !== this.charters.has(file)) rebuild = true;
        if (this.charters.get(file) !== (c ?? undefined)) changedCharters.add(file);
      }
    }
    if (rebuild) {
      const charters = new Map<string, Charter>();
      for (const [file] of sources) {
        const c = this.nodes.get(file)!.charter;
        if (c) charters.set(file, c);
      }
      changedCharters.clear();
      for (const [file, c] of charters) if (this.charters.get(file) !== c) changedCharters.add(file);
      for (const file of this.charters.keys()) if (!charters.has(file)) changedCharters.add(file);
      this.charters = charters;
    } else {
      for (const file of changedCharters) this.charters.set(file, charterOf(file)!);
    }
    this.resolveQueue.clear();
    for (const file of changedCharters) if (!this.charters.has(file)) this.lostQueue.add(file);
    const chartersChanged = changedCharters.size > 0;
    if (chartersChanged) this.allVersion++;
    const charters = this.charters;

    // 4. The property rules: early rules on every charter, then the late ones (they read verdicts).
    //    Only files whose charter changed, and the files whose rules read what changed, are looked at.
    const evaluated = this.touched;
    const early = this.evalQueue;
    if (options !== this.lastOptions) for (const f of charters.keys()) early.add(f);
    this.lastOptions = options;
    const add = (set: Set<string>, key: string) => {
      for (const f of this.dependents.get(key) ?? []) set.add(f);
    };
    for (const file of changedCharters) {
      early.add(file);
      add(early, depKey("c", file));
    }
    if (chartersChanged) add(early, "all");
    for (const file of [...early].sort()) {
      const n = this.nodes.get(file);
      if (!n?.charter || !charters.has(file)) continue;
      const before = n.verdictVersion;
      if (yield* this.evaluate(n, false, options)) {
        evaluated.add(file);
        if (n.verdictVersion !== before) this.bumped.add(file);
      }
    }
    const late = new Set(early);
    for (const file of this.bumped) add(late, depKey("v", file));
    for (const file of [...late].sort()) {
      const n = this.nodes.get(file);
      if (!n?.charter || !charters.has(file)) continue;
      if (yield* this.evaluate(n, true, options)) evaluated.add(file);
    }
    early.clear();
    this.bumped.clear();
    // Files that lost their charter: their rules' results go (every file after a walk of the graph).
    const lost = this.chartersStale ? [...this.nodes.keys()] : [...this.lostQueue];
    this.lostQueue.clear();
    for (const file of lost) {
      const n = this.nodes.get(file);
      if (!n || charters.has(file) || (n.properties === null && n.ruleDiags.size === 0)) continue;
      this.unindex(n);
      n.evals.clear();
      n.verdicts = {};
      this.setRuleDiags(n, new Map());
      n.properties = null;
      evaluated.add(file);
    }
    this.chartersStale = false;

    // 5. A FileResult for each file whose inputs changed (the same shape and order as check()).
    const changed: FileResult[] = [];
    const removed = this.removed;
    const inResults = (f: string) => sources.has(f) || (entries.has(f) && live.has(f));
    for (const file of [...touched].filter(inResults).sort()) {
      const n = this.nodes.get(file)!;
      const entry = entries.has(file);
      const ruleParts = [...(this.reportersOf.get(file) ?? [])].sort().map((y) => this.nodes.get(y)!.ruleDiags.get(file)!);
      const key = [n.src, entry, n.readNotes, n.pathNotes, n.targetNotes, n.cycleNotes, n.resolveDiags, n.charter, n.properties, ...ruleParts];
      if (n.result && key.length === n.resultKey.length && key.every((k, i) => k === n.resultKey[i])) continue;
      const src = n.src ?? parseSource(file, "");
      const extra = [...n.readNotes, ...(n.src ? n.pathNotes : []), ...(n.src ? n.targetNotes : []), ...(n.src ? n.cycleNotes : [])];
      // The one cap per code per file (src/diagnostics/cap.ts), as check() applies it.
      const diagnostics = capDiagnostics([...(n.src ? src.parseDiagnostics : []), ...extra, ...(n.src ? n.resolveDiags : []), ...ruleParts.flat()]);
      this.stats.results++;
      n.result = { ...src, file, charter: n.src ? n.charter : null, diagnostics, properties: n.properties, entry };
      n.resultKey = key;
      changed.push(n.result);
    }
    for (const file of touched) {
      const n = this.nodes.get(file);
      if (n?.result && !inResults(file)) {
        n.result = null;
        n.resultKey = [];
        removed.push(file);
      }
    }
    touched.clear();
    const gone = removed.splice(0).filter((f) => !this.nodes.get(f)?.result);
    return { changed, removed: gone };
  }

  /** Read a file again (through the host) and parse it if its text changed. */
  private read(n: Node, host: CompilerHost, entries: ReadonlySet<string>): void {
    const file = n.file;
    this.stats.reads++;
    const notes: Diagnostic[] = [];
    n.text = readSource(host, file, entries.has(file), (_f, d) => notes.push(d));
    if (!sameNotes(notes, n.readNotes)) {
      n.readNotes = notes;
      this.touched.add(file);
    }
    n.stale = false;
    const src = n.text === undefined ? null : parseSource(file, n.text, this.cache);
    if (src !== n.src) this.srcChanged.add(file);
    // Readable ⇄ unreadable: the file enters or leaves the import graph.
    if ((src === null) !== (n.src === null)) this.graphStale = true;
    n.src = src;
    if (!n.src) this.cache.delete(file);
  }

  /** A file's import paths, when its parse changed (or files appeared or disappeared). */
  private paths(n: Node, host: CompilerHost, pathsStale: boolean): void {
    const file = n.file;
    if (n.src && (n.pathsFor !== n.src || pathsStale)) {
      const src = n.src;
      const edges: Edge[] = [];
      const notes: Diagnostic[] = [];
      src.ast.imports.forEach((imp, index) => {
        const r = resolveImportPath(host, file, imp.path);
        if (r.kind === "escape") notes.push(diag("CH0112", file, imp.pathSpan, { path: imp.path }));
        else if (r.kind === "missing") notes.push(diag("CH0113", file, imp.pathSpan, { path: imp.path }));
        else edges.push({ to: r.file, index });
      });
      if (!sameEdges(edges, n.edges)) {
        this.cyclesFresh = false;
        this.graphStale = true;
      }
      n.edges = edges;
      n.pathNotes = notes;
      this.touched.add(file);
      n.pathsFor = src;
    } else if (!n.src && n.edges.length > 0) {
      n.edges = [];
      n.pathNotes = [];
      n.pathsFor = null;
      this.cyclesFresh = false;
      this.graphStale = true;
    }
  }

  /**
   * Re-run the rules of one pass on one file where their inputs changed;
   * true when something was re-run. Yields after the file's analysis and
   * after each rule (a 5,000-line charter's rules are not one long step);
   * a run stopped part-way leaves `unfinished` set, and the next run
   * completes the file's record even when no rule needs re-running.
   */
  private *evaluate(n: Node, late: boolean, options: CheckOptions): Generator<void, boolean, void> {
    const charter = n.charter!;
    let any = false;
    const valid = (c: CachedEvaluation | undefined): boolean => {
      if (!c || c.charter !== charter || c.options !== options) return false;
      for (const d of c.deps) {
        if (d.kind === "charter" && this.charters.get(d.file) !== d.seen) return false;
        if (d.kind === "all" && d.seen !== this.allVersion) return false;
        if (d.kind === "verdicts" && (this.nodes.get(d.file)?.verdictVersion ?? -1) !== d.seen) return false;
      }
      return true;
    };
    for (const rule of RULES) {
      if (Boolean(rule.late) !== late) continue;
      const cached = n.evals.get(rule.id);
      if (valid(cached)) {
        n.verdicts[rule.id] = cached!.ev.result;
        continue;
      }
      if (!any) {
        // The analysis every rule reads (cached per charter): a step of its own.
        n.unfinished = true;
        analyzeCharter(charter);
        yield;
      }
      const deps: Dep[] = [];
      const ctx: RuleContext = {
        charter,
        analysis: analyzeCharter(charter),
        options,
        maxNotice: charter.kind === "federation" ? options.maxNotice.federation : options.maxNotice.charter,
        workspace: new TrackedMap(this.charters, deps, this.allVersion),
        analysisOf: (c) => {
          deps.push({ kind: "charter", file: c.file, seen: this.charters.get(c.file) });
          return analyzeCharter(c);
        },
        verdictsOf: (file) => {
          const other = this.nodes.get(file);
          deps.push({ kind: "verdicts", file, seen: other?.verdictVersion ?? -1 });
          return other && this.charters.has(file) ? other.verdicts : undefined;
        },
      };
      this.stats.evaluations++;
      const ev = rule.evaluate(ctx);
      // The reverse index changes only when what the rule read changed (not, say, a member's new charter).
      if (!cached || !sameDepKeys(cached.deps, deps)) n.reindex = true;
      n.evals.set(rule.id, { ev, charter, options, deps });
      n.verdicts[rule.id] = ev.result;
      any = true;
      yield;
    }
    if (!any && !n.unfinished) return false;
    if (!late) n.verdictVersion++;
    if (n.reindex) this.index(n);
    n.reindex = false;
    this.finish(n, options);
    n.unfinished = false;
    return true;
  }

  /** Record in the reverse index what this file's evaluations read (only the keys that changed are touched). */
  private index(n: Node): void {
    const keys = new Set<string>();
    for (const c of n.evals.values()) {
      for (const d of c.deps) keys.add(d.kind === "all" ? "all" : depKey(d.kind === "charter" ? "c" : "v", d.file));
    }
    for (const key of n.depKeys) {
      if (keys.has(key)) continue;
      const set = this.dependents.get(key);
      set?.delete(n.file);
      if (set?.size === 0) this.dependents.delete(key);
    }
    for (const key of keys) {
      if (n.depKeys.has(key)) continue;
      let set = this.dependents.get(key);
      if (!set) this.dependents.set(key, (set = new Set()));
      set.add(n.file);
    }
    n.depKeys = keys;
  }

  private unindex(n: Node): void {
    for (const key of n.depKeys) {
      const set = this.dependents.get(key);
      set?.delete(n.file);
      if (set?.size === 0) this.dependents.delete(key);
    }
    n.depKeys = new Set();
  }

  /** A file's property record and rule diagnostics from its evaluations (as runRules makes them). */
  private finish(n: Node, options: CheckOptions): void {
    if (n.evals.size < PROPERTY_IDS.length) return; // the late pass completes it
    const record: Record<string, PropertyResult> = {};
    const out = new Map<string, Diagnostic[]>();
    for (const id of PROPERTY_IDS) {
      const ev = n.evals.get(id)!.ev;
      record[id] = ev.result;
      const level = ruleLevel(options, id);
      if (level === "off") continue;
      const rule = RULES_BY_ID.get(id)!;
      for (const f of ev.findings) {
        const target = f.file ?? n.file;
        let list = out.get(target);
        if (!list) out.set(target, (list = []));
        list.push(diag(rule.code, target, f.span, { detail: f.message }, { rule: id, severity: level, related: f.related, help: f.help }));
      }
    }
    n.properties = record;
    this.setRuleDiags(n, out);
  }

  /** Replace a file's rule diagnostics, keeping the reverse index and marking every file they touch. */
  private setRuleDiags(n: Node, next: Map<string, Diagnostic[]>): void {
    for (const target of n.ruleDiags.keys()) {
      this.touched.add(target);
      const set = this.reportersOf.get(target);
      set?.delete(n.file);
      if (set?.size === 0) this.reportersOf.delete(target);
    }
    n.ruleDiags = next;
    for (const target of next.keys()) {
      this.touched.add(target);
      let set = this.reportersOf.get(target);
      if (!set) this.reportersOf.set(target, (set = new Set()));
      set.add(n.file);
    }
  }
}
