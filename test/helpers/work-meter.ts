// Counts the work a synchronous call does, deterministically, so linearity
// can be tested without timing anything.
//
// V8's precise block coverage (the inspector's Profiler domain, in this
// process) counts every execution of every JavaScript block — function
// bodies, loop bodies, branches — in charterc and in chevrotain alike. The
// count for an input is the same on every run and every machine, unlike a
// timing, which on a shared 2-core machine swings by 2–3× with the garbage
// collector and the neighbours. What it cannot see is work inside built-ins
// (the regex engine, Array.prototype methods); the token patterns are kept
// linear by construction (src/syntax/lexer.ts), and `npm run bench` times
// the same doublings, regex engine and collector included.
//
// Counting starts when this module is imported: V8 only counts blocks in
// functions compiled after that, so a test file that uses it must import it
// before anything runs the code under test (keep such tests in files of
// their own; coverage also slows everything in the file down).
import { Session } from "node:inspector";

interface Range { readonly count: number }
interface ScriptCoverage { readonly functions: readonly { readonly ranges: readonly Range[] }[] }

let session: Session | null = null;

function post<T>(method: string, params: object = {}): T {
  let result: T | undefined;
  let error: Error | null = null;
  let answered = false;
  session!.post(method, params, (e, r) => {
    error = e;
    result = r as T;
    answered = true;
  });
  // An in-process session answers synchronously; anything else is a
  // change in Node that this helper must not paper over.
  if (!answered) throw new Error(`inspector did not answer ${method} synchronously`);
  if (error) throw error;
  return result!;
}

function start(): void {
  session = new Session();
  session.connect();
  post("Profiler.enable");
  post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
}

start();

/** Stop counting (call from afterAll): coverage slows every later call down. */
export function stopWorkMeter(): void {
  if (!session) return;
  post("Profiler.stopPreciseCoverage");
  post("Profiler.disable");
  session.disconnect();
  session = null;
}

/** Block executions during `f()`. Counters are reset before and read after. */
export function work(f: () => unknown): number {
  if (!session) throw new Error("the work meter was stopped");
  post("Profiler.takePreciseCoverage"); // resets the counters
  f();
  const { result } = post<{ result: ScriptCoverage[] }>("Profiler.takePreciseCoverage");
  let n = 0;
  for (const script of result) for (const fn of script.functions) for (const r of fn.ranges) n += r.count;
  return n;
}

/**
 * work(make(2n)) / work(make(n)) for a function of the input. Runs `f` on
 * both inputs once first, so one-time set-up (building the parser,
 * compiling regexes) is not counted against the smaller input.
 */
export function doublingRatio<T>(make: (n: number) => T, f: (input: T) => unknown, n: number): { small: number; large: number; ratio: number } {
  const a = make(n);
  const b = make(2 * n);
  f(a);
  f(b);
  const small = work(() => f(a));
  const large = work(() => f(b));
  return { small, large, ratio: large / small };
}
