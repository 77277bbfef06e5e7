// One measured charterc command, for the shape zoo (bench/zoo.mjs): runs the
// bundled CLI in this process and, as the process exits, writes one line to
// the file named by ZOO_REPORT: wall time from this script's start (module
// loading included, as a user's `charterc check` pays it), CPU time (user +
// system, all threads: steadier than wall time on a shared machine), peak RSS, and the
// RSS at start (so the growth a command causes can be told from Node's own).
//
//   node bench/zoo-child.mjs <dist/cli.js> <charterc arguments…>
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const t0 = performance.now();
const rssStart = process.memoryUsage().rss;
const [cli, ...args] = process.argv.slice(2);
process.on("exit", (code) => {
  const ms = performance.now() - t0;
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  fs.writeFileSync(process.env.ZOO_REPORT, JSON.stringify({ ms, cpuMs, maxRssBytes: u.maxRSS * 1024, rssStartBytes: rssStart, exit: code }));
});
process.argv = [process.argv[0], cli, ...args];
await import(pathToFileURL(cli).href);
