/**
 * The config's choice of tests (tests.numerical / tests.categorical, columns.tests, tests.policy
 * large_sample), its errors, and thresholds.min_effect, through the engine and every writer.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { decide } from '../../../src/core/decide.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { validateConfig } from '../../../src/core/config/validateConfig.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import { scoresCsv } from '../../../src/core/report/scoresCsv.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { formatSummary } from '../../../src/cli/printSummary.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { testTables } from '../../../src/ui/format/testTables.ts';
import { realPair } from '../../helpers/realPairs.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const table = (file: string, n: number, shift: number) =>
  parseCsv(
    [
      'income,region,member',
      ...range(n, (i) => `${((i * 7919) % 97) + shift / 4},${['north', 'south', 'east'][(i + shift) % 3]},${i % 5 === 0 ? 'yes' : 'no'}`),
    ].join('\n') + '\n',
    { file, delimiter: 'auto', missingValues: [''] },
  );
const config = (raw: unknown): Config => validateConfig(raw, 'cfg.yaml');

async function run(cfg: Config, n = 200) {
  const analysis = analyse(await table('ref.csv', n, 0), await table('prod.csv', n, 40), cfg, k);
  const report = buildReport(analysis, cfg, { generatedAt: '2026-01-01T00:00:00Z', version: 'test' });
  return {
    analysis,
    report,
    feature: (name: string) => report.features.find((f) => f.name === name) as unknown as Record<string, unknown>,
  };
}

describe('test choice', () => {
  it('the defaults run KS, chi-square and PSI only: no key of another test in the report', async () => {
    const { report } = await run(defaultConfig());
    for (const f of report.features) {
      expect(
        Object.keys(f).filter((key) => ['wasserstein', 'jensenshannon', 'hellinger', 'cvm', 'anderson', 'fisher'].includes(key)),
      ).toEqual([]);
    }
    expect(scoresCsv(report).split('\n')[0]).not.toMatch(/wasserstein/);
  });

  it('columns.tests picks tests per column; a test not chosen for a column is null there', async () => {
    const { report, feature } = await run(config({ columns: { tests: { income: ['wasserstein', 'cvm'], region: ['jensenshannon'] } } }));
    const income = feature('income');
    expect(income.ks).toBeNull();
    expect(income.psi).toBeNull();
    expect((income.wasserstein as { value: number }).value).toBeGreaterThan(0);
    expect((income.cvm as { method: string }).method).toBe('asymptotic');
    expect(income.jensenshannon).toBeNull();
    const region = feature('region');
    expect(region.chi2).toBeNull();
    expect((region.jensenshannon as { value: number }).value).toBeGreaterThanOrEqual(0);
    // member keeps the per-kind defaults.
    expect(feature('member').chi2).not.toBeNull();
    expect(feature('member').fisher).toBeUndefined(); // not chosen anywhere: not in the run
    // Every writer shows the chosen tests.
    const json = JSON.parse(reportToJson(report));
    expect(Object.keys(json.features[0]).slice(5, 12)).toEqual(['drift_score', 'ks', 'chi2', 'psi', 'wasserstein', 'jensenshannon', 'cvm']);
    expect(Object.keys(json.settings.thresholds)).toEqual(expect.arrayContaining(['wasserstein', 'jensenshannon', 'cvm_p_value']));
    const header = scoresCsv(report).split('\n')[0];
    expect(header).toMatch(/wasserstein,wasserstein_distance/);
    expect(header).toMatch(/cvm_statistic,cvm_p_value/);
    expect(formatSummary(report)).toMatch(/W1 norm/);
    const ids = testTables(report.features, report.settings.thresholds).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['wasserstein-table', 'jensenshannon-table', 'cvm-table']));
    expect(
      testTables(report.features, report.settings.thresholds)
        .find((t) => t.id === 'wasserstein-table')!
        .rows.map((f) => f.name),
    ).toEqual(['income']);
  });

  it("tests.categorical with fisher runs Fisher's exact test on the two-category column only", async () => {
    const { feature } = await run(config({ tests: { categorical: ['chi2', 'fisher'] } }));
    expect((feature('member').fisher as { categories: string[] }).categories).toEqual(['no', 'yes']);
    expect(feature('region').fisher).toBeNull();
    // Chosen alone, Fisher's effect size is its own table's phi, not chi-square's.
    const alone = (await run(config({ tests: { categorical: ['fisher'] } }))).feature('member');
    expect(alone.chi2).toBeNull();
    const fisher = alone.fisher as { phi: number; effect_size: number };
    expect(fisher.effect_size).toBe(fisher.phi);
  });

  it('tests.policy large_sample: distances above tests.large_sample_rows, the defaults at or below', async () => {
    const big = await run(config({ tests: { policy: 'large_sample' } }), 1500);
    expect(big.feature('income').ks).toBeNull();
    expect(big.feature('income').wasserstein).not.toBeNull();
    expect(big.feature('income').psi).not.toBeNull();
    expect(big.feature('region').chi2).toBeNull();
    expect(big.feature('region').jensenshannon).not.toBeNull();
    const small = await run(config({ tests: { policy: 'large_sample', large_sample_rows: 1500 } }), 1500);
    expect(small.feature('income').ks).not.toBeNull();
    expect(small.feature('income').wasserstein).toBeNull();
    expect(small.feature('region').chi2).not.toBeNull();
  });

  it('an unknown test or column, or a test of the wrong kind, is a one-line error with the closest name', async () => {
    expect(() => config({ tests: { numerical: ['wasserstien'] } })).toThrow(
      /^cfg\.yaml: tests\.numerical: unknown test "wasserstien"; did you mean "wasserstein"\?/,
    );
    expect(() => config({ tests: { numerical: ['chi2'] } })).toThrow(
      /tests\.numerical: chi2 does not run on numerical columns; choose among ks, psi, wasserstein/,
    );
    expect(() => config({ columns: { tests: { income: ['hellinge'] } } })).toThrow(
      /columns\.tests\.income: unknown test "hellinge"; did you mean "hellinger"\?/,
    );
    expect(() => config({ columns: { tests: ['ks'] } })).toThrow(/columns\.tests must be a mapping of column name/);
    await expect(run(config({ columns: { tests: { incme: ['ks'] } } }))).rejects.toThrow(
      /columns\.tests: no column "incme" in the files; did you mean "income"\?/,
    );
    await expect(run(config({ columns: { tests: { region: ['wasserstein'] } } }))).rejects.toThrow(
      /columns\.tests\.region: wasserstein does not run on categorical columns and "region" is categorical; choose among chi2, psi/,
    );
    // Column names are checked against the files, not in the config alone (the config may serve many files).
    expect(() => config({ columns: { tests: { incme: ['ks'] } } })).not.toThrow();
  });
});

describe('thresholds.min_effect', () => {
  it("Bank's default: chi-square flags it; with min_effect 0.05 (Cramér's V) it is significant but negligible and leaves the verdict", async () => {
    const pair = realPair('bank');
    const read = (path: string, file: string) => parseCsv(readFileSync(path, 'utf8'), { file, delimiter: 'auto', missingValues: [''] });
    const cfg = defaultConfig();
    cfg.data.label_column = pair.label;
    const analysis = analyse(await read(pair.reference, 'reference.csv'), await read(pair.production, 'production.csv'), cfg, k);
    const before = decide(analysis.stats, cfg.thresholds).features.find((f) => f.name === 'default')!;
    expect(before.flagged_by).toContain('chi2');
    if (before.type !== 'categorical' || !before.chi2) throw new Error('default is categorical');
    const v = before.chi2.effect_size!;
    expect(v).toBeCloseTo(Math.sqrt(before.chi2.statistic / (before.n.reference + before.n.production)), 15);
    expect(v).toBeLessThan(0.05);
    expect(before.chi2.negligible).toBe(false);

    const after = decide(analysis.stats, { ...cfg.thresholds, min_effect: 0.05 }).features.find((f) => f.name === 'default')!;
    if (after.type !== 'categorical' || !after.chi2) throw new Error('default is categorical');
    expect(after.chi2.negligible).toBe(true);
    expect(after.chi2.drifted).toBe(false);
    expect(after.flagged_by).not.toContain('chi2');
    const report = buildReport(
      analysis,
      { ...cfg, thresholds: { ...cfg.thresholds, min_effect: 0.05 } },
      { generatedAt: 'x', version: 'test' },
    );
    const line = formatSummary(report)
      .split('\n')
      .find((l) => l.startsWith('default '))!;
    expect(line).toMatch(/chi2 significant but negligible \(Cramér's V 0\.0\d\d\)/);
    const chi2Table = testTables(report.features, report.settings.thresholds).find((t) => t.id === 'chi2-table')!;
    const effect = chi2Table.columns.find((c) => c.key === 'effect_size')!;
    expect(effect.text!(chi2Table.rows.find((f) => f.name === 'default')!)).toMatch(/\(significant but negligible\)$/);
  });

  it('a distance flag is never negligible (its effect is its score)', async () => {
    const { analysis } = await run(defaultConfig());
    const d = decide(analysis.stats, { ...defaultConfig().thresholds, min_effect: 10 });
    const income = d.features.find((f) => f.name === 'income')!;
    expect(income.flagged_by).toContain('ks');
  });
});
