// The server's view of the project: the workspace's charters (charterc.yaml
// `include`, through the host), the open documents overlaid on them, and the
// latest result of every file.
//
// Analysis is incremental per file (src/lsp/engine.ts: the stages of
// `check()`, each cached and re-run only when what it reads changed), so the
// editor shows exactly what `charterc check` shows while an edit re-runs only
// what it can change. An edit is parsed at once (only its section, when it
// stays inside one: src/lsp/incremental.ts), so hover and completion answer
// from the newest parse without waiting; the analysis runs after a debounce
// in time slices, yielding to the event loop between files (after the
// messages already received), and a newer edit stops a stale run (the caches
// keep what it finished).
//
// No Node module is imported here: files, paths and the configuration come
// through the WorkspaceHost (src/lsp/host.ts).
import { parseSource, type CompilerHost, type FileResult, type ParseCache, type SourceFile } from "../compiler.js";
import { DEFAULT_OPTIONS, type CheckOptions, type Profile } from "../config/options.js";
import { Engine, type RunOutcome } from "./engine.js";
import { guard, logError, type Timer } from "./guard.js";
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
/** Longest stretch of analysis between two turns of the event loop, in milliseconds. */
const SLICE_MS = 8;
/**
 * How long an edit that finds the server idle waits before its analysis
 * starts, in milliseconds: a request the editor sends with the edit (a
 * hover) reaches the server a few microseconds later, and is answered first.
 */
const GRACE_MS = 1;
/** The longest the debounce grows to after slow steps, in milliseconds. */
const MAX_DEBOUNCE_MS = 1000;

/** A callback to come (see `later`); cancelled, it never runs. */
interface Later {
  cancel(): void;
}

/** The next turn of the event loop: setImmediate on Node (after the I/O of this turn), a zero timeout elsewhere. */
const nextTurn: (fn: () => void) => void = typeof setImmediate === "function" ? (fn) => void setImmediate(fn) : (fn) => void setTimeout(fn, 0);

/**
 * Run `fn` after `ms` (0: on the next turn), and after the messages that
 * arrive meanwhile: vscode-jsonrpc reads stdin in the poll phase and handles
 * each message in a setImmediate of its own, queued behind ours; so `fn`
 * waits one more turn, and a message that arrives during an analysis is
 * answered before its next slice. Turns, not timers, between slices: a
 * zero timeout costs a millisecond or more, every slice.
 */
function later(where: string, fn: () => void, ms: number): Later {
  let live = true;
  const run = guard(where, () => {
    if (!live) return;
    live = false;
    fn();
  }, undefined);
  const hop = () => {
    if (live) nextTurn(() => nextTurn(run));
  };
  const timer: Timer | null = ms > 0 ? setTimeout(hop, ms) : (hop(), null);
  return {
    cancel() {
      live = false;
      if (timer !== null) clearTimeout(timer);
    },
  };
}

/**
 * A file id for a URI outside the host's file system (`untitled:…`), one to
 * one: every character but letters, digits and `-` becomes `_` and four hex
 * digits, so different URIs never share an id.
 */
export function untitledFile(uri: string): string {
  let name = "";
  for (let i = 0; i < uri.length; i++) {
    const c = uri[i]!;
    name += /[A-Za-z0-9-]/.test(c) ? c : `_${uri.charCodeAt(i).toString(16).padStart(4, "0")}`;
  }
  return `${UNTITLED_DIR}/${name}.charter`;
}

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
  /** Bumped when projectFiles is refilled. */
  private projectVersion = 0;
  private readonly open = new Map<string, OpenDoc>();
  private readonly fileOfUri = new Map<string, string>();
  readonly cache: ParseCache = new Map();
  readonly engine = new Engine(this.cache);
  /** The latest result of every file (as published). */
  readonly results = new Map<string, FileResult>();
  private timer: Later | null = null;
  /** The workspace folder (a URI) given at initialize. */
  private folder: string | null = null;
  /** Set once `init` has read the configuration and scanned the workspace. */
  private ready = false;
  /** Something changed since the current (or last) run started. */
  private dirty = false;
  private running: Generator<void, RunOutcome, void> | null = null;
  /** Open documents whose newest text is not parsed yet (parsed when a request or the analysis needs it). */
  private readonly unparsed = new Set<string>();
  /** Open documents with a new version since their last publication (re-sent even when the result did not change). */
  private readonly versioned = new Set<string>();
  private waiters: (() => void)[] = [];
  /** Completed analyses (for tests and logging). */
  runs = 0;
  /** Runs stopped because a newer edit arrived. */
  stopped = 0;

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
    this.engine.touchPaths();
    this.ready = true;
    this.dirty = true;
    this.startNow();
  }

  /** (Re)scan the workspace folders for charters. */
  async scan(): Promise<void> {
    try {
      const files = await this.files.listFiles({ root: this.root, options: this.options, error: this.configError });
      this.projectFiles.clear();
      for (const f of files) this.projectFiles.add(f);
      this.projectVersion++;
    } catch (e) {
      logError("workspace scan", e);
    }
  }

  // ── Files and URIs ────────────────────────────────────────────────────

  fileOf(uri: string): string {
    const known = this.fileOfUri.get(uri);
    if (known) return known;
    const abs = this.files.uriToPath(uri);
    if (abs === null) return untitledFile(uri);
    const id = this.files.fileOf(this.root, abs);
    // A document outside the workspace's root (an editor opened one file
    // from elsewhere) is checked on its own text like an untitled one: it is
    // never read from disk, and its imports cannot leave the root.
    return id === ".." || id.startsWith("../") || id.startsWith("/") ? untitledFile(uri) : id;
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

  /** The host the analysis reads through: open documents first, then the workspace host. */
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
      refusal: (abs) => (this.open.has(files.fileOf(root, abs)) ? undefined : files.refusal?.(abs)),
    };
  }

  // ── Document events ───────────────────────────────────────────────────

  didOpen(uri: string, version: number, text: string): void {
    const file = this.fileOf(uri);
    this.fileOfUri.set(uri, file);
    const known = this.open.has(file) || this.engine.nodes.has(file);
    this.open.set(file, { uri, file, version, text });
    this.unparsed.add(file);
    this.versioned.add(file);
    // A new file may complete an import that was missing.
    if (!known) this.engine.touchPaths();
    this.changed(file);
  }

  didChange(uri: string, version: number, text: string): void {
    const file = this.fileOf(uri);
    const prev = this.open.get(file);
    this.open.set(file, { uri, file, version, text });
    if (prev && prev.text === text && !this.dirty) {
      // Same text (an edit undone within one change): re-publish the result under the new version.
      const r = this.results.get(file);
      if (r && r.text === text) {
        this.sink.publish(file, uri, version, r);
        return;
      }
    }
    this.unparsed.add(file);
    this.versioned.add(file);
    this.changed(file);
  }

  didClose(uri: string): void {
    const file = this.fileOf(uri);
    this.open.delete(file);
    this.fileOfUri.delete(uri);
    this.unparsed.delete(file);
    this.versioned.add(file);
    // Still part of the project (or imported): re-read from the host; else the run forgets it.
    this.engine.touchPaths();
    this.changed(file);
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
      if (!this.open.has(file)) this.engine.touch(file);
    }
    if (rescan) {
      await this.scan();
      this.engine.touchPaths();
    }
    this.dirty = true;
    this.schedule();
  }

  private changed(file: string): void {
    this.engine.touch(file);
    this.dirty = true;
    this.schedule();
  }

  private entrySet: ReadonlySet<string> | null = null;
  private entryKey: { project: number; open: readonly string[] } | null = null;

  /** The entries of a run: open documents and the workspace's charters (the same set while they stay the same). */
  private entries(): ReadonlySet<string> {
    const open = [...this.open.keys()];
    const k = this.entryKey;
    if (this.entrySet && k && k.project === this.projectVersion && k.open.length === open.length && k.open.every((f, i) => f === open[i])) return this.entrySet;
    const out = new Set(this.projectFiles);
    for (const f of open) out.add(f);
    this.entrySet = out;
    this.entryKey = { project: this.projectVersion, open };
    return out;
  }

  // ── Views for requests ────────────────────────────────────────────────

  /** The latest analysed result of a file (possibly of an older version while an analysis is pending). */
  resultFor(file: string): FileResult | undefined {
    return this.results.get(file);
  }

  /**
   * A result for the newest text of an open document, at once: the analysed
   * result when it is of that text, else the newest parse with the last
   * verdicts and no charter (costs come back when the analysis lands).
   */
  currentView(file: string): FileResult | undefined {
    const doc = this.open.get(file);
    const r = this.results.get(file);
    if (!doc) return r;
    if (r && r.text === doc.text) return r;
    this.ensureParsed(file);
    let src: SourceFile | undefined = this.cache.get(file);
    if (!src || src.text !== doc.text) src = parseSource(file, doc.text, this.cache);
    return { ...src, charter: null, diagnostics: src.parseDiagnostics, properties: r?.properties ?? null, entry: true };
  }

  /** True when some change has not been analysed yet. */
  get pending(): boolean {
    return this.dirty || this.running !== null || this.timer !== null;
  }

  /** Resolves when every change is analysed, or after `ms` (whichever comes first). */
  settled(ms: number): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  // ── Analysis ──────────────────────────────────────────────────────────

  /**
   * The longest uninterruptible step of recent analyses (a parse or one
   * file's analysis), decaying: during a burst of edits the debounce is at
   * least this long, so a huge document is not re-parsed for every keystroke.
   */
  private longestStep = 0;

  private noteStep(ms: number): void {
    this.longestStep = Math.max(ms, this.longestStep * 0.9);
  }

  /**
   * Debounce: an edit that finds the server idle (no analysis pending or
   * running: the last edit's diagnostics are out) is analysed on the next
   * turn, however soon it follows the last one (no added latency while the
   * server keeps up with the typing); during a burst that outruns the
   * analysis every new version pushes it back and the last one wins.
   */
  schedule(): void {
    // Until charterc.yaml is read, edits only accumulate (init analyses them with the right options).
    if (!this.ready) return;
    const quiet = this.timer === null && this.running === null;
    this.timer?.cancel();
    this.timer = later("analysis", () => {
      if (this.timer === null) return;
      this.timer = null;
      this.startNow();
    }, quiet ? GRACE_MS : Math.max(this.debounceMs, Math.min(MAX_DEBOUNCE_MS, this.longestStep)));
  }

  /** Start (or restart) the analysis of every change now and run its first slice. */
  private startNow(): void {
    if (this.timer) {
      this.timer.cancel();
      this.timer = null;
    }
    if (this.running) {
      this.running.return(undefined as never);
      this.running = null;
      this.stopped++;
    }
    if (!this.dirty) return;
    this.dirty = false;
    const t0 = performance.now();
    for (const f of [...this.unparsed]) this.ensureParsed(f);
    this.noteStep(performance.now() - t0);
    this.running = this.engine.run({ host: this.host(), entries: this.entries(), options: this.options });
    this.pump();
  }

  /** Run the current analysis for one slice; continue on a later turn of the event loop. */
  private pump(run: Generator<void, RunOutcome, void> | null = this.running): void {
    if (!run || run !== this.running) return;
    const deadline = performance.now() + SLICE_MS;
    let step: IteratorResult<void, RunOutcome>;
    try {
      let t = performance.now();
      do {
        step = run.next();
        const now = performance.now();
        this.noteStep(now - t);
        t = now;
      } while (!step.done && t < deadline);
    } catch (e) {
      this.running = null;
      logError("analysis", e);
      this.finished();
      return;
    }
    if (!step.done) {
      // A newer edit: this run's remaining work is stale; the debounce timer starts a fresh one.
      if (this.dirty && this.timer !== null) {
        run.return(undefined as never);
        this.running = null;
        this.stopped++;
        return;
      }
      later("analysis", () => this.pump(run), 0);
      return;
    }
    this.running = null;
    this.runs++;
    this.publishOutcome(step.value);
    if (this.dirty) this.schedule();
    else this.finished();
  }

  private publishOutcome({ changed, removed }: RunOutcome): void {
    for (const file of removed) {
      this.results.delete(file);
      this.sink.publish(file, this.uriOf(file), undefined, null);
    }
    for (const r of changed) {
      this.results.set(r.file, r);
      const doc = this.open.get(r.file);
      // Published only for the text it was made from (a newer edit has its own run coming).
      if (doc && doc.text !== r.text) continue;
      this.versioned.delete(r.file);
      this.sink.publish(r.file, this.uriOf(r.file), doc?.version, r);
    }
    // Opened, closed or re-versioned with the same text: the same result, under the document's version now.
    for (const file of [...this.versioned]) {
      const r = this.results.get(file);
      const doc = this.open.get(file);
      if (doc && r && r.text !== doc.text) continue;
      this.versioned.delete(file);
      if (r) this.sink.publish(file, this.uriOf(file), doc?.version, r);
    }
  }

  private finished(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Analyse every change now, to the end (tests, and the bench's cold start). */
  analyzeNow(): void {
    this.startNow();
    while (this.running) {
      const run = this.running;
      let step = run.next();
      while (!step.done) step = run.next();
      this.running = null;
      this.runs++;
      this.publishOutcome(step.value);
      if (this.dirty) this.startNow();
    }
    this.finished();
  }

  /** Parse an open document's newest text if it is not parsed yet. */
  private ensureParsed(file: string): void {
    if (!this.unparsed.delete(file)) return;
    this.reparse(file);
  }

  /** An open document's new text: re-parse only the edited section when the edit allows it. */
  private reparse(file: string): void {
    const doc = this.open.get(file);
    const prev = this.cache.get(file);
    if (!doc) return;
    if (!prev) {
      this.parses.full++;
      parseSource(file, doc.text, this.cache);
      return;
    }
    if (prev.text === doc.text) return;
    const inc = reparseIncrementally(prev, doc.text);
    if (!inc) {
      this.parses.full++;
      parseSource(file, doc.text, this.cache);
      return;
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

  dispose(): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.running) this.running.return(undefined as never);
    this.running = null;
    this.finished();
  }
}
