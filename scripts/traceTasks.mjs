/**
 * The main-thread analysis shared by scripts/trace-browser.mjs and scripts/trace-windows-ui.mjs: from a
 * Chromium trace (events) and a V8 CPU profile taken together, prints the tasks of each phase (between
 * two console.timeStamp marks) and, for every long task, the functions that took its time.
 *   printPhases({ events, profile, minTask, inclusive, from: 'dm-click', to: 'dm-results', phases: ['run', 'render'], header })
 * `from` starts the first phase, `to` the second; tasks before `from` are listed only when `listBefore`.
 */
export function printPhases({ events, profile, minTask, inclusive, from, to, phases, header, listBefore = true }) {
  // The page's main thread: the renderer thread named CrRendererMain that ran the most tasks.
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = (pid, tid) => events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X');
  let main = names[0];
  for (const n of names) if (tasks(n.pid, n.tid).length > tasks(main.pid, main.tid).length) main = n;
  const mark = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts ?? NaN;
  const fromAt = mark(from);
  const toAt = mark(to);
  const all = tasks(main.pid, main.tid);
  const long = all.filter((e) => e.dur >= minTask * 1000 && (listBefore || e.ts >= fromAt));

  // Self time per function in a window (or, with `inclusive`, time with the function on the stack),
  // from the CPU profile's samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sampleTimes = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) sampleTimes.push((t += d));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const hot = (start, end) => {
    const self = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      if (sampleTimes[i] < start || sampleTimes[i] > end) continue;
      const dt = (sampleTimes[i + 1] ?? sampleTimes[i]) - sampleTimes[i];
      const keys = new Set();
      for (let id = profile.samples[i]; id !== undefined; id = inclusive ? parent.get(id) : undefined) keys.add(keyOf(byId.get(id)));
      for (const key of keys) self.set(key, (self.get(key) ?? 0) + dt);
    }
    return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, inclusive ? 40 : 8);
  };
  console.log(header({ fromAt, toAt, long }));
  // Wall time depends on what else runs on the machine; thread time (tdur, CPU time of the main thread
  // inside the task) does much less: the longest of each, per phase.
  const phaseOf = (e) => (e.ts < fromAt ? 'before' : e.ts < toAt ? phases[0] : phases[1]);
  for (const phase of phases) {
    const inPhase = all.filter((e) => phaseOf(e) === phase);
    const wall = Math.max(0, ...inPhase.map((e) => e.dur / 1000));
    const cpu = Math.max(0, ...inPhase.map((e) => (e.tdur ?? NaN) / 1000).filter((x) => x === x));
    console.log(`longest ${phase} task: ${wall.toFixed(0)} ms wall, longest by main-thread CPU time ${cpu.toFixed(0)} ms`);
  }
  for (const e of long) {
    const at = (e.ts - fromAt) / 1000;
    console.log(
      `\n${phaseOf(e)} task ${(e.dur / 1000).toFixed(0)} ms (CPU ${((e.tdur ?? NaN) / 1000).toFixed(0)} ms) at +${at.toFixed(0)} ms`,
    );
    for (const [k, us] of hot(e.ts, e.ts + e.dur)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  }
}
