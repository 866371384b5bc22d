import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide } from '../../src/core/decide.ts';
import type { Thresholds } from '../../src/core/config/types.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';
import type { FeatureStats } from '../../src/core/report/types.ts';

// The default thresholds (KS 0.1, PSI 0.2, chi2 p 0.05, fraction 0.3), no correction, missing-share flag off.
const T: Thresholds = { ...DEFAULT_CONFIG.thresholds };

function num(name: string, d: number, psi: number, missing = [0, 0]): FeatureStats {
  return {
    name,
    type: 'numerical',
    type_reason: 'test',
    n: { reference: 100, production: 100 },
    missing: { reference: missing[0], production: missing[1], reference_count: 0, production_count: 0 },
    drift_score: d,
    ks: { statistic: d, p_value: 0.5, method: 'exact' },
    chi2: null,
    psi: { value: psi, epsilon: 1e-4, bins: 10, edges: [], reference_counts: [], production_counts: [] },
    error: null,
  };
}
function cat(name: string, p: number, psi: number): FeatureStats {
  return {
    name,
    type: 'categorical',
    type_reason: 'test',
    n: { reference: 100, production: 100 },
    missing: { reference: 0, production: 0, reference_count: 0, production_count: 0 },
    drift_score: 0.1,
    ks: null,
    chi2: { statistic: 3, p_value: p, dof: 2 },
    psi: { value: psi, epsilon: 1e-4, categories: ['a', 'b', 'c'], reference_counts: [], production_counts: [] },
    error: null,
  };
}

describe('decide(stats, thresholds)', () => {
  it('decide flags a numerical feature when KS D > ks_statistic (strictly)', () => {
    const { features } = decide([num('a', 0.1, 0), num('b', 0.1000001, 0)], T);
    expect(features.map((f) => f.drifted)).toEqual([false, true]);
    expect(features[1].flagged_by).toEqual(['ks']);
    expect(features[1].ks!.drifted).toBe(true);
  });
  it('decide flags on PSI > psi and raises the overall alert through the psi rule alone', () => {
    const d = decide([num('a', 0, 0.25), num('b', 0, 0), num('c', 0, 0), num('d', 0, 0)], T);
    expect(d.features[0].flagged_by).toEqual(['psi']);
    expect(d.summary.drifted_fraction).toBe(0.25);
    expect(d.summary.overall_drift).toBe(true);
    expect(d.summary.reasons.map((r) => r.rule)).toEqual(['psi']);
    expect(d.summary.reasons[0].message).toContain('a (0.250)');
  });
  it('decide flags a categorical feature when chi2 p < chi2_p_value (strictly)', () => {
    const { features } = decide([cat('x', 0.05, 0), cat('y', 0.0499, 0)], T);
    expect(features.map((f) => f.drifted)).toEqual([false, true]);
    expect(features[1].flagged_by).toEqual(['chi2']);
  });
  it('decide applies the drifted-fraction rule with a strict comparison', () => {
    const stats = [cat('a', 0.01, 0), cat('b', 0.01, 0), cat('c', 0.5, 0)];
    const d = decide(stats, { ...T, drift_feature_fraction: 2 / 3 });
    expect(d.summary.overall_drift).toBe(false);
    const e = decide(stats, { ...T, drift_feature_fraction: 0.5 });
    expect(e.summary.overall_drift).toBe(true);
    expect(e.summary.reasons[0].rule).toBe('drift_feature_fraction');
    expect(e.summary.drifted_features).toEqual(['a', 'b']);
  });
  it('decide uses the adjusted p-value under bonferroni', () => {
    const stats = [cat('a', 0.02, 0), cat('b', 0.5, 0), cat('c', 0.9, 0)];
    expect(decide(stats, T).features[0].drifted).toBe(true);
    const d = decide(stats, { ...T, p_value_correction: 'bonferroni' });
    expect(d.features[0].chi2!.p_value_adjusted).toBeCloseTo(0.06, 15);
    expect(d.features[0].drifted).toBe(false);
  });
  it('decide flags a change of missing share only when the option is on', () => {
    const s = [num('m', 0, 0, [0.05, 0.2])];
    expect(decide(s, T).features[0].drifted).toBe(false);
    const d = decide(s, { ...T, missing_share_change: 0.1 });
    expect(d.features[0].flagged_by).toEqual(['missing_share']);
    expect(d.features[0].missing.drifted).toBe(true);
  });
  it('decide flags a feature with no value in one file by missing share, whatever the threshold, and counts it', () => {
    // All missing in production (100 rows), present in the reference: no test ran (error set).
    const gone: FeatureStats = {
      ...num('gone', 0, 0, [0.02, 1]),
      n: { reference: 98, production: 0 },
      drift_score: null,
      ks: null,
      psi: null,
      error: 'no non-missing values in the production file; no test can run',
    };
    const appeared: FeatureStats = {
      ...gone,
      name: 'appeared',
      n: { reference: 0, production: 100 },
      missing: { ...gone.missing, reference: 1, production: 0 },
    };
    for (const missing_share_change of [null, 0.1, 0.99]) {
      const d = decide([gone, appeared, num('a', 0, 0)], { ...T, missing_share_change });
      expect(d.features.map((f) => [f.name, f.drifted, f.flagged_by, f.missing.drifted])).toEqual([
        ['gone', true, ['missing_share'], true],
        ['appeared', true, ['missing_share'], true],
        ['a', false, [], false],
      ]);
      expect(d.summary).toMatchObject({ drifted: 2, drifted_features: ['gone', 'appeared'], drifted_fraction: 2 / 3, overall_drift: true });
      expect(d.summary.reasons.map((r) => r.rule)).toEqual(['drift_feature_fraction']);
    }
  });
  it('decide does not flag a feature missing in both files by that rule (no values anywhere)', () => {
    const none: FeatureStats = {
      ...num('none', 0, 0, [1, 1]),
      n: { reference: 0, production: 0 },
      ks: null,
      psi: null,
      drift_score: null,
      error: 'x',
    };
    expect(decide([none], T).features[0].drifted).toBe(false);
  });
  it('decide reports max_psi / max_ks and no reasons without drift', () => {
    const d = decide([num('a', 0.05, 0.01), cat('b', 0.9, 0.02)], T);
    expect(d.summary).toMatchObject({
      features: 2,
      numerical: 1,
      categorical: 1,
      drifted: 0,
      max_psi: 0.02,
      max_ks: 0.05,
      overall_drift: false,
      reasons: [],
    });
  });
  it('decide on no features gives fraction 0 and no drift', () => {
    expect(decide([], T).summary).toMatchObject({ features: 0, drifted_fraction: 0, overall_drift: false, max_psi: null });
  });
  it('decide is monotone: raising every threshold never adds a flag (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })), { maxLength: 20 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (xs, bump) => {
          const stats = xs.map(([d, p], i) => num(`f${i}`, d, p));
          const a = decide(stats, T);
          const b = decide(stats, { ...T, ks_statistic: T.ks_statistic + bump, psi: T.psi + bump });
          return b.summary.drifted <= a.summary.drifted && (!b.summary.overall_drift || a.summary.overall_drift);
        },
      ),
    );
  });
});
