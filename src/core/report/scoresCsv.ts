/**
 * The per-feature scores as CSV: one row per feature, the same numbers as the JSON report.
 */
import { booleanCell, numberCell, textCell } from './csvCell.ts';
import type { FeatureReport, PerformanceReport, Report } from './types.ts';

export const SCORES_CSV_COLUMNS = [
  'feature',
  'type',
  'drift_score',
  'drifted',
  'flagged_by',
  'ks_statistic',
  'ks_p_value',
  'ks_method',
  'chi2_statistic',
  'chi2_p_value',
  'chi2_p_value_adjusted',
  'chi2_dof',
  'psi',
  'missing_reference',
  'missing_production',
  'error',
] as const;

/**
 * @returns a header row plus one row per feature, in report order; lines end with "\n" (also the last).
 *          With a performance section, the prediction-drift entries follow as feature rows
 *          ("prediction:probability", "prediction:class"), then one row per metric and side:
 *          feature "performance:<metric>", type "baseline" | "production" | "estimated", the value in
 *          drift_score; "performance:f1_drop" (type "drop") carries drifted/flagged_by of the alert.
 *          flagged_by lists the rules separated by ";"; a test that did not run leaves its cells empty.
 *          Cells are quoted per RFC 4180 and text cells are guarded against formula injection.
 */
export function scoresCsv(report: Report): string {
  const lines = [SCORES_CSV_COLUMNS.join(',')];
  for (const feature of report.features) lines.push(scoresRow(feature).join(','));
  if (report.performance) lines.push(...performanceRows(report.performance).map((r) => r.join(',')));
  return lines.join('\n') + '\n';
}

const PERFORMANCE_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'f1_macro', 'f1_weighted', 'roc_auc'] as const;

function performanceRows(p: PerformanceReport): string[][] {
  const rows = p.prediction_drift.map(scoresRow);
  const blank = (n: number) => new Array<string>(n).fill('');
  const metricRow = (metric: string, side: string, value: number | null | undefined, drifted: boolean | null = null, flag = '') => [
    textCell(`performance:${metric}`), textCell(side), numberCell(value), drifted === null ? '' : booleanCell(drifted), textCell(flag),
    ...blank(SCORES_CSV_COLUMNS.length - 5),
  ];
  const prod = p.production;
  for (const m of PERFORMANCE_METRICS) {
    if (p.baseline) rows.push(metricRow(m, 'baseline', p.baseline[m]));
    if (prod && !prod.estimated) rows.push(metricRow(m, 'production', prod[m]));
    if (prod?.estimated && (m === 'accuracy' || m === 'f1')) rows.push(metricRow(m, 'estimated', prod[m]));
  }
  if (p.f1_drop !== null) rows.push(metricRow('f1_drop', 'drop', p.f1_drop, p.alert, p.alert ? 'performance' : ''));
  return rows;
}

function scoresRow(f: FeatureReport): string[] {
  return [
    textCell(f.name),
    textCell(f.type),
    numberCell(f.drift_score),
    booleanCell(f.drifted),
    textCell(f.flagged_by.join(';')),
    numberCell(f.ks?.statistic),
    numberCell(f.ks?.p_value),
    textCell(f.ks?.method),
    numberCell(f.chi2?.statistic),
    numberCell(f.chi2?.p_value),
    numberCell(f.chi2?.p_value_adjusted),
    numberCell(f.chi2?.dof),
    numberCell(f.psi?.value),
    numberCell(f.missing.reference),
    numberCell(f.missing.production),
    textCell(f.error),
  ];
}
