import { describe, expect, it } from 'vitest';
import { testTables } from '../../src/ui/format/testTables.ts';
import { readThreshold, thresholdFields, thresholdValue } from '../../src/ui/state/thresholdFields.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import { sampleReport } from '../core/report/sampleReport.ts';

describe('testTables(features, thresholds): the dashboard result tables from the registry', () => {
  const report = sampleReport();
  const tables = testTables(report.features, report.settings.thresholds);
  const byId = new Map(tables.map((t) => [t.id, t]));

  it('one table per built-in test, KS, PSI, chi-square, each listing the features it ran on', () => {
    expect(tables.map((t) => t.id)).toEqual(['ks-table', 'psi-table', 'chi2-table']);
    expect(byId.get('ks-table')!.rows.map((f) => f.name)).toEqual(['tenure_months']);
    expect(byId.get('psi-table')!.rows.map((f) => f.name)).toEqual(['tenure_months', 'payment_method']);
    expect(byId.get('chi2-table')!.rows.map((f) => f.name)).toEqual(['payment_method']);
  });

  it('the columns, cell texts and flags of each table', () => {
    const ks = byId.get('ks-table')!;
    // The sample's numerical feature came from a sketched profile (its `approximate` block).
    expect(ks.columns.map((c) => c.label)).toEqual(['Feature', 'KS statistic', 'p-value', 'Method', 'n ref / prod', 'Exactness', 'Flag']);
    const row = ks.rows[0];
    expect(ks.columns.map((c) => (c.text ? c.text(row) : String(c.value(row))))).toEqual([
      'tenure_months',
      '0.3',
      '1.23e-200',
      'asymp',
      '5000 / 4990',
      '≈ approximate (sketch): D ±0.0165',
      'true',
    ]);
    expect(ks.flagged(row)).toBe(true);
    expect(ks.initialSort).toEqual({ key: 'statistic', direction: 'descending' });

    const psi = byId.get('psi-table')!;
    expect(psi.columns.map((c) => c.label)).toEqual(['Feature', 'Type', 'PSI', 'Bins', 'Exactness', 'Flag']);
    const bins = psi.columns.find((c) => c.key === 'bins')!;
    expect(psi.rows.map((f) => bins.text!(f))).toEqual(['5 (own bin for 30)', '5']);
    expect(psi.rows.map(psi.flagged)).toEqual([true, false]);

    expect(byId.get('chi2-table')!.columns.map((c) => c.label)).toEqual([
      'Feature',
      'Chi-square',
      'p-value',
      'dof',
      "Effect (Cramér's V)",
      'Flag',
    ]);
  });

  it('the adjusted p-value column shows only under a p-value correction', () => {
    const t = { ...report.settings.thresholds, p_value_correction: 'bonferroni' as const };
    const chi2 = testTables(report.features, t).find((x) => x.id === 'chi2-table')!;
    expect(chi2.columns.map((c) => c.label)).toEqual([
      'Feature',
      'Chi-square',
      'p-value',
      'adjusted p',
      'dof',
      "Effect (Cramér's V)",
      'Flag',
    ]);
    expect(chi2.columns[3].text!(chi2.rows[0])).toBe('6.60e-88');
  });
});

describe('testTables on a run against a sketched profile: the approximate features say so, with their bound', () => {
  const report = sampleReport();
  const approximate = { ks_statistic_bound: 0.033, ks_p_value_range: [0.01, 0.2] as [number, number], psi_bin_share_bound: 0.0165 };
  const features = report.features.map((f) => (f.type === 'numerical' ? { ...f, approximate } : f));

  it('KS and PSI get an Exactness column: "≈ approximate (sketch)" with the bound, "exact" for the others; chi-square none', () => {
    const tables = new Map(testTables(features, report.settings.thresholds).map((t) => [t.id, t]));
    const ks = tables.get('ks-table')!;
    expect(ks.columns.map((c) => c.label)).toEqual(['Feature', 'KS statistic', 'p-value', 'Method', 'n ref / prod', 'Exactness', 'Flag']);
    const exactness = (id: string) => {
      const t = tables.get(id)!;
      const c = t.columns.find((x) => x.key === 'approximate')!;
      return t.rows.map((f) => c.text!(f));
    };
    expect(exactness('ks-table')).toEqual(['≈ approximate (sketch): D ±0.033']);
    expect(exactness('psi-table')).toEqual(['≈ approximate (sketch): bin shares ±0.0165', 'exact']);
    expect(tables.get('chi2-table')!.columns.some((c) => c.key === 'approximate')).toBe(false);
  });

  it('without an approximate feature (a run on files or exact profiles) no table has the column', () => {
    const exact = report.features.map((f) => (f.type === 'numerical' ? { ...f, approximate: undefined } : f));
    expect(testTables(exact, report.settings.thresholds).some((t) => t.columns.some((c) => c.key === 'approximate'))).toBe(false);
  });
});

describe('thresholdFields(): the dashboard threshold fields from the registry', () => {
  it('the tests thresholds first (distances, then p-values), then the others', () => {
    expect(thresholdFields().map((f) => [f.key, f.label, f.rule, f.max])).toEqual([
      ['ks_statistic', 'KS statistic threshold', 'flag when KS D >', 1],
      ['psi', 'PSI threshold', 'flag when PSI >', Infinity],
      ['chi2_p_value', 'Chi-square p-value threshold', 'flag when p <', 1],
      ['drift_feature_fraction', 'Drifted share threshold', 'drift when drifted share >', 1],
      ['f1_drop', 'F1 drop threshold', 'alert when F1 drop >', 1],
      ['missing_share_change', 'Missing share change threshold', 'flag when change >; empty = off', 1],
      ['min_effect', 'Minimum effect size', 'p-value flags with a smaller effect are negligible; empty = off', Infinity],
    ]);
  });

  it('readThreshold accepts a number in range, empty = off for the optional field only, and says what it wants', () => {
    const [ks, psi, , , , missing] = thresholdFields();
    expect(readThreshold(ks, ' 0.2 ')).toEqual({ value: 0.2 });
    expect(readThreshold(ks, '2')).toEqual({ invalid: 'a number from 0 to 1' });
    expect(readThreshold(psi, '-1')).toEqual({ invalid: 'a number >= 0' });
    expect(readThreshold(ks, '')).toEqual({ invalid: 'a number from 0 to 1' });
    expect(readThreshold(missing, '')).toEqual({ value: null });
  });

  it('thresholdValue reads a threshold, null for one switched off', () => {
    const t = defaultConfig().thresholds;
    expect(thresholdValue(t, 'ks_statistic')).toBe(0.1);
    expect(thresholdValue({ ...t, missing_share_change: null }, 'missing_share_change')).toBeNull();
  });
});
