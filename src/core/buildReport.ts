import type { Config } from './config/types.ts';
import type { PerformanceStats, Report } from './report/types.ts';
import { SCHEMA_VERSION } from './report/types.ts';
import type { Analysis } from './analyse.ts';
import { decide, type Decision } from './decide.ts';
import { decidePerformance, performanceSignal } from './performance.ts';
import type { StatRegistry } from './stattests/driftTest.ts';
import { thresholdOf } from './stattests/registry.ts';
import { testsIn } from './stattests/testChoice.ts';

export interface ReportMeta {
  generatedAt: string;
  version: string;
}

export interface ReportOptions {
  /** The tests the analysis ran (default: the registry). */
  tests?: StatRegistry;
  /**
   * decide(analysis.stats, config.thresholds, performanceSignal(performance), tests) when the caller
   * already has it (the dashboard derives it once per threshold change); decided here otherwise.
   */
  decision?: Decision;
}

/**
 * Assemble the report from one analysis and the thresholds in `config` (decided in decide()).
 * `performance` (from analysePerformance) fills the performance section; its F1 drop joins the verdict.
 */
export function buildReport(
  analysis: Analysis,
  config: Config,
  meta: ReportMeta,
  performance: PerformanceStats | null = null,
  options: ReportOptions = {},
): Report {
  const tests = options.tests ?? testsIn(analysis.stats);
  const { features, summary, dataQuality, domainClassifier } =
    options.decision ??
    decide(
      analysis.stats,
      config.thresholds,
      performanceSignal(performance),
      tests,
      analysis.dataQuality ?? null,
      analysis.domainClassifier ?? null,
    );
  // Every test's threshold as used, so a test's default shows even when the config does not set it.
  const thresholds = {
    ...config.thresholds,
    ...Object.fromEntries(tests.map((t) => [t.threshold.key, thresholdOf(t, config.thresholds)])),
  };
  return {
    schema_version: SCHEMA_VERSION,
    generated_at: meta.generatedAt,
    tool: { name: 'drift-monitor', version: meta.version },
    data: {
      reference: analysis.reference,
      production: analysis.production,
      label_column: analysis.label,
    },
    settings: {
      thresholds,
      psi: { bins: config.psi.bins, epsilon: config.psi.epsilon },
      max_categorical_unique: config.columns.max_categorical_unique,
      ks_method: 'auto: exact when max(n_ref, n_prod) <= 10000, else kstwo.sf(D, round(n_ref*n_prod/(n_ref+n_prod)))',
      chi2_correction: false,
    },
    summary,
    features,
    skipped: analysis.skipped,
    warnings: [...analysis.warnings, ...(performance?.warnings ?? [])],
    performance: performance ? decidePerformance(performance, config.thresholds) : null,
    retraining: null,
    data_quality: dataQuality ?? null,
    domain_classifier: domainClassifier ?? null,
    drift_impact: analysis.driftImpact ?? null,
  };
}
