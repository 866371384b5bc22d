/**
 * The per-feature scores as CSV: one row per feature, the same numbers as the JSON report.
 */
import { booleanCell, numberCell, textCell } from './csvCell.ts';
import type { FeatureReport, PerformanceReport, Report } from './types.ts';
import type { Decided, DriftTest, ResultField, StatRegistry } from '../stattests/driftTest.ts';
import { STAT_TESTS, resultOf } from '../stattests/registry.ts';
import { testsIn } from '../stattests/testChoice.ts';

/** The CSV fields of each test, in registry order (ks_statistic, ..., chi2_dof, psi). */
function csvFields(tests: StatRegistry): { test: DriftTest<object>; field: ResultField<object>; column: string }[] {
  return tests.flatMap((test) => test.fields.flatMap((field) => (field.csv ? [{ test, field, column: field.csv }] : [])));
}

/** The header: feature, type, drift_score, drifted, flagged_by, each test's CSV fields, the missing shares, error. */
export function scoresCsvColumns(tests: StatRegistry = STAT_TESTS): string[] {
  return [
    'feature',
    'type',
    'drift_score',
    'drifted',
    'flagged_by',
    ...csvFields(tests).map((c) => c.column),
    'missing_reference',
    'missing_production',
    'error',
  ];
}

export const SCORES_CSV_COLUMNS: readonly string[] = scoresCsvColumns();

/**
 * @returns a header row plus one row per feature, in report order; lines end with "\n" (also the last).
 *          With a performance section, the prediction-drift entries follow as feature rows
 *          ("prediction:probability", "prediction:class"), then one row per metric and side:
 *          feature "performance:<metric>", type "baseline" | "production" | "estimated", the value in
 *          drift_score; "performance:f1_drop" (type "drop") carries drifted/flagged_by of the alert.
 *          flagged_by lists the rules separated by ";"; a test that did not run leaves its cells empty.
 *          Cells are quoted per RFC 4180 and text cells are guarded against formula injection.
 */
export function scoresCsv(report: Report, tests: StatRegistry = testsIn(report.features)): string {
  const columns = scoresCsvColumns(tests);
  const lines = [columns.join(',')];
  for (const feature of report.features) lines.push(scoresRow(feature, tests).join(','));
  if (report.performance) lines.push(...performanceRows(report.performance, tests, columns.length).map((r) => r.join(',')));
  if (report.windows) return windowLines(lines, report, columns);
  return lines.join('\n') + '\n';
}

/**
 * With windows: a first column `window`, "all" on the whole run's rows, then one row per window and
 * feature (the window's label; drift_score, drifted, flagged_by, the PSI and the main test's p-value
 * in their columns, the other test cells empty).
 */
function windowLines(lines: string[], report: Report, columns: string[]): string {
  const out = [`window,${lines[0]}`, ...lines.slice(1).map((l) => `all,${l}`)];
  const at = new Map(columns.map((c, i) => [c, i]));
  for (const w of report.windows!) {
    for (const f of w.features) {
      const row = new Array<string>(columns.length).fill('');
      row[0] = textCell(f.name);
      row[1] = textCell(f.type);
      row[2] = numberCell(f.drift_score);
      row[3] = booleanCell(f.drifted);
      row[4] = textCell(f.flagged_by.join(';'));
      if (at.has('psi')) row[at.get('psi')!] = numberCell(f.psi);
      const pColumn = f.type === 'numerical' ? 'ks_p_value' : 'chi2_p_value_adjusted';
      if (at.has(pColumn)) row[at.get(pColumn)!] = numberCell(f.p_value);
      if (f.error !== null) row[columns.length - 1] = textCell(f.error);
      out.push(`${textCell(w.label)},${row.join(',')}`);
    }
  }
  return out.join('\n') + '\n';
}

const PERFORMANCE_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'f1_macro', 'f1_weighted', 'roc_auc'] as const;

function performanceRows(p: PerformanceReport, tests: StatRegistry, width: number): string[][] {
  const rows = p.prediction_drift.map((f) => scoresRow(f, tests));
  const blank = (n: number) => new Array<string>(n).fill('');
  const metricRow = (metric: string, side: string, value: number | null | undefined, drifted: boolean | null = null, flag = '') => [
    textCell(`performance:${metric}`),
    textCell(side),
    numberCell(value),
    drifted === null ? '' : booleanCell(drifted),
    textCell(flag),
    ...blank(width - 5),
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

function scoresRow(f: FeatureReport, tests: StatRegistry): string[] {
  return [
    textCell(f.name),
    textCell(f.type),
    numberCell(f.drift_score),
    booleanCell(f.drifted),
    textCell(f.flagged_by.join(';')),
    ...csvFields(tests).map(({ test, field }) => {
      const r = resultOf(test, f);
      const v = r ? field.value(r as Decided<object>, f) : null;
      return field.format === 'text' ? textCell(v === null ? null : String(v)) : numberCell(v as number | null);
    }),
    numberCell(f.missing.reference),
    numberCell(f.missing.production),
    textCell(f.error),
  ];
}
