#!/usr/bin/env node
/**
 * Windows benchmark (run by `npm run bench`, or alone): the 1M-row production file of .bench/gen_1000000
 * with its timestamps spread over a year (row i on day floor(i * 365 / rows) of 2024, the time of day
 * kept; written once to production_365d.csv), split into 365 daily windows and compared with the saved
 * 1M-row reference profile (reference.profile, made by `drift-monitor profile` when missing):
 *   drift-monitor -r reference.profile -p production_365d.csv --window-column timestamp --window-every day
 * Prints the median wall time and peak RSS of --reps runs.
 * Options: --dir .bench/gen_1000000  --reps 3  --out DIR (where the report goes; default --dir)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const dir = resolve(opt('dir', join(root, '.bench', 'gen_1000000')));
const reps = Number(opt('reps', '3'));
const outDir = resolve(opt('out', dir));
const cli = join(root, 'bin/drift-monitor.js');
const DAY = 86_400_000;

/** production.csv with the timestamp column (2nd) moved onto 365 days of 2024, in row order. */
async function yearOfDays() {
  const out = join(dir, 'production_365d.csv');
  if (existsSync(out)) return out;
  const source = join(dir, 'production.csv');
  const rows = Number(spawnSync('wc', ['-l', source], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]) - 1;
  console.log(`writing ${out} (${rows} rows over 365 days) ...`);
  const w = createWriteStream(out);
  const write = (s) => new Promise((res) => (w.write(s) ? res() : w.once('drain', res)));
  let i = -1;
  for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
    if (i < 0) {
      if (line.split(',')[1] !== 'timestamp') throw new Error(`${source}: the second column is not "timestamp"`);
      await write(line + '\n');
    } else {
      const cells = line.split(',');
      const day = Math.floor((i * 365) / rows);
      const time = cells[1].slice(10); // "T12:34:56"
      cells[1] = new Date(Date.UTC(2024, 0, 1) + day * DAY).toISOString().slice(0, 10) + time;
      await write(cells.join(',') + '\n');
    }
    i++;
  }
  await new Promise((res) => w.end(res));
  return out;
}

function timed(cliArgs) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', process.execPath, cli, ...cliArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`drift-monitor ${cliArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rss = Number((r.stderr.match(/MAXRSS (\d+)/) ?? [])[1]) / 1024;
  // User + system CPU of all threads (the run uses a second core: wall alone hides what the machine's other load took).
  const cpuMatch = r.stderr.match(/CPU ([\d.]+) ([\d.]+)/);
  const cpu = cpuMatch ? Number(cpuMatch[1]) + Number(cpuMatch[2]) : NaN;
  const timings = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l).timings)[0];
  return { wall, cpu, rss, stdout: r.stdout.trim(), timings };
}

const profile = join(dir, 'reference.profile');
if (!existsSync(profile)) {
  const r = spawnSync(
    process.execPath,
    [cli, 'profile', join(dir, 'reference.csv'), '--label', 'label', '--drop', 'id,timestamp', '-o', profile],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('drift-monitor profile failed');
}
const production = await yearOfDays();
const runArgs = [
  '-r',
  profile,
  '-p',
  production,
  '--label',
  'label',
  '--drop',
  'id,timestamp',
  '--window-column',
  'timestamp',
  '--window-every',
  'day',
  '-o',
  join(outDir, 'report_windows.json'),
  '-q',
];
process.env.DRIFT_MONITOR_TIMINGS = '1';
const runs = Array.from({ length: reps }, () => timed(runArgs));
const stage = (k) => median(runs.map((r) => r.timings?.[k] ?? NaN)) / 1000;
console.log(`\n== windows: 1M production rows, 365 daily windows, against the 1M-row reference profile (median of ${reps})`);
console.log(`verdict: ${runs[0].stdout}`);
console.log(
  `wall ${median(runs.map((r) => r.wall)).toFixed(2)} s, CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(
      ' ',
    )} (parse ${stage('parse').toFixed(2)} s, whole run ${(stage('detect') + stage('tests')).toFixed(2)} s, windows ${stage('windows').toFixed(2)} s), peak RSS ${Math.max(...runs.map((r) => r.rss)).toFixed(0)} MB`,
);
