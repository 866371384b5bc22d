/**
 * One pass over a column for every window (windowColumnStats.ts) against the way it was done before
 * and is still done when that pass does not apply: each window's rows sliced into a table of their
 * own, profiled, and compared with the reference profile (profileFeatureStats). Every field of every
 * window's FeatureStats must be equal, numbers bit for bit: ties within and across windows, values on
 * reference values, between them and outside their range, missing and text cells, -0, a window with
 * one value, a window whose values are all missing, a window without rows, rows in no window, two
 * production files (one column with a dictionary in one file and only numbers in the other), and the
 * tests that read the samples; and the same with the numbers sorted once by the whole run's profile.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Config } from '../../../src/core/config/types.ts';
import type { FeatureStats } from '../../../src/core/report/types.ts';
import { profileFeatureStats } from '../../../src/core/profile/analyseProfiles.ts';
import { profileConfigOf, profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import type { ColumnPlan, ParsedTable } from '../../../src/core/table/types.ts';
import { testsOfRun } from '../../../src/core/stattests/testChoice.ts';
import { rowOffsets, sliceTables } from '../../../src/core/windows/sliceTables.ts';
import { windowColumnStats, windowIndex, type WindowIndex } from '../../../src/core/windows/windowColumnStats.ts';
import { sortTagged } from '../../../src/core/windows/sortTagged.ts';
import { keptNumbers } from '../../../src/core/profile/sortedNumbers.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const HEADER = 'x,n,c';
const PLANS: ColumnPlan[] = [
  { name: 'x', role: 'numerical', reason: 'test: numerical' },
  { name: 'n', role: 'numerical', reason: 'test: numerical' },
  { name: 'n', role: 'categorical', reason: 'test: categorical' },
  { name: 'c', role: 'categorical', reason: 'test: categorical' },
];

/** A row: x continuous-ish with ties (a coarse grid, some -0, some missing), n small integers, c text or numbers. */
function line(r: () => number, shift: number, textInC: boolean): string {
  const u = r();
  const x = u < 0.08 ? 'NA' : u < 0.1 ? '-0' : (Math.round((r() * 4 - 2 + shift) * 8) / 8).toString();
  const n = r() < 0.05 ? '' : String(Math.floor(r() * 6 + shift));
  const c = r() < 0.05 ? 'NA' : textInC && r() < 0.7 ? ['red', 'green', 'blue', 'Red '][Math.floor(r() * 4)] : String(Math.floor(r() * 3));
  return `${x},${n},${c}`;
}

async function table(lines: string[], file: string): Promise<ParsedTable> {
  return parseCsv([HEADER, ...lines].join('\n') + '\n', { file, delimiter: ',', missingValues: ['', 'NA'] });
}

/** Each window's stats as before: its rows sliced into a table, profiled, compared with the reference profile. */
function viaProfiles(
  reference: Profile,
  index: WindowIndex,
  windows: Int32Array[],
  plan: ColumnPlan,
  config: Config,
): (FeatureStats | null)[] {
  const ref = reference.columns.find((c) => c.name === plan.name)!;
  return windows.map((rows) => {
    if (rows.length === 0) return null;
    const t = sliceTables(index.tables, index.offsets, rows, [plan.name], 'window');
    const p = profileFromTable(t, { config: profileConfigOf(config) });
    return profileFeatureStats(plan, ref, p.columns[0], reference.rows, p.rows, config, testsOfRun(config));
  });
}

async function setup(seed: number, nWindows: number, rowsPerFile: number[], config: Config) {
  const r = rng(seed);
  const reference = await table(
    Array.from({ length: 3000 }, () => line(r, 0, true)),
    'ref.csv',
  );
  const productions = await Promise.all(
    rowsPerFile.map((rows, f) =>
      table(
        Array.from({ length: rows }, () => line(r, r() < 0.5 ? 0.5 : 0, f === 0)),
        `prod${f}.csv`,
      ),
    ),
  );
  const offsets = rowOffsets(productions);
  const total = offsets[productions.length];
  // Window nWindows - 2 gets exactly one row, nWindows - 1 none; about 10% of rows are in no window.
  const of = Int32Array.from({ length: total }, () => (r() < 0.1 ? -1 : Math.floor(r() * (nWindows - 2))));
  of[Math.floor(r() * total)] = nWindows - 2;
  const windows = Array.from({ length: nWindows }, (_, w) => Int32Array.from(of.keys()).filter((i) => of[i] === w));
  const index = windowIndex(
    productions,
    offsets,
    windows.map((rows) => ({ rows })),
  )!;
  const refProfile = profileFromTable(reference, { config: profileConfigOf(config) });
  return { refProfile, index, windows };
}

function expectSame(got: FeatureStats[] | null, want: (FeatureStats | null)[]): void {
  expect(got).not.toBeNull();
  let compared = 0;
  want.forEach((w, i) => {
    if (w === null) return;
    expect(got![i], `window ${i}`).toStrictEqual(w);
    compared++;
  });
  expect(compared).toBeGreaterThan(0);
}

describe('windowColumnStats', () => {
  it('equals each window profiled on its own, numerical and categorical, over two production files', async () => {
    const config = defaultConfig();
    for (const seed of [1, 2, 3]) {
      const { refProfile, index, windows } = await setup(seed, 9, [1500, 700], config);
      expect(index.windowRows[7]).toBe(1);
      expect(index.windowRows[8]).toBe(0);
      for (const plan of PLANS) {
        const got = windowColumnStats(
          plan,
          refProfile.columns.find((c) => c.name === plan.name)!,
          refProfile.rows,
          index,
          config,
          testsOfRun(config),
        );
        expectSame(got, viaProfiles(refProfile, index, windows, plan, config));
      }
    }
  });

  it('gives the tests that read the samples (Anderson-Darling, Wasserstein, Cramer-von Mises) the window and reference samples', async () => {
    const config = defaultConfig();
    config.tests.numerical = ['ks', 'psi', 'anderson', 'wasserstein', 'cvm'];
    config.tests.categorical = ['chi2', 'psi', 'hellinger', 'jensenshannon'];
    const { refProfile, index, windows } = await setup(7, 6, [2000], config);
    for (const plan of PLANS) {
      const got = windowColumnStats(
        plan,
        refProfile.columns.find((c) => c.name === plan.name)!,
        refProfile.rows,
        index,
        config,
        testsOfRun(config),
      );
      const want = viaProfiles(refProfile, index, windows, plan, config);
      expectSame(got, want);
      // A registered test's result is carried under its report key (not in FeatureStats' type).
      if (plan.role === 'numerical') expect((want.find((w) => w !== null) as unknown as Record<string, unknown>).wasserstein).toBeTruthy();
    }
  });

  it('a window whose values are all missing gets the empty-sample error, as alone', async () => {
    const config = defaultConfig();
    const reference = await table(['1,1,a', '2,2,b', '3,3,c'], 'ref.csv');
    const production = await table(['NA,1,a', 'NA,2,b', '2.5,2,b', '7,,'], 'prod.csv');
    const offsets = rowOffsets([production]);
    const windows = [Int32Array.of(0, 1), Int32Array.of(2, 3)];
    const index = windowIndex(
      [production],
      offsets,
      windows.map((rows) => ({ rows })),
    )!;
    const refProfile = profileFromTable(reference);
    for (const plan of PLANS) {
      const got = windowColumnStats(
        plan,
        refProfile.columns.find((c) => c.name === plan.name)!,
        refProfile.rows,
        index,
        config,
        testsOfRun(config),
      );
      expectSame(got, viaProfiles(refProfile, index, windows, plan, config));
    }
    const x = windowColumnStats(PLANS[0], refProfile.columns[0], refProfile.rows, index, config, testsOfRun(config))!;
    expect(x[0].error).toMatch(/no non-missing values in the production file/);
    // ref 1, 2, 3 against 2.5, 7: at 2, F_ref = 2/3 and F_window = 0.
    expect(x[1].drift_score).toBe(2 / 3);
  });

  it('counts many categories in many windows row by row, with the same results (categories x windows past 4M cells)', async () => {
    const config = defaultConfig();
    const r = rng(21);
    const cell = () => (r() < 0.03 ? 'NA' : r() < 0.1 ? String(Math.floor(r() * 5)) : `k${Math.floor(r() * 3000)}`);
    const reference = await table(
      Array.from({ length: 4000 }, () => `1,1,${cell()}`),
      'ref.csv',
    );
    const production = await table(
      Array.from({ length: 3000 }, () => `1,1,${cell()}`),
      'prod.csv',
    );
    // 1400 windows x 3000-odd categories: past the 4M cells (2995 categories) of one array per category.
    const nWindows = 1400;
    const windows: number[][] = Array.from({ length: nWindows }, () => []);
    for (let i = 0; i < production.rows; i++) if (r() > 0.05) windows[Math.floor(r() * nWindows)].push(i);
    const rows = windows.map((w) => Int32Array.from(w));
    const index = windowIndex(
      [production],
      rowOffsets([production]),
      rows.map((w) => ({ rows: w })),
    )!;
    const refProfile = profileFromTable(reference, { config: profileConfigOf(config) });
    const plan = PLANS[3];
    const got = windowColumnStats(plan, refProfile.columns[2], refProfile.rows, index, config, testsOfRun(config));
    expectSame(got, viaProfiles(refProfile, index, rows, plan, config));
  });

  it('leaves a sketched reference to the window profiles (null), and a row in two windows has no index', async () => {
    const config = defaultConfig();
    config.profile.max_exact_values = 10;
    const { refProfile, index } = await setup(5, 4, [500], config);
    const x = refProfile.columns.find((c) => c.name === 'x')!;
    expect(x.numbers.mode).toBe('sketch');
    expect(windowColumnStats(PLANS[0], x, refProfile.rows, index, config, testsOfRun(config))).toBeNull();
    expect(windowIndex(index.tables, index.offsets, [{ rows: Int32Array.of(0, 1) }, { rows: Int32Array.of(1, 2) }])).toBeNull();
  });
});

describe('sortTagged', () => {
  it('sorts like Float64Array.prototype.sort and keeps each tag with its value, equal values in input order', () => {
    const r = rng(11);
    for (const n of [0, 1, 2, 5, 600, 5000]) {
      const pool = [-0, 0, -1.5, 1.5, 3, -Infinity, Infinity, 1e-300, -1e300, 2 ** 53];
      // Pooled values (long runs of equal keys), values that share their high 32 bits (1e6 + a few millionths:
      // runs ordered by the low word), and spread values.
      const values = Float64Array.from({ length: n }, () => {
        const u = r();
        return u < 0.3 ? pool[Math.floor(r() * pool.length)] : u < 0.6 ? 1e6 + Math.floor(r() * 1000) * 1e-6 : (r() - 0.5) * 1e6;
      });
      const tags = Int32Array.from({ length: n }, (_, i) => i);
      const expected = [...values.keys()].sort((a, b) => {
        const x = values[a];
        const y = values[b];
        return x < y || (x === y && Object.is(x, -0) && !Object.is(y, -0))
          ? -1
          : x > y || (x === y && Object.is(y, -0) && !Object.is(x, -0))
            ? 1
            : a - b;
      });
      const v = values.slice();
      sortTagged(v, tags, new Float64Array(n), new Int32Array(n));
      expect(Array.from(tags)).toEqual(expected);
      expect(Array.from(v)).toEqual(expected.map((i) => values[i]));
      expect(v).toEqual(values.slice().sort());
    }
  });
});

describe('numbers sorted once by the whole run profile (keepSortedNumbers)', () => {
  /** Many distinct numbers (3 decimals: ties), some missing, some -0; an ascending id; a text column. */
  async function wide(seed: number, rows: number): Promise<ParsedTable> {
    const r = rng(seed);
    const lines = Array.from({ length: rows }, (_, i) => {
      const u = r();
      const x = u < 0.05 ? 'NA' : u < 0.07 ? '-0' : (Math.round((r() * 200 - 100) * 1000) / 1000).toString();
      return `${x},${i * 2 + 1},${['a', 'b'][Math.floor(r() * 2)]}`;
    });
    return parseCsv([HEADER, ...lines].join('\n') + '\n', { file: 'wide.csv', delimiter: ',', missingValues: ['', 'NA'] });
  }

  it('gives the same profile, keeps the sorted numbers with their rows, and the windows the same stats', async () => {
    const config = defaultConfig();
    const reference = profileFromTable(await wide(1, 5000), { config: profileConfigOf(config) });
    const production = await wide(2, 9000);
    const plain = profileFromTable(await wide(2, 9000), { config: profileConfigOf(config), createdAt: 'x' });
    const kept = profileFromTable(production, { config: profileConfigOf(config), createdAt: 'x', keepSortedNumbers: true });
    expect(kept).toStrictEqual(plain);
    const x = production.columns[0];
    const s = keptNumbers(x)!;
    expect(s).toBeDefined();
    expect(keptNumbers(production.columns[2])).toBeUndefined();
    const want = Array.from(numericValues(x))
      .filter((v) => v === v)
      .map((v) => (v === 0 ? 0 : v))
      .sort((a, b) => a - b);
    expect(Array.from(s.values)).toStrictEqual(want);
    expect(s.windowOf).toBeNull();
    s.tags.forEach((row, q) => expect(Object.is(x.values![row] === 0 ? 0 : x.values![row], s.values[q])).toBe(true));

    const r = rng(3);
    const of = Int32Array.from({ length: production.rows }, () => (r() < 0.1 ? -1 : Math.floor(r() * 7)));
    const windows = Array.from({ length: 7 }, (_, w) => Int32Array.from(of.keys()).filter((i) => of[i] === w));
    const index = windowIndex(
      [production],
      rowOffsets([production]),
      windows.map((rows) => ({ rows })),
    )!;
    const plan = PLANS[0];
    const got = windowColumnStats(plan, reference.columns[0], reference.rows, index, config, testsOfRun(config));
    expectSame(got, viaProfiles(reference, index, windows, plan, config));
  });

  it('keeps the window of each number as its tag when the window of each row is given, and the windows the same stats', async () => {
    const config = defaultConfig();
    const reference = profileFromTable(await wide(1, 5000), { config: profileConfigOf(config) });
    const production = await wide(2, 9000);
    const r = rng(5);
    const of = Int32Array.from({ length: production.rows }, () => (r() < 0.1 ? -1 : Math.floor(r() * 7)));
    const windows = Array.from({ length: 7 }, (_, w) => Int32Array.from(of.keys()).filter((i) => of[i] === w));
    const index = windowIndex(
      [production],
      rowOffsets([production]),
      windows.map((rows) => ({ rows })),
    )!;
    const plain = profileFromTable(await wide(2, 9000), { config: profileConfigOf(config), createdAt: 'x' });
    const kept = profileFromTable(production, {
      config: profileConfigOf(config),
      createdAt: 'x',
      keepSortedNumbers: true,
      windowOf: index.windowOf,
    });
    expect(kept).toStrictEqual(plain);
    const x = production.columns[0];
    const s = keptNumbers(x)!;
    expect(s.windowOf).toBe(index.windowOf);
    // The tags are the windows of the rows in sorted order: the same counts per (value, window) as the rows give.
    const pairs = (v: Float64Array, w: ArrayLike<number>) => Array.from(v, (value, q) => `${value}@${w[q]}`).sort();
    const rowsOf = Array.from(x.values!.keys()).filter((i) => x.values![i] === x.values![i]);
    const want = new Float64Array(rowsOf.map((i) => (x.values![i] === 0 ? 0 : x.values![i])));
    expect(pairs(s.values, s.tags)).toStrictEqual(
      pairs(
        want,
        rowsOf.map((i) => of[i]),
      ),
    );
    expect(s.tags.some((w) => w === -1)).toBe(true);
    const plan = PLANS[0];
    const got = windowColumnStats(plan, reference.columns[0], reference.rows, index, config, testsOfRun(config));
    expectSame(got, viaProfiles(reference, index, windows, plan, config));
    // Another window index (not the one the tags came from): the numbers are sorted again, the same stats.
    const other = windowIndex(
      [production],
      rowOffsets([production]),
      windows.map((rows) => ({ rows })),
    )!;
    expectSame(
      windowColumnStats(plan, reference.columns[0], reference.rows, other, config, testsOfRun(config)),
      viaProfiles(reference, other, windows, plan, config),
    );
  });

  it('keeps nothing past profile.max_exact_values numbers, for a column with text, or without the option', async () => {
    const config = defaultConfig();
    const t = await wide(4, 6000);
    profileFromTable(t, { config: profileConfigOf(config) });
    expect(keptNumbers(t.columns[0])).toBeUndefined();
    config.profile.max_exact_values = 1000;
    const small = await wide(4, 6000);
    const p = profileFromTable(small, { config: profileConfigOf(config), keepSortedNumbers: true });
    expect(keptNumbers(small.columns[0])).toBeUndefined();
    expect(p.columns[0].numbers.mode).toBe('sketch');
  });
});
