#!/usr/bin/env node
/**
 * Cuts the real-data test fixtures (tests/fixtures/real/) from the public datasets in ../shared/datasets
 * (or $DRIFT_DATASETS). The tests read only the committed fixtures; this script is how they were made.
 *
 *   node scripts/real-pairs.mjs                 writes tests/fixtures/real/<name>/{reference,production}.csv
 *                                               and tests/fixtures/real/pairs.json
 *   node scripts/real-pairs.mjs OUT_DIR         the same under OUT_DIR (e.g. to compare with the committed ones)
 *
 * Every pair is a pure function of the dataset file: a split by time or by the published train/test
 * files, so the drift in it is real, not injected. To keep the repository small the larger files are
 * thinned by keeping every k-th row (in file order, so a time split stays a time split).
 * Then regenerate the oracle: /usr/bin/python3 scripts/make_real_expectations.py > tests/fixtures/real_expectations.json
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, '../tests/fixtures');
const DATASETS = process.env.DRIFT_DATASETS ?? resolve(here, '../../shared/datasets');

const ADULT_HEADER =
  'age,workclass,fnlwgt,education,education_num,marital_status,occupation,relationship,race,sex,capital_gain,capital_loss,hours_per_week,native_country,income';

function lines(path) {
  const file = join(DATASETS, path);
  if (!existsSync(file)) {
    console.error(`error: ${file} not found; set DRIFT_DATASETS to the folder holding adult/, bank/, elec2/ and bike/`);
    process.exit(2);
  }
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

/** Rows 0, k, 2k, ... (file order kept). */
const everyKth = (rows, k) => rows.filter((_, i) => i % k === 0);

/** adult: the published train file vs the published test file (income is the label); every 8th row of each. */
function adult() {
  const clean = (l) =>
    l
      .split(',')
      .map((c) => c.trim())
      .map((c) => (c === '?' ? '' : c.replace(/\.$/, '')))
      .join(',');
  const train = everyKth(lines('adult/adult.data'), 8).map(clean);
  const test = everyKth(
    lines('adult/adult.test').filter((l) => !l.startsWith('|')),
    8,
  ).map(clean);
  return { label: 'income', drop: [], reference: [ADULT_HEADER, ...train], production: [ADULT_HEADER, ...test] };
}

/** bank: bank-full.csv (';'-separated, quoted) is in time order: every 6th row, first half vs second half. */
function bank() {
  const [header, ...all] = lines('bank/bank-full.csv');
  const rows = everyKth(all, 6);
  const half = Math.floor(rows.length / 2);
  return { label: 'y', drop: [], reference: [header, ...rows.slice(0, half)], production: [header, ...rows.slice(half)] };
}

/**
 * electricity (elec2): in time order; every 2nd half-hour, the first 30000 half-hours (15000 rows) vs the
 * rest. 15000 reference rows keep KS on scipy's asymptotic path (max(n) > 10000), the other pairs use the exact one.
 */
function electricity() {
  const [header, ...all] = lines('elec2/electricity.csv');
  const rows = everyKth(all, 2);
  return { label: 'target', drop: [], reference: [header, ...rows.slice(0, 15000)], production: [header, ...rows.slice(15000)] };
}

/** bike (daily, whole file): 2011 vs 2012. instant is a row id, dteday a date: both skipped by the type rules. */
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

export const PAIRS = { adult, bank, electricity, bike };

/**
 * generated: a 4000-row pair from ../shared/bench/gen_data.py --rows 4000 --num 10 --cat 10 --drift some
 * (seed 42), already committed in tests/fixtures/generated (injected drift: see its truth.json). Its id
 * and timestamp columns are left in: our type rules must skip them.
 */
const GENERATED = { label: 'label', drop: [], dir: 'generated' };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(FIXTURES, 'real'));
  const index = {};
  for (const [name, make] of Object.entries(PAIRS)) {
    const pair = make();
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'reference.csv'), pair.reference.join('\n') + '\n');
    writeFileSync(join(dir, 'production.csv'), pair.production.join('\n') + '\n');
    index[name] = { label: pair.label, drop: pair.drop, dir: relative(FIXTURES, dir) };
    console.log(
      `${name}: ${pair.reference.length - 1} + ${pair.production.length - 1} rows -> ${dir} label=${pair.label ?? '-'} drop=${pair.drop.join(',') || '-'}`,
    );
  }
  index.generated = GENERATED;
  writeFileSync(join(outDir, 'pairs.json'), JSON.stringify(index, null, 1) + '\n');
}
