import type { PerformanceReport } from '../core/report/types.ts';
import { stripControl } from './printSummary.ts';

/** A few lines on the performance section for the terminal. */
export function formatPerformance(p: PerformanceReport): string {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(3));
  const avg = p.f1_average === 'binary' ? `F1 (positive class "${p.positive_class}")` : 'macro F1';
  const lines = [`performance (${p.source}; ${p.label_column === null ? 'no label column' : `label "${p.label_column}"`}):`];
  if (p.class_mapping !== null) lines.push(`  class mapping: ${p.class_mapping}`);
  const base = p.baseline;
  if (base) lines.push(`  baseline    accuracy ${f(base.accuracy)}  ${avg} ${f(base.f1)}  ROC AUC ${f(base.roc_auc)}  (${base.rows} rows)`);
  if (p.note) lines.push(`  note: ${p.note}`);
  if (p.positive_class !== null && !base) lines.push(`  positive class "${p.positive_class}" (${p.positive_class_reason})`);
  const prod = p.production;
  if (!prod) {
    if (base) lines.push('  production  no labels and no probabilities: not measured');
  } else if (prod.estimated) {
    const band = prod.f1_band ? ` [${f(prod.f1_band[0])}, ${f(prod.f1_band[1])}]` : '';
    const unreliable = prod.estimate_reliable ? '' : ', UNRELIABLE';
    lines.push(
      `  production  ESTIMATED (CBPE, no labels${unreliable}): accuracy ${f(prod.accuracy)} [${f(prod.accuracy_band[0])}, ${f(prod.accuracy_band[1])}]  ${avg} ${f(prod.f1)}${band}`,
    );
    if (!prod.estimate_reliable) {
      lines.push('  UNRELIABLE ESTIMATE: do not trust the estimated numbers; the data show its assumptions fail:');
      for (const r of prod.reliability_reasons) lines.push(`    - ${r}`);
    } else lines.push('  estimate reliability checks passed (rows, predicted share, score shift, reference vs calibration)');
    const ls = prod.label_shift_adjusted;
    if (ls) {
      lines.push(
        `  if only the class shares changed (label shift, EM): positive share ${f(ls.reference_positive_share)} -> ${f(ls.production_positive_share)}, accuracy ${f(ls.accuracy)} [${f(ls.accuracy_band[0])}, ${f(ls.accuracy_band[1])}]  ${avg} ${f(ls.f1)} [${f(ls.f1_band[0])}, ${f(ls.f1_band[1])}]`,
      );
    }
  } else lines.push(`  production  accuracy ${f(prod.accuracy)}  ${avg} ${f(prod.f1)}  ROC AUC ${f(prod.roc_auc)}  (${prod.rows} rows)`);
  const fromUnreliable = prod?.estimated && !prod.estimate_reliable ? ', from an unreliable estimate' : '';
  if (p.f1_drop !== null)
    lines.push(`  F1 drop ${f(p.f1_drop)} (threshold ${p.f1_drop_threshold}${fromUnreliable})${p.alert ? ': ALERT' : ''}`);
  const drifted = p.prediction_drift.filter((d) => d.drifted).map((d) => d.name);
  // A profile reference keeps no rows to score, so prediction drift was not tested at all (not "none").
  const tested = p.prediction_drift.length > 0;
  lines.push(`  prediction drift: ${!tested ? 'not tested (no reference rows)' : drifted.length ? drifted.join(', ') : 'none'}`);
  // Class labels (in the mapping too), column and file names come from untrusted files and models.
  return lines.map(stripControl).join('\n');
}
