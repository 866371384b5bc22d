#!/usr/bin/env node
/**
 * Per-thread CPU time of a command (Linux): runs it as a child and samples /proc/PID/task/TID/stat
 * every few milliseconds from this process, so the child's threads are seen without running anything
 * inside it. Prints, per thread that used CPU: its name, CPU seconds (user + system), and when it was
 * busy (first and last sample with CPU added, from the start); with --timeline, its CPU per 100 ms.
 * A thread's CPU after its last sample is lost (sampling every --every ms, default 5).
 *   node scripts/thread-cpu.mjs [--every 5] [--timeline] -- node bin/drift-monitor.js ...
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
if (dash < 0 || dash === args.length - 1) {
  console.error('usage: node scripts/thread-cpu.mjs [--every 5] [--timeline] -- COMMAND ARGS...');
  process.exit(2);
}
const own = args.slice(0, dash);
const every = Number(own.includes('--every') ? own[own.indexOf('--every') + 1] : 5);
const timeline = own.includes('--timeline');
const [cmd, ...cmdArgs] = args.slice(dash + 1);
const TICK = 0.01; // USER_HZ 100
const BUCKET = 100; // ms

const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const t0 = performance.now();
const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
/** tid -> { name, cpu (s), first, last (ms), buckets } */
const threads = new Map();
function sample() {
  const now = performance.now() - t0;
  let tids;
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    let f;
    try {
      f = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const name = f.slice(f.indexOf('(') + 1, f.lastIndexOf(')'));
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(rest[11]) + Number(rest[12])) * TICK;
    let t = threads.get(tid);
    if (t === undefined) threads.set(tid, (t = { name, cpu: 0, first: null, last: null, buckets: [] }));
    t.name = name;
    if (cpu > t.cpu) {
      const b = Math.floor(now / BUCKET);
      t.buckets[b] = (t.buckets[b] ?? 0) + (cpu - t.cpu);
      t.first ??= now;
      t.last = now;
      t.cpu = cpu;
    }
  }
}
const timer = setInterval(sample, every);
const code = await new Promise((res) => child.on('exit', (c) => res(c)));
clearInterval(timer);
const wall = (performance.now() - t0) / 1000;
const rows = [...threads].filter(([, t]) => t.cpu >= 0.02);
const total = [...threads.values()].reduce((s, t) => s + t.cpu, 0);
console.log(`exit ${code}, wall ${wall.toFixed(2)} s, sampled CPU ${total.toFixed(2)} s, load average at start ${load}`);
for (const [tid, t] of rows) {
  const main = tid === String(child.pid) ? ' (main)' : '';
  console.log(
    `  ${tid}${main} ${t.name.padEnd(16)} ${t.cpu.toFixed(2)} s  busy ${(t.first / 1000).toFixed(2)}-${(t.last / 1000).toFixed(2)} s`,
  );
  if (timeline) {
    const cells = Array.from({ length: t.buckets.length }, (_, i) => Math.round(((t.buckets[i] ?? 0) / (BUCKET / 1000)) * 9));
    console.log(`    ${cells.map((c) => (c <= 0 ? '.' : String(Math.min(9, c)))).join('')}`);
  }
}
