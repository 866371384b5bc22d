#!/usr/bin/env node
/**
 * `npm run bench`: times the CLI on generated pairs (10 numerical + 10 categorical features,
 * ../shared/bench/gen_data.py --drift some) of 100k and 1M rows, and the Python baseline script
 * (../shared/bench/seed_baseline.py) on the same files when pandas/scipy are there; prints medians
 * per stage and the ratios; then the profile benchmarks (scripts/bench-profile.mjs) on the 1M-row pair.
 * Options: --sizes 100000,1000000  --reps 3  --no-baseline  --no-browser  --no-profile
 * --big-copies N (the 1M-row production rows N times against the saved reference profile); then the
 * windows benchmark (scripts/bench-windows.mjs: 365 daily windows of the 1M-row production; --no-windows skips it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DRIFT_SHARED ?? resolve(root, '../shared');
const python = process.env.PYTHON ?? '/usr/bin/python3';
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('sizes', '100000,1000000').split(',').map(Number);
const reps = Number(opt('reps', '3'));
const withBaseline = !args.includes('--no-baseline');
const withBrowser = !args.includes('--no-browser');

const fmt = (x) => (x == null ? '-' : `${x.toFixed(2)} s`);

function generate(rows) {
  const dir = join(root, '.bench', `gen_${rows}`);
  if (!existsSync(join(dir, 'production.csv'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${rows} rows into ${dir} ...`);
    const r = spawnSync(
      python,
      [join(shared, 'bench/gen_data.py'), '--rows', String(rows), '--num', '10', '--cat', '10', '--drift', 'some', '--out', dir],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error('gen_data.py failed (needs python3-pandas, python3-scipy)');
  }
  return dir;
}

function runCli(dir) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'bin/drift-monitor.js'),
      '-r',
      join(dir, 'reference.csv'),
      '-p',
      join(dir, 'production.csv'),
      '--label',
      'label',
      '--drop',
      'id,timestamp',
      '-o',
      join(dir, 'report.json'),
      '-q',
    ],
    { encoding: 'utf8', env: { ...process.env, DRIFT_MONITOR_TIMINGS: '1' } },
  );
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  const line = r.stderr
    .trim()
    .split('\n')
    .find((l) => l.startsWith('{'));
  const { timings, maxRssMb } = JSON.parse(line);
  return {
    wall,
    parse: timings.parse / 1000,
    detect: timings.detect / 1000,
    tests: timings.tests / 1000,
    rss: maxRssMb,
    verdict: r.stdout.trim(),
  };
}

function runBaseline(dir) {
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'MAXRSS %M',
      python,
      join(shared, 'bench/seed_baseline.py'),
      '--reference',
      join(dir, 'reference.csv'),
      '--production',
      join(dir, 'production.csv'),
      '--label',
      'label',
      '--drop',
      'id,timestamp',
      '--out',
      join(dir, 'baseline.json'),
    ],
    { encoding: 'utf8' },
  );
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) return null;
  const stage = (name) => Number((r.stderr.match(new RegExp(`\\] ${name}\\s+([\\d.]+) s`)) ?? [])[1]);
  const rss = Number((r.stderr.match(/MAXRSS (\d+)/) ?? [])[1]) / 1024;
  return { wall, parse: stage('parse'), detect: stage('detect'), tests: stage('tests \\(sum\\)'), rss };
}

function hasBaselineDeps() {
  return spawnSync(python, ['-c', 'import pandas, scipy, numpy'], { stdio: 'ignore' }).status === 0;
}

const results = [];
for (const rows of sizes) {
  const dir = generate(rows);
  const mb = (readFileSync(join(dir, 'reference.csv')).length + readFileSync(join(dir, 'production.csv')).length) / 1e6;
  const cli = Array.from({ length: reps }, () => runCli(dir));
  const base = withBaseline && hasBaselineDeps() ? Array.from({ length: Math.min(reps, 3) }, () => runBaseline(dir)).filter(Boolean) : [];
  const m = (xs, k) => (xs.length ? median(xs.map((x) => x[k])) : null);
  const row = {
    rows,
    mb,
    cli: {
      wall: m(cli, 'wall'),
      parse: m(cli, 'parse'),
      detect: m(cli, 'detect'),
      tests: m(cli, 'tests'),
      rss: Math.max(...cli.map((c) => c.rss)),
    },
    base: base.length
      ? {
          wall: m(base, 'wall'),
          parse: m(base, 'parse'),
          detect: m(base, 'detect'),
          tests: m(base, 'tests'),
          rss: Math.max(...base.map((b) => b.rss)),
        }
      : null,
    verdict: cli[0].verdict,
  };
  results.push(row);
  console.log(
    `\n== ${rows} rows (${mb.toFixed(0)} MB pair), median of ${reps} CLI runs${row.base ? `, ${base.length} baseline runs` : ''}`,
  );
  console.log(`verdict: ${row.verdict}`);
  console.log('stage      drift-monitor   baseline    ratio (baseline / ours)');
  for (const k of ['parse', 'detect', 'tests', 'wall']) {
    const a = row.cli[k];
    const b = row.base?.[k];
    console.log(`${k.padEnd(10)} ${fmt(a).padStart(13)}   ${fmt(b).padStart(9)}    ${b ? `${(b / a).toFixed(1)}x` : '-'}`);
  }
  console.log(
    `peak RSS   ${`${row.cli.rss.toFixed(0)} MB`.padStart(13)}   ${row.base ? `${row.base.rss.toFixed(0)} MB`.padStart(9) : '        -'}`,
  );
}

if (!args.includes('--no-profile') && sizes.includes(1000000)) {
  spawnSync(
    process.execPath,
    [
      join(root, 'scripts/bench-profile.mjs'),
      '--dir',
      join(root, '.bench', 'gen_1000000'),
      '--reps',
      String(reps),
      '--big-copies',
      opt('big-copies', '0'),
    ],
    { stdio: 'inherit' },
  );
}

if (!args.includes('--no-windows') && sizes.includes(1000000)) {
  spawnSync(
    process.execPath,
    [join(root, 'scripts/bench-windows.mjs'), '--dir', join(root, '.bench', 'gen_1000000'), '--reps', String(reps)],
    {
      stdio: 'inherit',
    },
  );
}

/** The logistic model for the scoring benchmark: made once by scripts/make_bench_model.py. */
function benchModel() {
  const path = join(root, '.bench', 'logistic_1m.onnx');
  if (!existsSync(path) && sizes.includes(1000000)) {
    const r = spawnSync(python, [join(root, 'scripts/make_bench_model.py')], { stdio: 'inherit' });
    if (r.status !== 0) console.log('(scoring benchmark skipped: make_bench_model.py needs pandas, scikit-learn and onnx)');
  }
  return existsSync(path) ? path : null;
}

if (withBrowser) {
  const { benchBrowser } = await import('./bench-browser.mjs');
  // --model FILE times scoring with that model; by default the logistic model on the 1M-row pair.
  const model = opt('model', null) ?? (args.includes('--no-model') ? null : benchModel());
  await benchBrowser(
    sizes.map((rows) => join(root, '.bench', `gen_${rows}`)),
    { reps, model: model && resolve(model) },
  );
  if (!args.includes('--no-retrain') && sizes.includes(100000)) {
    // Retraining in the browser vs scikit-learn's fit on the same rows.
    spawnSync(
      process.execPath,
      [join(root, 'scripts/bench-retrain-browser.mjs'), '--dir', join(root, '.bench', 'gen_100000'), '--reps', String(reps)],
      { stdio: 'inherit' },
    );
  }
}
