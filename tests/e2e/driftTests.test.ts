/**
 * A config that chooses tests beyond the defaults KS, chi-square and PSI (Wasserstein, Cramér-von Mises, Jensen-Shannon,
 * Fisher) shows their tables and threshold fields in the dashboard, in headless Chromium.
 */
import { describe, expect, it } from 'vitest';
import { useDashboard } from './helpers/browser.ts';
import { downloadJsonReport, loadDemo, runAnalysis, tableNames } from './helpers/dashboard.ts';

const suite = useDashboard();

describe('dashboard: tests chosen by the config', () => {
  it('tests.numerical / categorical and columns.tests give the chosen tests their tables and threshold fields', async () => {
    const { page, errors } = await suite.open();
    await loadDemo(page);
    const yaml = [
      'tests:',
      '  numerical: [ks, psi, wasserstein, cvm]',
      '  categorical: [chi2, psi, jensenshannon]',
      'columns:',
      '  tests: {region: [hellinger]}',
      'thresholds:',
      '  wasserstein: 0.2',
      '',
    ].join('\n');
    await page.getByLabel('Config (YAML)').setInputFiles({ name: 'tests.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    expect(await runAnalysis(page)).toBe('done');
    expect(await tableNames(page, 'wasserstein-table')).toContain('tenure_months');
    expect(await tableNames(page, 'cvm-table')).toContain('tenure_months');
    const js = await tableNames(page, 'jensenshannon-table');
    expect(js).toContain('contract');
    expect(js).not.toContain('region'); // region has its own list: Hellinger only
    expect(await tableNames(page, 'hellinger-table')).toEqual(['region']);
    expect(await page.getByLabel('Wasserstein (normed) threshold', { exact: true }).inputValue()).toBe('0.2');
    expect(await page.getByLabel('Cramér-von Mises p-value threshold', { exact: true }).inputValue()).toBe('0.05');
    const report = await downloadJsonReport(page);
    const tenure = report.features.find((f) => f.name === 'tenure_months') as unknown as { wasserstein: { value: number } };
    expect(tenure.wasserstein.value).toBeGreaterThanOrEqual(0);
    expect(report.settings.thresholds.wasserstein).toBe(0.2);
    expect(errors).toEqual([]);
  });
});
