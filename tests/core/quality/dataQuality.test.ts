/**
 * The data-quality section on two hand-made files whose figures are counted by hand
 * (tests/fixtures/quality): 10 rows each, columns.max_categorical_unique 3.
 * - plan: reference 1,2,3 (categorical alone), production 1..5 (numerical alone): a type change;
 *   over both files numerical, with 4 production values above the reference's max 3 (0.4).
 * - region: production d, d, e unseen in the reference (3 of 10).
 * - amount: reference [10, 90]; production 5, 5 below and 150, 200 above (4 of 10).
 * - country: FR only in the reference (constant there), DE once in production (unseen, 1 of 10).
 * - channel: web only in production (constant there).
 * - duplicate rows: reference row 10 = row 1, production row 6 = row 1 (1 of 10 each).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import { PROFILE_DUPLICATES_NOTE } from '../../../src/core/quality/dataQuality.ts';
import { rowDuplicates } from '../../../src/core/quality/rowDuplicates.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { profileOf } from '../profile/profileOf.ts';

const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' };
const text = (name: string) => readFileSync(new URL(`../../fixtures/quality/${name}`, import.meta.url), 'utf8');
const read = (name: string, csv = text(name)) => parseCsv(csv, { file: name, delimiter: 'auto', missingValues: [''] });

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

function config(thresholds: Partial<Config['thresholds']> = {}): Config {
  const c = defaultConfig();
  c.columns.max_categorical_unique = 3;
  Object.assign(c.thresholds, thresholds);
  return c;
}

async function tableReport(c = config()) {
  return buildReport(analyse(await read('reference.csv'), await read('production.csv'), c, k), c, meta);
}

describe('data quality on hand-made files', () => {
  it('counts type changes, unseen categories, out-of-range values, constant columns and duplicate rows', async () => {
    const q = (await tableReport()).data_quality!;
    expect(q.type_changes).toEqual([
      {
        name: 'plan',
        reference: 'categorical',
        production: 'numerical',
        reference_reason: expect.stringContaining('3 distinct'),
        production_reason: expect.stringContaining('5 distinct'),
      },
    ]);
    expect(q.unseen_categories).toEqual([
      { name: 'region', count: 3, production_values: 10, share: 0.3, categories: ['d', 'e'], drifted: false },
      { name: 'country', count: 1, production_values: 10, share: 0.1, categories: ['DE'], drifted: false },
      { name: 'channel', count: 0, production_values: 10, share: 0, categories: [], drifted: false },
    ]);
    expect(q.unseen_overall_share).toBeCloseTo(4 / 30, 15);
    expect(q.out_of_range).toEqual([
      {
        name: 'plan',
        reference_min: 1,
        reference_max: 3,
        below: 0,
        above: 4,
        production_values: 10,
        share: 0.4,
        approximate: false,
        drifted: false,
      },
      {
        name: 'amount',
        reference_min: 10,
        reference_max: 90,
        below: 2,
        above: 2,
        production_values: 10,
        share: 0.4,
        approximate: false,
        drifted: false,
      },
    ]);
    expect(q.constant_columns).toEqual([
      { name: 'country', reference: true, production: false },
      { name: 'channel', reference: false, production: true },
    ]);
    expect(q.duplicates).toEqual({
      reference: { rows: 10, duplicates: 1, share: 0.1 },
      production: { rows: 10, duplicates: 1, share: 0.1 },
      ignored_columns: [],
      note: null,
      drifted: false,
    });
  });

  it('default thresholds (null) report the figures but leave the verdict alone', async () => {
    const r = await tableReport();
    const rules = r.summary.reasons.map((x) => x.rule);
    expect(rules).not.toContain('unseen_share');
    expect(rules).not.toContain('out_of_range_share');
    expect(rules).not.toContain('duplicate_share');
  });

  it('a threshold joins the verdict, strictly above it', async () => {
    const r = await tableReport(config({ unseen_share: 0.25, out_of_range_share: 0.4, duplicate_share: 0.05 }));
    const q = r.data_quality!;
    expect(q.unseen_categories.map((u) => u.drifted)).toEqual([true, false, false]);
    // 0.4 is not above 0.4.
    expect(q.out_of_range.map((o) => o.drifted)).toEqual([false, false]);
    expect(q.duplicates.drifted).toBe(true);
    expect(r.summary.overall_drift).toBe(true);
    const reasons = Object.fromEntries(r.summary.reasons.map((x) => [x.rule, x.message]));
    expect(reasons.unseen_share).toBe('production values in categories unseen in the reference above 25% on region (30%)');
    expect(reasons.out_of_range_share).toBeUndefined();
    expect(reasons.duplicate_share).toBe('10% of production rows are duplicates (1 of 10), more than 5%');
    const lower = (await tableReport(config({ out_of_range_share: 0.39 }))).summary.reasons;
    expect(lower.find((x) => x.rule === 'out_of_range_share')?.message).toBe(
      "production values outside the reference's range above 39% on plan (40%), amount (40%)",
    );
  });

  it('from profiles: the same figures, duplicates not available', async () => {
    const c = config();
    const fromTables = (await tableReport(c)).data_quality!;
    const p = buildReport(
      analyseProfiles(profileOf(await read('reference.csv')), profileOf(await read('production.csv')), c),
      c,
      meta,
    ).data_quality!;
    expect({ ...p, duplicates: null }).toEqual({ ...fromTables, duplicates: null });
    expect(p.duplicates).toEqual({ reference: null, production: null, ignored_columns: [], note: PROFILE_DUPLICATES_NOTE, drifted: false });
  });

  it('a sketched production profile keeps the reference range exact and marks its counts approximate', async () => {
    const c = config();
    // A sketch has no distinct counts: plan (5 distinct numbers) must be typed by override.
    c.columns.numerical = ['plan'];
    const p = buildReport(
      analyseProfiles(profileOf(await read('reference.csv')), profileOf(await read('production.csv'), 2), c),
      c,
      meta,
    ).data_quality!;
    const amount = p.out_of_range.find((o) => o.name === 'amount')!;
    expect(amount).toMatchObject({ reference_min: 10, reference_max: 90, approximate: true, production_values: 10 });
    // A sketch of 10 values retains them all: the estimate is the count.
    expect(amount.below + amount.above).toBe(4);
  });
});

describe('rowDuplicates', () => {
  it('tells rows apart by every column: text, numbers, missing cells, 0 and -0 alike', async () => {
    const t = await read('t.csv', 'a,b,c\nx,1,\nx,1,\nx,2,\ny,1,\nx,1,0\nx,-0,\nx,0,\n');
    // Row 2 = row 1; row 7 (x,0,) = row 6 (x,-0,); the rest differ in one cell.
    expect(rowDuplicates(t)).toEqual({ rows: 7, duplicates: 2, share: 2 / 7, ignored: [] });
  });

  it('counts the rows equal to an earlier one on random tables of every kind of column', async () => {
    // Seeded (mulberry32), so a failure repeats.
    let seed = 7;
    const next = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    // Columns of every kind rowDuplicates tells apart: coded text (3 to 700 labels), small integers
    // (0/-0, missing), large integers, decimals, text mixed with numbers.
    const kinds: (() => string)[] = [
      () => pick(['a', 'b', 'c', '']),
      () => `t${Math.floor(next() * 700)}`,
      () => `u${Math.floor(next() * 300)}`,
      () => pick(['0', '-0', '1', '2', '']),
      () => String(Math.floor(next() * 3)),
      () => pick(['40000', '70000', '']),
      () => pick(['1.5', '2.25', '-3', '']),
      () => pick(['x', '1', '2', '']),
      () => `v${Math.floor(next() * 20)}`,
      () => `w${Math.floor(next() * 20)}`,
    ];
    for (let round = 0; round < 6; round++) {
      const columns = kinds.filter(() => next() < 0.8);
      const rows = Array.from({ length: 400 }, () => columns.map((f) => f()));
      // Copies of earlier rows, some with one cell changed (no longer equal unless it changed to the same).
      for (let i = 0; i < 150; i++) {
        const copy = [...pick(rows)];
        if (next() < 0.3) {
          const c = Math.floor(next() * columns.length);
          copy[c] = columns[c]();
        }
        rows.splice(Math.floor(next() * rows.length), 0, copy);
      }
      const csv = `${columns.map((_, i) => `c${i}`).join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
      const t = await read('t.csv', csv);
      // The exact count over the parsed cells: codes, or values with NaN as one and -0 as 0.
      const key = (r: number) =>
        t.columns
          .map((c) => (c.codes !== null ? `c${c.codes[r]}` : c.values![r] !== c.values![r] ? 'nan' : `v${c.values![r] + 0}`))
          .join('|');
      const distinct = new Set(Array.from({ length: t.rows }, (_, r) => key(r))).size;
      expect(t.rows).toBe(rows.length);
      expect(rowDuplicates(t).duplicates).toBe(t.rows - distinct);
    }
  });
});
