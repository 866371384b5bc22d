/**
 * The per-feature scores as CSV: one row per feature, the same numbers as the JSON report.
 */
import { booleanCell, numberCell, textCell } from './csvCell.ts';
import type { FeatureReport, Report } from './types.ts';

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
 *          flagged_by lists the rules separated by ";"; a test that did not run leaves its cells empty.
 *          Cells are quoted per RFC 4180 and text cells are guarded against formula injection.
 */
export function scoresCsv(report: Report): string {
  const lines = [SCORES_CSV_COLUMNS.join(',')];
  for (const feature of report.features) lines.push(scoresRow(feature).join(','));
  return lines.join('\n') + '\n';
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
