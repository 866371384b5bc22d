#!/usr/bin/env node
/**
 * Builds reference/production pairs from the real public datasets in ../shared/datasets, for the
 * end-to-end tests (CLI and dashboard) and for the oracle expectations made by
 * scripts/make_real_expectations.sh with the Python seed baseline.
 *
 *   node scripts/real-pairs.mjs OUT_DIR       writes OUT_DIR/<name>/{reference,production}.csv
 *
 * Every pair is a pure function of the dataset file: a split by time or by the published train/test
 * files, so the drift in it is real, not injected.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DATASETS = process.env.DRIFT_DATASETS ?? resolve(here, '../../shared/datasets');

const ADULT_HEADER = 'age,workclass,fnlwgt,education,education_num,marital_status,occupation,relationship,race,sex,capital_gain,capital_loss,hours_per_week,native_country,income';

function lines(path) {
  return readFileSync(join(DATASETS, path), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** adult: the published train file vs the published test file (income is the label). */
function adult() {
  const clean = (l) => l.split(',').map((c) => c.trim()).map((c) => (c === '?' ? '' : c.replace(/\.$/, ''))).join(',');
  const train = lines('adult/adult.data').map(clean);
  const test = lines('adult/adult.test').filter((l) => !l.startsWith('|')).map(clean);
  return { label: 'income', drop: [], reference: [ADULT_HEADER, ...train], production: [ADULT_HEADER, ...test] };
}

/** bank: bank-full.csv (';'-separated, quoted) is in time order: first half vs second half. */
function bank() {
  const [header, ...rows] = lines('bank/bank-full.csv');
  const half = Math.floor(rows.length / 2);
  return { label: 'y', drop: [], reference: [header, ...rows.slice(0, half)], production: [header, ...rows.slice(half)] };
}

/** electricity (elec2): in time order; the first 30000 half-hours vs the rest. */
function electricity() {
  const [header, ...rows] = lines('elec2/electricity.csv');
  return { label: 'target', drop: [], reference: [header, ...rows.slice(0, 30000)], production: [header, ...rows.slice(30000)] };
}

/** bike (daily): 2011 vs 2012. instant is a row id, dteday a date: both skipped by the type rules. */
function bike() {
  const [header, ...rows] = lines('bike/day.csv');
  const yr = header.split(',').indexOf('yr');
  return {
    label: null,
    drop: ['yr'],
    reference: [header, ...rows.filter((r) => r.split(',')[yr] === '0')],
    production: [header, ...rows.filter((r) => r.split(',')[yr] === '1')],
  };
}

/**
 * generated: a 4000-row pair from ../shared/bench/gen_data.py --rows 4000 --num 10 --cat 10 --drift some
 * (seed 42), committed in tests/fixtures/generated (injected drift: see its truth.json). Its id and
 * timestamp columns are left in: our type rules must skip them.
 */
function generated() {
  const read = (f) => readFileSync(join(here, '../tests/fixtures/generated', f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return { label: 'label', drop: [], reference: read('reference.csv'), production: read('production.csv') };
}

export const PAIRS = { adult, bank, electricity, bike, generated };

/** Write one pair; returns its paths, label and drop list. */
export function writePair(name, outDir) {
  const pair = PAIRS[name]();
  const dir = join(outDir, name);
  mkdirSync(dir, { recursive: true });
  const reference = join(dir, 'reference.csv');
  const production = join(dir, 'production.csv');
  writeFileSync(reference, pair.reference.join('\n') + '\n');
  writeFileSync(production, pair.production.join('\n') + '\n');
  return { name, reference, production, label: pair.label, drop: pair.drop };
}

export function datasetsAvailable() {
  return existsSync(join(DATASETS, 'bank/bank-full.csv'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? '.tmp/real';
  for (const name of Object.keys(PAIRS)) {
    const p = writePair(name, out);
    console.log(`${p.name}: ${p.reference} ${p.production} label=${p.label ?? '-'} drop=${p.drop.join(',') || '-'}`);
  }
}
