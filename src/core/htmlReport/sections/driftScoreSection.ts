import { html } from '../html.ts';
import { driftScoreChart } from '../svg/driftScoreChart.ts';
import type { ReportSection } from './section.ts';

export const driftScoreSection: ReportSection = {
  id: 'drift-scores',
  title: 'Drift score per feature',
  render: ({ report }) =>
    report.features.length
      ? html`<figure>${driftScoreChart(report.features, report.settings.thresholds.ks_statistic)}</figure>`
      : html`<p>No feature was analysed.</p>`,
};
