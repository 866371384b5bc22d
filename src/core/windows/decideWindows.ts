/**
 * The cheap half of the windows: flags and verdicts from the statistics (analyseWindows.ts) and the
 * thresholds, as decide() does for the whole run, so thresholds can change without re-testing. A
 * window with fewer rows than windows.min_rows keeps its flags but never raises the verdict.
 */
import type { Config, Thresholds } from '../config/types.ts';
import type { FeatureReport, FeatureStats, VerdictRule } from '../report/types.ts';
import { decide } from '../decide.ts';
import type { StatRegistry } from '../stattests/driftTest.ts';
import { testsIn } from '../stattests/testChoice.ts';
import { performanceSignal } from '../performance.ts';
import { windowPerformanceOf } from './windowPerformance.ts';
import type { WindowsAnalysis } from './analyseWindows.ts';
import type { ExpectedVariation, LabelDriftReport, WindowFeatureResult, WindowingReport, WindowResult } from './types.ts';

/** A feature's result in a window from its decided report entry; `band` checks drift_score. */
export function windowFeature(f: FeatureReport, band: ExpectedVariation | null): WindowFeatureResult {
  const b = band?.features.find((x) => x.name === f.name)?.drift_score ?? null;
  const p = f.type === 'numerical' ? (f.ks?.p_value ?? null) : (f.chi2?.p_value_adjusted ?? null);
  return {
    name: f.name,
    type: f.type,
    drift_score: f.drift_score,
    psi: f.psi?.value ?? null,
    p_value: p,
    drifted: f.drifted,
    flagged_by: f.flagged_by,
    outside_band: b === null || f.drift_score === null ? null : f.drift_score < b.low || f.drift_score > b.high,
    error: f.error,
  };
}

/** The label's statistics decided like a feature's; joins the verdict with thresholds.label_drift. */
export function decideLabel(stats: FeatureStats, t: Thresholds): WindowFeatureResult {
  return windowFeature(decide([stats], t).features[0], null);
}

export function labelDriftReport(column: string, stats: FeatureStats, t: Thresholds): LabelDriftReport {
  return { column, feature: decideLabel(stats, t), in_verdict: t.label_drift === true };
}

export function decideWindows(
  analysis: WindowsAnalysis,
  config: Config,
  tests?: StatRegistry,
): { windows: WindowResult[]; windowing: WindowingReport } {
  const t = config.thresholds;
  const band = analysis.expectedVariation;
  const windows = analysis.windows.map((w, index): WindowResult => {
    const tooSmall = w.rows < config.windows.min_rows;
    // The window's F1 drop joins its verdict as the whole run's does (rule 'performance').
    const perf = performanceSignal(w.performance ?? null);
    const d = w.stats.length ? decide(w.stats, t, perf, tests ?? testsIn(w.stats), w.dataQuality, null) : null;
    const label = w.labelStats ? decideLabel(w.labelStats, t) : null;
    const reasons: VerdictRule[] = d ? d.summary.reasons.map((r) => r.rule) : [];
    if (label?.drifted && t.label_drift === true) reasons.push('label_drift');
    return {
      index,
      label: w.label,
      source: w.source,
      start: w.start,
      end: w.end,
      file: w.file,
      rows: w.rows,
      too_small: tooSmall,
      timestamp_missing: w.timestampMissing,
      timestamp_unparsable: w.timestampUnparsable,
      features: d ? d.features.map((f) => windowFeature(f, band)) : [],
      drifted: d?.summary.drifted ?? 0,
      drifted_fraction: d?.summary.drifted_fraction ?? 0,
      overall_drift: !tooSmall && reasons.length > 0,
      reasons,
      label_drift: label,
      prediction_drift: w.predictionStats.length ? decide(w.predictionStats, t).features.map((f) => windowFeature(f, null)) : [],
      performance: windowPerformanceOf(w.performance, t),
    };
  });
  const first = windows.find((w) => w.overall_drift) ?? null;
  return {
    windows,
    windowing: {
      source: analysis.source,
      column: analysis.column,
      every: analysis.every,
      timezone: analysis.timezone,
      min_rows: config.windows.min_rows,
      timestamps: {
        missing: analysis.timestamps.missing,
        unparsable: analysis.timestamps.unparsable,
        unparsable_examples: analysis.timestamps.unparsableExamples,
      },
      windows: windows.length,
      too_small: windows.filter((w) => w.too_small).length,
      drifted_windows: windows.filter((w) => w.overall_drift).length,
      first_drift: first?.label ?? null,
      message: first ? `drift since ${first.label}` : 'no window drifted',
      expected_variation: band,
      note: analysis.note,
    },
  };
}
