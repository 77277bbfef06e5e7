// The server's view of the project: the workspace's charters on disk (from
// charterc.yaml `include`), the open documents overlaid on them, the latest
// check result of every file, and the import graph between them.
//
// Re-analysis is incremental by component: an edit to a file re-checks that
// file, the files that import it and the files it imports (a federation's
// verdicts depend on its members), and nothing else. Parses of unchanged
// files come from a ParseCache. Each run is the compiler's own `check()`, so
// the editor shows exactly what `charterc check` shows.
//
// No Node module is imported here: files, paths and the configuration come
// through the WorkspaceHost (src/lsp/host.ts).
import { check, parseSource, resolveImportPath, type CompilerHost, type FileResult, type ParseCache } from "../compiler.js";
import { DEFAULT_OPTIONS, type CheckOptions, type Profile } from "../config/options.js";
import { logError, safeTimeout, type Timer } from "./guard.js";
import type { WorkspaceHost } from "./host.js";
import { reparseIncrementally, sameParse } from "./incremental.js";

export interface OpenDoc {
  readonly uri: string;
  readonly file: string;
  readonly version: number;
  readonly text: string;
}

export interface PublishSink {
  /** New diagnostics for a file; `result` null clears them. */
  publish(file: string, uri: string, version: number | undefined, result: FileResult | null): void;
}

export interface WorkspaceSettings {
  /** Overrides the profile of charterc.yaml (the `charterc.profile` setting). */
  readonly profile?: Profile;
  /** Delay between the last edit and re-analysis, in milliseconds. */
  readonly debounceMs?: number;
  /** Check every incremental re-parse against a full parse (tests). */
  readonly verifyIncremental?: boolean;
}

const UNTITLED_DIR = ".charterc-untitled";

export class Workspace {
  root: string;
  options: CheckOptions = DEFAULT_OPTIONS;
  /** A problem with charterc.yaml, shown to the user once. */
  configError: string | null = null;
  debounceMs = 25;
  verifyIncremental = false;
  /** Re-parses by kind (for tests and the bench). */
  readonly parses = { incremental: 0, full: 0 };

  /** Project-relative ids of the workspace's charters (charterc.yaml `include`). */
  readonly projectFiles = new Set<string>();
  private readonly open = new Map<string, OpenDoc>();
  private readonly fileOfUri = new Map<string, string>();
  readonly cache: ParseCache = new Map();
  /** The latest check result of every known file. */
  readonly results = new Map<string, FileResult>();
  /** file → files it imports (resolved), from the latest analysis. */
  private readonly importsOf = new Map<string, ReadonlySet<string>>();
  private readonly dirty = new Set<string>();
  private timer: Timer | null = null;
  /** The workspace folder (a URI) given at initialize. */
  private folder: string | null = null;
  /** Set once `init` has read the configuration and scanned the workspace. */
  private ready = false;
  /** Count of analyses run (for tests and logging). */
  runs = 0;

  constructor(
    private readonly sink: PublishSink,
    readonly files: WorkspaceHost,
  ) {
    this.root = files.rootFor(null);
  }

  /** Fix the root at initialize (before any document opens). */
  setFolder(folder: string | null): void {
    this.folder = folder;
    this.root = this.files.rootFor(folder);
  }

  private settings: WorkspaceSettings = {};

  /** Read charterc.yaml from the first workspace folder and find the workspace's charters. */
  async init(settings: WorkspaceSettings = this.settings): Promise<void> {
    this.settings = settings;
    if (settings.debounceMs !== undefined && Number.isFinite(settings.debounceMs)) this.debounceMs = Math.max(0, settings.debounceMs);
    const project = await this.files.loadProject(this.folder);
    this.root = project.root;
    this.options = project.options;
    this.configError = project.error;
    if (settings.verifyIncremental) this.verifyIncremental = true;
    if (settings.profile) this.options = { ...this.options, profile: settings.profile };
    if (this.folder) await this.scan();
    for (const f of this.projectFiles) this.dirty.add(f);
    for (const f of this.open.keys()) this.dirty.add(f);
    this.ready = true;
    this.analyzeNow();
  }

  /** (Re)scan the workspace folders for charters. */
  async scan(): Promise<void> {
    try {
      const files = await this.files.listFiles({ root: this.root, options: this.options, error: this.configError });
      this.projectFiles.clear();
      for (const f of files) this.projectFiles.add(f);
    } catch (e) {
      logError("workspace scan", e);
    }
  }

  // ── Files and URIs ────────────────────────────────────────────────────

  fileOf(uri: string): string {
    const known = this.fileOfUri.get(uri);
    if (known) return known;
    const abs = this.files.uriToPath(uri);
    if (abs !== null) return this.files.fileOf(this.root, abs);
    const name = uri.replace(/[^A-Za-z0-9_.-]+/g, "_").slice(-80);
    return `${UNTITLED_DIR}/${name}${name.endsWith(".charter") ? "" : ".charter"}`;
  }

  uriOf(file: string): string {
    const doc = this.open.get(file);
    if (doc) return doc.uri;
    return this.files.pathToUri(this.absOf(file));
  }

  absOf(file: string): string {
    return this.files.absOf(this.root, file);
  }

  doc(file: string): OpenDoc | undefined {
    return this.open.get(file);
  }

  openDocs(): IterableIterator<OpenDoc> {
    return this.open.values();
  }

  /** The host `check()` reads through: open documents first, then the workspace host. */
  host(): CompilerHost {
    const root = this.root;
    const files = this.files;
    return {
      root,
      readFile: (abs) => {
        const doc = this.open.get(files.fileOf(root, abs));
        if (doc) return doc.text;
        return files.readFile(abs);
      },
      realpath: (abs) => files.realpath(abs) ?? (this.open.has(files.fileOf(root, abs)) ? abs : undefined),
    };
  }

  // ── Document events ───────────────────────────────────────────────────

  didOpen(uri: string, version: number, text: string): void {
    const file = this.fileOf(uri);
    this.fileOfUri.set(uri, file);
    this.open.set(file, { uri, file, version, text });
    this.markDirty(file);
  }

  didChange(uri: string, version: number, text: string): void {
    const file = this.fileOf(uri);
    const prev = this.open.get(file);
    this.open.set(file, { uri, file, version, text });
    if (prev && prev.text === text && !this.dirty.has(file)) {
      // Same text (an edit undone within one change): re-publish the result under the new version.
      const r = this.results.get(file);
      if (r && r.text === text) {
        this.sink.publish(file, uri, version, r);
        return;
      }
    }
    this.markDirty(file);
  }

  didClose(uri: string): void {
    const file = this.fileOf(uri);
    this.open.delete(file);
    this.fileOfUri.delete(uri);
    const neighbours = this.component(new Set([file]));
    if (this.projectFiles.has(file) || this.importedByKnown(file)) {
      // Still part of the project: re-read from disk.
      for (const f of neighbours) this.dirty.add(f);
    } else {
      // Forget it: its diagnostics, its parse, its edges. Files it touched are re-checked without it.
      this.forget(file);
      for (const f of neighbours) if (f !== file) this.dirty.add(f);
    }
    this.schedule();
  }

  /** Files created, changed or deleted on disk (workspace/didChangeWatchedFiles). */
  async filesChanged(uris: readonly string[]): Promise<void> {
    let rescan = false;
    for (const uri of uris) {
      const abs = this.files.uriToPath(uri);
      if (abs === null) continue;
      this.files.invalidate(abs);
      if (this.files.isConfigFile(abs)) {
        this.configError = null;
        await this.init();
        return;
      }
      const file = this.files.fileOf(this.root, abs);
      rescan = true;
      if (!this.open.has(file)) this.markDirty(file, false);
    }
    if (rescan) {
      const before = new Set(this.projectFiles);
      await this.scan();
      for (const f of before) if (!this.projectFiles.has(f) && !this.open.has(f) && !this.importedByKnown(f)) this.forget(f);
      for (const f of this.projectFiles) if (!before.has(f)) this.dirty.add(f);
    }
    this.schedule();
  }

  private forget(file: string): void {
    const had = this.results.get(file);
    this.results.delete(file);
    this.cache.delete(file);
    this.importsOf.delete(file);
    this.files.invalidate(this.absOf(file));
    if (had) this.sink.publish(file, this.uriOf(file), undefined, null);
  }

  private importedByKnown(file: string): boolean {
    for (const [from, tos] of this.importsOf) if (from !== file && tos.has(file) && (this.open.has(from) || this.projectFiles.has(from))) return true;
    return false;
  }

  markDirty(file: string, schedule = true): void {
    this.dirty.add(file);
    if (schedule) this.schedule();
  }

  // ── Analysis ──────────────────────────────────────────────────────────

  private lastEditAt = 0;

  /**
   * Debounce: during a burst of edits every new version pushes the analysis
   * back and the last one wins; the first edit after a quiet spell is
   * analysed on the next tick (no added latency for a single keystroke).
   */
  schedule(): void {
    // Until charterc.yaml is read, edits only accumulate (init analyses them with the right options).
    if (!this.ready) return;
    const now = performance.now();
    const quiet = now - this.lastEditAt > this.debounceMs && this.timer === null;
    this.lastEditAt = now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = safeTimeout("analysis", () => {
      this.timer = null;
      this.analyzeNow();
    }, quiet ? 0 : this.debounceMs);
  }

  /** True when some edit has not been analysed yet. */
  get pending(): boolean {
    return this.dirty.size > 0;
  }

  /** The latest result for a file, analysing pending edits first so requests never see stale state. */
  resultFor(file: string): FileResult | undefined {
    if (this.dirty.size > 0) this.analyzeNow();
    return this.results.get(file);
  }

  /** Analyse every dirty file's component now. */
  analyzeNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty.size === 0) return;
    const seeds = new Set(this.dirty);
    this.dirty.clear();
    let comp = this.component(seeds);
    // A run can discover new edges (an added import); grow the component until it is closed.
    for (let round = 0; round < 4; round++) {
      const seen = this.run(comp);
      const grown = this.component(new Set([...comp, ...seen]));
      if (grown.size === comp.size) break;
      comp = grown;
    }
  }

  /** The connected component of the import graph (both directions) around `seeds`. */
  component(seeds: ReadonlySet<string>): Set<string> {
    const importers = new Map<string, string[]>();
    for (const [from, tos] of this.importsOf) {
      for (const to of tos) {
        let list = importers.get(to);
        if (!list) importers.set(to, (list = []));
        list.push(from);
      }
    }
    const out = new Set<string>();
    const queue = [...seeds];
    while (queue.length > 0) {
      const f = queue.pop()!;
      if (out.has(f)) continue;
      out.add(f);
      for (const t of this.importsOf.get(f) ?? []) if (!out.has(t)) queue.push(t);
      for (const t of importers.get(f) ?? []) if (!out.has(t)) queue.push(t);
    }
    return out;
  }

  /** Check the files of one component and publish; returns every file the run saw. */
  private run(comp: ReadonlySet<string>): Set<string> {
    const entries = [...comp].filter((f) => this.open.has(f) || this.projectFiles.has(f)).sort();
    const seen = new Set<string>();
    if (entries.length > 0) {
      for (const f of entries) this.reparse(f);
      const host = this.host();
      const result = check({ entries, host, options: this.options, cache: this.cache });
      this.runs++;
      for (const f of result.files) {
        seen.add(f.file);
        this.results.set(f.file, f);
        const tos = new Set<string>();
        for (const imp of f.ast.imports) {
          const r = resolveImportPath(host, f.file, imp.path);
          if (r.kind === "ok") tos.add(r.file);
        }
        this.importsOf.set(f.file, tos);
        this.sink.publish(f.file, this.uriOf(f.file), this.open.get(f.file)?.version, f);
      }
    }
    // Files of the component that no longer take part (deleted, closed, no longer imported).
    for (const f of comp) if (!seen.has(f) && !this.open.has(f) && !this.projectFiles.has(f)) this.forget(f);
    this.prune();
    return seen;
  }

  /** An open document's new text: re-parse only the edited section when the edit allows it. */
  private reparse(file: string): void {
    const doc = this.open.get(file);
    const prev = this.cache.get(file);
    if (!doc || !prev || prev.text === doc.text) return;
    const inc = reparseIncrementally(prev, doc.text);
    if (!inc) {
      this.parses.full++;
      return; // check() parses it in full
    }
    this.parses.incremental++;
    if (this.verifyIncremental) {
      const full = parseSource(file, doc.text);
      if (!sameParse(inc, full)) {
        logError("incremental parse", new Error(`mismatch with a full parse of ${file}`));
        this.cache.set(file, full);
        return;
      }
    }
    this.cache.set(file, inc);
  }

  /** Bounded memory: keep parses only of files that still have a result. */
  private prune(): void {
    for (const f of this.cache.keys()) if (!this.results.has(f)) this.cache.delete(f);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
