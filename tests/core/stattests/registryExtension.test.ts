/**
 * A test registered at run time flows everywhere the built-in ones do: analyse runs it, decide flags
 * with it, and the report JSON, the scores CSV, the CLI summary, the dashboard's tables and threshold
 * fields show it; no file but this one knows about it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { decide } from '../../../src/core/decide.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Thresholds } from '../../../src/core/config/types.ts';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import { scoresCsv } from '../../../src/core/report/scoresCsv.ts';
import { entry, type DriftTest, type StatRegistry } from '../../../src/core/stattests/driftTest.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { STAT_TESTS } from '../../../src/core/stattests/registry.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { formatSummary } from '../../../src/cli/printSummary.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { testTables } from '../../../src/ui/format/testTables.ts';
import { thresholdFields } from '../../../src/ui/state/thresholdFields.ts';

/** Wasserstein-1 distance = integral of |F_ref - F_prod| over x (the area between the two ECDFs). */
function wasserstein1(a: Float64Array, b: Float64Array): number {
  const x = Array.from(a)
    .filter(Number.isFinite)
    .sort((p, q) => p - q);
  const y = Array.from(b)
    .filter(Number.isFinite)
    .sort((p, q) => p - q);
  const all = [...x, ...y].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let sum = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const v = all[k];
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    sum += Math.abs(i / x.length - j / y.length) * (all[k + 1] - v);
  }
  return sum;
}

const wasserstein: DriftTest<{ distance: number }> = {
  id: 'wasserstein',
  label: 'Wasserstein-1 distance',
  statistic: 'integral |F_ref - F_prod| dx',
  columnKinds: ['numerical'],
  comparison: 'distance',
  score: (r) => r.distance,
  threshold: { key: 'wasserstein_distance', default: 0.5, max: Infinity, label: 'Wasserstein threshold', rule: 'flag when W1 >' },
  reportKey: 'wasserstein',
  resultKeys: ['distance'],
  run: (input) => {
    if (input.kind !== 'numerical') throw new TypeError('numerical only');
    return { distance: wasserstein1(input.reference, input.production) };
  },
  fields: [
    { key: 'distance', label: 'Wasserstein-1', csv: 'wasserstein_distance', summary: 'W1', format: 'number', value: (r) => r.distance },
  ],
  table: {
    id: 'wasserstein-table',
    heading: 'Wasserstein-1 (numerical features)',
    caption: 'Wasserstein-1 distance per numerical feature',
    empty: 'No numerical features.',
    sort: { key: 'distance', direction: 'descending' },
  },
};

const tests: StatRegistry = [...STAT_TESTS, entry(wasserstein)];

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const csv = (file: string, rows: string[]) =>
  parseCsv(['shifted,same,c', ...rows].join('\n') + '\n', { file, delimiter: 'auto', missingValues: [''] });

/** shifted: the production values are the reference's plus 3 (W1 = 3); same: equal (W1 = 0); c: categorical. */
async function run(thresholds: Partial<Thresholds> & Record<string, number> = {}) {
  const ref = await csv(
    'ref.csv',
    range(200, (i) => `${(i % 100) * 1.5},${i % 50},${'abc'[i % 3]}`),
  );
  const prod = await csv(
    'prod.csv',
    range(200, (i) => `${(i % 100) * 1.5 + 3},${i % 50},${'abc'[i % 3]}`),
  );
  const config = defaultConfig();
  Object.assign(config.thresholds, thresholds);
  const analysis = analyse(ref, prod, config, k, tests);
  const report = buildReport(analysis, config, { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' }, null, { tests });
  return { analysis, config, report };
}

describe('a drift test registered at run time', () => {
  it('the built-in registry holds ks, chi2 and psi in report order, with the config defaults as threshold defaults', () => {
    expect(STAT_TESTS.map((t) => t.reportKey)).toEqual(['ks', 'chi2', 'psi']);
    const t = defaultConfig().thresholds as unknown as Record<string, unknown>;
    expect(STAT_TESTS.map((x) => [x.threshold.key, x.threshold.default])).toEqual(
      STAT_TESTS.map((x) => [x.threshold.key, t[x.threshold.key]]),
    );
  });

  it('analyse runs it on the column kinds it lists and leaves it null on the others', async () => {
    const { analysis } = await run();
    const byName = new Map(analysis.stats.map((s) => [s.name, s as unknown as Record<string, unknown>]));
    expect((byName.get('shifted')!.wasserstein as { distance: number }).distance).toBeCloseTo(3, 12);
    expect(byName.get('same')!.wasserstein).toEqual({ distance: 0 });
    expect(byName.get('c')!.wasserstein).toBeNull();
  });

  it('decide flags with its comparison (distance > threshold), reading its threshold key or its default', async () => {
    const { analysis, config } = await run();
    const flagged = (t: Thresholds) =>
      decide(analysis.stats, t, null, tests).features.map((f) => [f.name, f.flagged_by.includes('wasserstein')]);
    expect(flagged(config.thresholds)).toEqual([
      ['shifted', true],
      ['same', false],
      ['c', false],
    ]);
    expect(flagged({ ...config.thresholds, wasserstein_distance: 3.5 } as Thresholds)).toEqual([
      ['shifted', false],
      ['same', false],
      ['c', false],
    ]);
  });

  it('the report JSON holds its block after psi and its threshold among the distance thresholds', async () => {
    const { report } = await run();
    const json = JSON.parse(reportToJson(report, tests));
    const shifted = json.features.find((f: { name: string }) => f.name === 'shifted');
    expect(Object.keys(shifted).slice(5, 10)).toEqual(['drift_score', 'ks', 'chi2', 'psi', 'wasserstein']);
    expect(Object.keys(shifted.wasserstein)).toEqual(['distance', 'effect_size', 'drifted']);
    expect(shifted.wasserstein.drifted).toBe(true);
    expect(shifted.flagged_by).toContain('wasserstein');
    expect(Object.keys(json.settings.thresholds).slice(0, 4)).toEqual(['ks_statistic', 'psi', 'wasserstein_distance', 'chi2_p_value']);
    expect(json.settings.thresholds.wasserstein_distance).toBe(0.5);
  });

  it('the scores CSV has its column after psi, with the same number as the JSON', async () => {
    const { report } = await run();
    const [header, ...rows] = scoresCsv(report, tests).trimEnd().split('\n');
    const columns = header.split(',');
    expect(columns.slice(columns.indexOf('psi'), columns.indexOf('psi') + 2)).toEqual(['psi', 'wasserstein_distance']);
    const cell = (name: string) => rows.find((r) => r.startsWith(`${name},`))!.split(',')[columns.indexOf('wasserstein_distance')];
    const shifted = report.features.find((f) => f.name === 'shifted') as unknown as { wasserstein: { distance: number } };
    expect(cell('shifted')).toBe(String(shifted.wasserstein.distance));
    expect(cell('c')).toBe('');
  });

  it('the CLI summary has its column', async () => {
    const { report } = await run();
    const lines = formatSummary(report, tests).split('\n');
    const header = lines.find((l) => l.startsWith('feature '))!;
    expect(header).toMatch(/\bPSI\s+W1\s+missing/);
    expect(lines.find((l) => l.startsWith('shifted '))).toMatch(/\b3\.0000\s+0\.0%→0\.0%\s+DRIFT \(.*wasserstein.*\)/);
    expect(lines.find((l) => l.startsWith('c '))).toMatch(/\s-\s+0\.0%→0\.0%/);
  });

  it('the dashboard gets its table (numerical rows, its field and a flag) and its threshold field', async () => {
    const { report } = await run();
    const tables = testTables(report.features, report.settings.thresholds, tests);
    expect(tables.map((t) => t.id)).toEqual(['ks-table', 'psi-table', 'wasserstein-table', 'chi2-table']);
    const w = tables[2];
    expect(w.rows.map((f) => f.name)).toEqual(['shifted', 'same']);
    expect(w.columns.map((c) => c.label)).toEqual(['Feature', 'Wasserstein-1', 'Flag']);
    expect(w.columns[1].text!(w.rows[0])).toBe('3');
    expect(w.rows.map(w.flagged)).toEqual([true, false]);
    expect(thresholdFields(tests).map((f) => f.key)).toEqual([
      'ks_statistic',
      'psi',
      'wasserstein_distance',
      'chi2_p_value',
      'drift_feature_fraction',
      'f1_drop',
      'missing_share_change',
      'min_effect',
    ]);
  });
});
