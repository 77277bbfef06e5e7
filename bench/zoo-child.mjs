// One measured charterc command, for the shape zoo (bench/zoo.mjs): runs the
// bundled CLI in this process and, as the process exits, writes one line to
// the file named by ZOO_REPORT: wall time from this script's start (module
// loading included, as a user's `charterc check` pays it), CPU time (user +
// system, all threads: steadier than wall time on a shared machine), peak RSS, the
// RSS at start (so the growth a command causes can be told from Node's own),
// and the peak live heap.
//
// The peak heap is V8's used heap size, plus the external memory V8 accounts
// for (Buffers, ArrayBuffers, WebAssembly memory), at the end of each garbage
// collection (v8.GCProfiler records the heap statistics before and after
// every collection, synchronously, inside the collector's own hooks), the
// largest over the run, and once more after a full collection at exit (run
// with --expose-gc; after the time and CPU are read). After a scavenge the
// old generation still holds what died there since the last major
// collection, so the figure is an upper bound of what the command holds
// live; what RSS adds on top is the young generation's capacity, code,
// Node's own memory and the allocator's slack. The peak heap *before* a
// collection (live + young garbage) is reported as well.
//
//   node --expose-gc bench/zoo-child.mjs <dist/cli.js> <charterc arguments…>
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";

const COLLECTIONS = new Set(["Scavenge", "MarkSweepCompact", "MinorMarkCompact", "MinorMarkSweep"]);
const t0 = performance.now();
const rssStart = process.memoryUsage().rss;
const profiler = new v8.GCProfiler();
profiler.start();
const [cli, ...args] = process.argv.slice(2);
process.on("exit", (code) => {
  const ms = performance.now() - t0;
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  globalThis.gc?.();
  const stats = profiler.stop()?.statistics ?? [];
  let peakLive = 0;
  const now = v8.getHeapStatistics();
  let peakUsed = now.used_heap_size + now.external_memory;
  for (const s of stats) {
    // Only the end of a collection says what survived it; an incremental-marking
    // step or a weak-callback pass frees nothing and is not one.
    const after = s.afterGC.heapStatistics;
    const before = s.beforeGC.heapStatistics;
    if (COLLECTIONS.has(s.gcType)) peakLive = Math.max(peakLive, after.usedHeapSize + after.externalMemory);
    peakUsed = Math.max(peakUsed, before.usedHeapSize + before.externalMemory);
  }
  fs.writeFileSync(process.env.ZOO_REPORT, JSON.stringify({ ms, cpuMs, maxRssBytes: u.maxRSS * 1024, rssStartBytes: rssStart, peakHeapBytes: peakLive, peakHeapUsedBytes: peakUsed, gcs: stats.length, exit: code }));
});
process.argv = [process.argv[0], cli, ...args];
await import(pathToFileURL(cli).href);
