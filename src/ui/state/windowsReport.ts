/**
 * The windows part of the dashboard's report: the run's threshold-free windows analysis (made in the
 * analysis worker) decided with the live thresholds, as the CLI's report.windows, report.windowing and
 * report.label_drift (src/node/runWindows.ts). Deciding is cheap (flags and verdicts only), so a
 * threshold edit re-decides every window at once.
 */
import type { Config, Thresholds } from '../../core/config/types.ts';
import type { FeatureStats, Report } from '../../core/report/types.ts';
import { decideWindows, labelDriftReport, type WindowsAnalysis } from '../../core/windows/api.ts';

export interface WindowsOutcome {
  windows: WindowsAnalysis;
  /** The label tested like a feature (target drift), threshold-free; null without a label. */
  labelStats: FeatureStats | null;
}

/**
 * `report` with the windows, the windowing, the windows' warnings and the label drift added (a drifted
 * label joins the verdict when thresholds.label_drift is true), as the CLI adds them; `report` itself
 * when the run had no windows.
 */
export function withWindows(report: Report, outcome: WindowsOutcome | null, config: Config, thresholds: Thresholds): Report {
  if (!outcome) return report;
  const decided = decideWindows(outcome.windows, { ...config, thresholds });
  const out: Report = { ...report, warnings: [...report.warnings, ...outcome.windows.warnings] };
  const label = config.data.label_column;
  if (label !== null && outcome.labelStats) {
    out.label_drift = labelDriftReport(label, outcome.labelStats, thresholds);
    if (out.label_drift.in_verdict && out.label_drift.feature.drifted) {
      out.summary = {
        ...out.summary,
        overall_drift: true,
        reasons: [
          ...out.summary.reasons,
          { rule: 'label_drift', message: `the label ${label} drifted (target drift; thresholds.label_drift is true)` },
        ],
      };
    }
  }
  out.windows = decided.windows;
  out.windowing = decided.windowing;
  return out;
}
