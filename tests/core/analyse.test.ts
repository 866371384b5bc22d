import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { decide } from '../../src/core/decide.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../src/kernels/index.ts';
import type { StatKernels } from '../../src/core/stattests/kernels.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const csv = (file: string, header: string[], rows: (string | number)[][]) =>
  parseCsv([header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n', { file, delimiter: 'auto', missingValues: MISSING });
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('analyse: PSI point masses', () => {
  it('a numerical column whose reference is one value gets a point-mass bin and a warning naming the column and value', async () => {
    // pdays-like: -1 on every reference row; production: -1 on 64% of the rows, day counts on the rest.
    const ref = await csv(
      'ref.csv',
      ['pdays', 'x'],
      range(500, (i) => [-1, (i * 1.37).toFixed(2)]),
    );
    const prod = await csv(
      'prod.csv',
      ['pdays', 'x'],
      range(500, (i) => [i < 320 ? -1 : 1 + ((i * 37) % 400), (i * 1.41).toFixed(2)]),
    );
    const config = defaultConfig();
    config.columns.numerical = ['pdays'];
    const a = analyse(ref, prod, config, k);
    const pdays = a.stats.find((s) => s.name === 'pdays')!;
    expect(pdays.psi!.point_masses).toEqual([-1]);
    expect(pdays.psi!.value).toBeGreaterThan(0.1);
    expect(a.warnings.filter((w) => w.includes('PSI gives'))).toEqual([
      'column "pdays": the value -1 (100.0% of the reference) holds more than 1/10 of the reference, so the reference deciles collapse there; PSI gives it its own bin [v, v]',
    ]);
    // x has distinct deciles: no point mass, no warning.
    expect(a.stats.find((s) => s.name === 'x')!.psi!.point_masses).toEqual([]);
  });
});

describe('analyse: a column all missing in one file', () => {
  it('is tested as a feature (no test run on the empty side, error says so) and flagged by missing share', async () => {
    const header = ['x', 'gone', 'color', 'never', 'level'];
    const ref = await csv(
      'ref.csv',
      header,
      range(200, (i) => [((i % 100) * 1.37).toFixed(2), (i * 0.91).toFixed(2), ['r', 'g'][i % 2], '', i % 3]),
    );
    const prod = await csv(
      'prod.csv',
      header,
      range(100, (i) => [(i * 1.37).toFixed(2), 'NA', '', 'NA', 'NA']),
    );
    const a = analyse(ref, prod, defaultConfig(), k);
    expect(a.stats.map((s) => s.name)).toEqual(['x', 'gone', 'color', 'level']);
    expect(a.skipped).toEqual([{ name: 'never', reason: 'all values missing in ref.csv and prod.csv' }]);
    const gone = a.stats.find((s) => s.name === 'gone')!;
    expect(gone).toMatchObject({
      type: 'numerical',
      n: { reference: 200, production: 0 },
      missing: { reference: 0, production: 1, reference_count: 0, production_count: 100 },
      ks: null,
      psi: null,
      drift_score: null,
    });
    expect(gone.error).toMatch(/^no non-missing values in the production file; no test can run/);
    for (const name of ['color', 'level']) {
      expect(a.stats.find((s) => s.name === name)).toMatchObject({
        type: 'categorical',
        chi2: null,
        psi: null,
        n: { reference: 200, production: 0 },
      });
    }
    expect(a.warnings).toContain(
      'column "gone": all values missing in prod.csv (not in ref.csv); no test can run, it is reported as drifted by its missing share',
    );
    // Default thresholds (missing_share_change: null): flagged anyway, and counted in the verdict.
    const d = decide(a.stats, defaultConfig().thresholds);
    expect(d.summary.drifted_features).toEqual(['gone', 'color', 'level']);
    expect(d.features.find((f) => f.name === 'gone')!.flagged_by).toEqual(['missing_share']);
  });
});

describe('analyse: nothing left to test', () => {
  it('warns when every column is skipped, dropped or the label, so "no drift" is not read as a result', async () => {
    const ref = await csv(
      'ref.csv',
      ['id', 'y'],
      range(50, (i) => [`r${i}`, i % 2]),
    );
    const prod = await csv(
      'prod.csv',
      ['id', 'y'],
      range(50, (i) => [`p${i}`, i % 2]),
    );
    const config = defaultConfig();
    config.data.label_column = 'y';
    const a = analyse(ref, prod, config, k);
    expect(a.stats).toEqual([]);
    expect(a.warnings).toContain(
      'no column was tested: every column is skipped, in columns.drop or the label, so the verdict says nothing about drift; check the delimiter, columns.drop and the reasons columns were skipped',
    );
    // With a feature tested there is no such warning.
    const ref2 = await csv(
      'ref.csv',
      ['x', 'y'],
      range(50, (i) => [i % 7, i % 2]),
    );
    expect(analyse(ref2, ref2, config, k).warnings.filter((w) => w.startsWith('no column was tested'))).toEqual([]);
  });
});
