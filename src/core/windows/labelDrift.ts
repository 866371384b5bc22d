/** Target drift for the whole run: report.label_drift (see addLabelDrift). */
import type { Config } from '../config/types.ts';
import type { Report } from '../report/types.ts';
import type { Profile } from '../profile/columnProfile.ts';
import { profileFeatureStats } from '../profile/analyseProfiles.ts';
import { testsOfRun } from '../stattests/testChoice.ts';
import { labelPlan } from './analyseWindows.ts';
import { labelDriftReport } from './decideWindows.ts';

/**
 * report.label_drift: the label tested like a feature (target drift) when both sides have it; with
 * thresholds.label_drift: true a drifted label joins the verdict (rule 'label_drift').
 */
export function addLabelDrift(report: Report, reference: Profile, production: Profile | null, config: Config): void {
  const label = config.data.label_column;
  if (label === null || production === null) return;
  const plan = labelPlan(reference, production, config);
  if (plan === null) return;
  const r = reference.columns.find((c) => c.name === label)!;
  const p = production.columns.find((c) => c.name === label)!;
  const stats = profileFeatureStats(plan, r, p, reference.rows, production.rows, config, testsOfRun(config));
  report.label_drift = labelDriftReport(label, stats, config.thresholds);
  if (report.label_drift.in_verdict && report.label_drift.feature.drifted) {
    report.summary.overall_drift = true;
    report.summary.reasons.push({
      rule: 'label_drift',
      message: `the label ${label} drifted (target drift; thresholds.label_drift is true)`,
    });
  }
}
