/**
 * The domain classifier: finds a joint shift no single feature shows, stays quiet on two halves of
 * one file (false-alarm rate measured over seeded runs), and is absent with a reason in profile runs.
 */
import { describe, expect, it } from 'vitest';
import { addDomainClassifier, domainClassifier, PROFILE_DOMAIN_NOTE } from '../../../src/core/quality/domainClassifier.ts';
import { delongInterval, midranks } from '../../../src/core/quality/delongInterval.ts';
import { decide } from '../../../src/core/decide.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { analyse } from '../../../src/core/analyse.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../../src/core/samples/normalSampler.ts';

function table(file: string, cols: Record<string, Float64Array>): ParsedTable {
  const rows = Object.values(cols)[0].length;
  return {
    file,
    rows,
    delimiter: ',',
    warnings: [],
    columns: Object.entries(cols).map(([name, values]) => ({
      name,
      values,
      codes: null,
      dictionary: null,
      missing: 0,
      nonNumeric: 0,
      firstNonNumeric: null,
    })),
  };
}

/** a, b standard normal with correlation `rho`, c independent noise. */
function correlated(file: string, n: number, rho: number, seed: number): ParsedTable {
  const normal = normalSampler(mulberry32(seed));
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = normal();
    b[i] = rho * a[i] + Math.sqrt(1 - rho * rho) * normal();
    c[i] = normal();
  }
  return table(file, { a, b, c });
}

describe('domainClassifier', () => {
  it('finds a correlation that flips sign while every marginal stays N(0, 1); KS sees nothing', async () => {
    const ref = correlated('ref.csv', 1000, 0.8, 1);
    const prod = correlated('prod.csv', 1000, -0.8, 2);
    const config = defaultConfig();
    config.domain_classifier.enabled = true;
    const analysis = analyse(ref, prod, config, await loadKernels());
    // Marginals unchanged: no feature flagged by KS at the default threshold.
    expect(analysis.stats.map((s) => s.ks!.statistic).every((d) => d < config.thresholds.ks_statistic)).toBe(true);
    await addDomainClassifier(analysis, ref, prod, config);
    const d = analysis.domainClassifier!;
    expect(d.auc).toBeGreaterThan(0.8);
    expect(d.auc_ci![0]).toBeGreaterThan(0.55);
    // The classifier relies on a and b, not on the noise column.
    expect(
      d.top_features
        .slice(0, 2)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(d.top_features.reduce((s, f) => s + f.importance, 0)).toBeCloseTo(1, 12);
    const decision = decide(analysis.stats, config.thresholds, null, undefined, null, d);
    expect(decision.domainClassifier!.drifted).toBe(true);
    expect(decision.summary.reasons.map((r) => r.rule)).toEqual(['domain_auc']);
  });

  it('two halves of one file: false alarms (AUC > 0.55) in about 5% of 40 seeded runs of 300 rows per half', async () => {
    let alarms = 0;
    for (let run = 0; run < 40; run++) {
      const whole = correlated('all.csv', 600, 0.5, 1000 + run);
      const half = (from: number) =>
        table(`half${from}.csv`, Object.fromEntries(whole.columns.map((c) => [c.name, c.values!.slice(from, from + 300)])));
      const plans = whole.columns.map((c) => ({ name: c.name, role: 'numerical' as const, reason: '' }));
      const d = await domainClassifier(half(0), half(300), plans, { maxRows: 5000, seed: run });
      if (d.auc! > 0.55) alarms++;
    }
    // Measured: 2 of 40 (5%). A classifier that leaked rows between folds would alarm on most runs.
    expect(alarms).toBeLessThanOrEqual(4);
  });

  it('samples at most max_rows per file, seeded: the same seed gives the same AUC', async () => {
    const ref = correlated('ref.csv', 900, 0.8, 3);
    const prod = correlated('prod.csv', 700, -0.8, 4);
    const plans = ref.columns.map((c) => ({ name: c.name, role: 'numerical' as const, reason: '' }));
    const one = await domainClassifier(ref, prod, plans, { maxRows: 200, seed: 7 });
    const two = await domainClassifier(ref, prod, plans, { maxRows: 200, seed: 7 });
    expect(one.rows).toEqual({ reference: 200, production: 200 });
    expect(one.sampled).toBe(true);
    expect(two.auc).toBe(one.auc);
  });

  it('profile runs: present with the reason it is absent; disabled: absent', async () => {
    const config = defaultConfig();
    const a: Parameters<typeof addDomainClassifier>[0] = { plans: [] };
    await addDomainClassifier(a, null, null, config);
    expect(a.domainClassifier).toBeUndefined();
    config.domain_classifier.enabled = true;
    await addDomainClassifier(a, null, null, config);
    expect(a.domainClassifier).toMatchObject({ auc: null, note: PROFILE_DOMAIN_NOTE });
  });
});

describe('delongInterval', () => {
  it('matches the AUC and DeLong variance computed by hand', () => {
    // Positives 0.35, 0.8; negatives 0.1, 0.4: AUC 0.75. V10 = [0.5, 1], V01 = [0, 0.5]:
    // var = 0.125 / 2 + 0.125 / 2 = 0.125.
    const r = delongInterval(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))!;
    expect(r.auc).toBe(0.75);
    expect(r.se).toBeCloseTo(Math.sqrt(0.125), 15);
    expect(r.lower).toBeCloseTo(0.75 - 1.959963984540054 * Math.sqrt(0.125), 12);
    expect(r.upper).toBe(1);
  });

  it('midranks share tied ranks', () => {
    expect(Array.from(midranks([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
  });
});
