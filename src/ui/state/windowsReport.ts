/**
 * The windows part of the dashboard's report, as the CLI's report.windows, report.windowing and
 * report.label_drift (src/node/runWindows.ts). The windows are analysed AND decided in the analysis
 * worker (a year of daily windows is thousands of per-feature results: moving them to the page and
 * deciding them there took most of a second of main-thread time); a threshold edit asks the worker to
 * decide again (Run.decideWindows). The label drift, one feature, is decided here with the live thresholds.
 */
import type { Config, Thresholds } from '../../core/config/types.ts';
import type { FeatureStats, Report } from '../../core/report/types.ts';
import { labelDriftReport } from '../../core/windows/api.ts';
import type { WindowingReport, WindowResult } from '../../core/windows/types.ts';

/** The worker's decided windows for one set of thresholds. */
export interface DecidedWindows {
  windows: WindowResult[];
  windowing: WindowingReport;
  /** thresholdsKey() of the thresholds they were decided with. */
  key: string;
}

export interface WindowsOutcome {
  decided: DecidedWindows;
  /** The windows analysis' warnings (added to report.warnings). */
  warnings: string[];
  /** The label tested like a feature (target drift), threshold-free; null without a label. */
  labelStats: FeatureStats | null;
}

/** Identifies a set of thresholds (decided windows are used only with the thresholds they were decided with). */
export function thresholdsKey(t: Thresholds): string {
  return JSON.stringify(t);
}

/**
 * `report` with the windows, the windowing, the windows' warnings and the label drift added (a drifted
 * label joins the verdict when thresholds.label_drift is true), as the CLI adds them; `report` itself
 * without windows. While the worker re-decides after a threshold edit the windows are left out, never
 * shown with the old thresholds' flags.
 */
export function withWindows(report: Report, outcome: WindowsOutcome | null, config: Config, thresholds: Thresholds): Report {
  if (!outcome) return report;
  const out: Report = { ...report, warnings: [...report.warnings, ...outcome.warnings] };
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
  if (outcome.decided.key === thresholdsKey(thresholds)) {
    out.windows = outcome.decided.windows;
    out.windowing = outcome.decided.windowing;
  }
  return out;
}
