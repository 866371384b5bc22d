/**
 * The one place where drift is decided: per-feature flags and the overall verdict from the statistics
 * and the thresholds. Every comparison is here and strict (`>` for distances, `<` for p-values, as each
 * registered test declares), so a value equal to its threshold never flags. Cheap and pure: the dashboard calls it on every threshold
 * change without re-running any test.
 */
import type { Thresholds } from './config/types.ts';
import type {
  DataQualityReport,
  DataQualityStats,
  DomainClassifierReport,
  DomainClassifierStats,
  FeatureReport,
  FeatureStats,
  FlagRule,
  Summary,
} from './report/types.ts';
import { decideDomain, decideQuality } from './quality/decideQuality.ts';
import { adjustPValues } from './adjustPValues.ts';
import type { StatRegistry } from './stattests/driftTest.ts';
import { resultOf, thresholdOf } from './stattests/registry.ts';
import { testsIn } from './stattests/testChoice.ts';

export interface Decision {
  features: FeatureReport[];
  summary: Summary;
  /** The data-quality section with its flags; null when no data-quality figures were given. */
  dataQuality: DataQualityReport | null;
  /** The domain classifier with its flag; null when it did not run. */
  domainClassifier: DomainClassifierReport | null;
}

/** The F1 comparison that can raise the performance alert (from the performance section). */
export interface PerformanceSignal {
  baseline: number;
  production: number;
  estimated: boolean;
}

export function decide(
  stats: readonly FeatureStats[],
  t: Thresholds,
  performance: PerformanceSignal | null = null,
  tests: StatRegistry = testsIn(stats),
  quality: DataQualityStats | null = null,
  domain: DomainClassifierStats | null = null,
): Decision {
  // p-values are corrected over all features that ran the test (p_value_correction) before the comparison.
  const adjusted = tests.map((test) =>
    test.comparison === 'p_value'
      ? adjustPValues(
          stats.map((s) => {
            const r = resultOf(test, s);
            return r ? test.score(r) : NaN;
          }),
          t.p_value_correction,
        )
      : null,
  );

  const features = stats.map((s, i): FeatureReport => {
    const flagged: FlagRule[] = [];
    const decided: Record<string, object | null> = {};
    tests.forEach((test, k) => {
      const r = resultOf(test, s);
      if (!r) {
        decided[test.reportKey] = null;
        return;
      }
      const limit = thresholdOf(test, t);
      const p = adjusted[k];
      const significant = p ? p[i] < limit : test.score(r) > limit;
      const effect = test.effect ? test.effect.value(r, s) : null;
      // A p-value flag on an effect below thresholds.min_effect is "significant but negligible": the
      // result says so (negligible) and the feature is not flagged by this test.
      const negligible = p !== null && significant && t.min_effect != null && effect !== null && effect < t.min_effect;
      const drifted = significant && !negligible;
      decided[test.reportKey] = p
        ? { ...r, p_value_adjusted: p[i], effect_size: effect, negligible, drifted }
        : { ...r, effect_size: effect, drifted };
      if (drifted) flagged.push(test.id);
    });
    const missingChange = Math.abs(s.missing.production - s.missing.reference);
    // A feature with values in one file and none in the other (all missing) cannot be tested, and its
    // missing share moved as far as it can: it is flagged by this rule whatever the threshold, even
    // when the threshold is null (off), so a column that vanished from a file never passes as "ok".
    const emptyInOneFile = (s.n.reference === 0) !== (s.n.production === 0);
    const missingDrifted = emptyInOneFile || (t.missing_share_change !== null && missingChange > t.missing_share_change);
    if (missingDrifted) flagged.push('missing_share');
    // The spread keeps each test's key where the statistics had it; the decided results replace them.
    return {
      ...s,
      ...decided,
      missing: { ...s.missing, drifted: missingDrifted },
      drifted: flagged.length > 0,
      flagged_by: flagged,
    } as FeatureReport;
  });

  const q = quality ? decideQuality(quality, t) : null;
  const d = domain ? decideDomain(domain, t) : null;
  return {
    features,
    summary: summarise(features, t, performance, [...(q?.reasons ?? []), ...(d?.reasons ?? [])]),
    dataQuality: q?.report ?? null,
    domainClassifier: d?.report ?? null,
  };
}

/** The one F1-drop rule: baseline - production strictly above thresholds.f1_drop. */
export function f1DropAlert(p: PerformanceSignal, t: Thresholds): boolean {
  return p.baseline - p.production > t.f1_drop;
}

function summarise(
  features: readonly FeatureReport[],
  t: Thresholds,
  performance: PerformanceSignal | null,
  qualityReasons: Summary['reasons'],
): Summary {
  const drifted = features.filter((f) => f.drifted).map((f) => f.name);
  const fraction = features.length ? drifted.length / features.length : 0;
  const psiValues = features.flatMap((f) => (f.psi ? [f.psi.value] : []));
  const ksValues = features.flatMap((f) => (f.ks ? [f.ks.statistic] : []));
  const reasons: Summary['reasons'] = [];
  if (fraction > t.drift_feature_fraction) {
    reasons.push({
      rule: 'drift_feature_fraction',
      message: `${drifted.length} of ${features.length} features drifted (${pct(fraction)}), more than ${pct(t.drift_feature_fraction)}`,
    });
  }
  const highPsi = features
    .flatMap((f) => (f.psi && f.psi.value > t.psi ? [{ name: f.name, psi: f.psi.value }] : []))
    .sort((a, b) => b.psi - a.psi);
  if (highPsi.length) {
    const list = highPsi
      .slice(0, 5)
      .map((f) => `${f.name} (${f.psi.toFixed(3)})`)
      .join(', ');
    const more = highPsi.length > 5 ? ` and ${highPsi.length - 5} more` : '';
    reasons.push({ rule: 'psi', message: `PSI above ${t.psi} on ${list}${more}` });
  }
  if (performance && f1DropAlert(performance, t)) {
    const drop = performance.baseline - performance.production;
    reasons.push({
      rule: 'performance',
      message: `${performance.estimated ? 'estimated ' : ''}F1 dropped by ${drop.toFixed(3)} (${performance.baseline.toFixed(3)} -> ${performance.production.toFixed(3)}), more than ${t.f1_drop}`,
    });
  }
  reasons.push(...qualityReasons);
  return {
    features: features.length,
    numerical: features.filter((f) => f.type === 'numerical').length,
    categorical: features.filter((f) => f.type === 'categorical').length,
    drifted: drifted.length,
    drifted_fraction: fraction,
    drifted_features: drifted,
    max_psi: psiValues.length ? Math.max(...psiValues) : null,
    max_ks: ksValues.length ? Math.max(...ksValues) : null,
    overall_drift: reasons.length > 0,
    reasons,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
