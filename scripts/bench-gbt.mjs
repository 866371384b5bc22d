#!/usr/bin/env node
/**
 * Gradient-boosting trainer benchmark in Node: trainChallenger({ family: 'gradient_boosting' }) on a
 * generated pair (label `label`, id/timestamp dropped), one JSON line per repetition.
 *   node scripts/bench-gbt.mjs [--dir .bench/gen_100000] [--reps 3]
 * The TypeScript entry is bundled with rolldown into .tmp/ first (Node 20 cannot run .ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const out = join(root, '.tmp', 'bench-gbt');
mkdirSync(out, { recursive: true });
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stderr}`);
};
run('npx', ['rolldown', 'scripts/bench-gbt-entry.ts', '-o', join(out, 'entry.mjs'), '-p', 'node', '-f', 'esm', '-e', 'papaparse']);
console.log(`node ${process.version}`);
run('node', [join(out, 'entry.mjs'), resolve(root, opt('dir', '.bench/gen_100000')), opt('reps', '3')]);
