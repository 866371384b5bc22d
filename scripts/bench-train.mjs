#!/usr/bin/env node
/**
 * Trainer benchmark: times trainChallenger (logistic regression, default options: reference +
 * 80 % of labelled production, seed 42) on a generated pair in Node, then scikit-learn's
 * LogisticRegression.fit on exactly the same preprocessed rows (/usr/bin/python3), and prints the
 * medians and the ratio.
 *   node scripts/bench-train.mjs [--dir .bench/gen_100000] [--reps 5]
 * The TypeScript entry is bundled with rolldown into .tmp/ first (Node 20 cannot run .ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const dir = resolve(root, opt('dir', '.bench/gen_100000'));
const reps = opt('reps', '5');
const out = join(root, '.tmp', 'bench-train');
mkdirSync(out, { recursive: true });
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
};
run('npx', ['rolldown', 'scripts/bench-train-entry.ts', '-o', join(out, 'entry.mjs'), '-p', 'node', '-f', 'esm', '-e', 'papaparse']);
run('node', [join(out, 'entry.mjs'), dir, out, reps]);
const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
const py = JSON.parse(run('/usr/bin/python3', [join(root, 'scripts', 'bench_train_sklearn.py'), out, reps]));
const ours = median(meta.runs.map((r) => r.totalMs));
console.log(`rows: ${JSON.stringify(meta.train)}, matrix columns ${meta.columns}, Newton iterations ${meta.runs[0].iterations}`);
console.log(
  `ours (Node ${process.version}): trainChallenger median ${ours.toFixed(0)} ms (preprocess ${median(meta.runs.map((r) => r.preprocessMs)).toFixed(0)} ms, fit ${median(meta.runs.map((r) => r.fitMs)).toFixed(0)} ms), ONNX export ${median(meta.runs.map((r) => r.exportMs)).toFixed(1)} ms; runs ${meta.runs.map((r) => r.totalMs.toFixed(0)).join(', ')}`,
);
for (const [name, r] of Object.entries(py.fits)) {
  console.log(
    `sklearn ${py.sklearn} ${name}: fit median ${(r.median_s * 1000).toFixed(0)} ms (n_iter ${r.n_iter}, max |coef - ours| ${r.max_abs_diff.toExponential(2)}); ratio ours/sklearn ${(ours / (r.median_s * 1000)).toFixed(2)}`,
  );
}
