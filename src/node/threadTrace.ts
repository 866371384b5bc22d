/**
 * DRIFT_MONITOR_THREAD_TRACE=1: a run (with windows or of two tables) prints its phases on stderr,
 * each thread with its own CPU time (Linux: /proc/thread-self/stat, user + system) next to the wall time since the process
 * started, to see which thread is on the critical path (scripts/thread-cpu.mjs gives the totals from
 * outside). Off: every call returns at once.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const on = !!process.env.DRIFT_MONITOR_THREAD_TRACE;
// Worker threads get a copy of the environment: the main thread's start time is theirs too.
if (on && isMainThread) process.env.DRIFT_MONITOR_THREAD_TRACE_T0 ??= String(performance.timeOrigin);
const t0 = Number(process.env.DRIFT_MONITOR_THREAD_TRACE_T0 ?? performance.timeOrigin);
let last = 0;

/** This thread's CPU time in ms (clock ticks of 10 ms); NaN where /proc is not there. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export function trace(phase: string): void {
  if (!on) return;
  const cpu = threadCpuMs();
  const wall = performance.timeOrigin + performance.now() - t0;
  const who = isMainThread ? 'main' : `worker ${threadId}`;
  process.stderr.write(`[${who}] ${wall.toFixed(0)} ms, cpu ${cpu} ms (+${cpu - last}): ${phase}\n`);
  last = cpu;
}
