/**
 * The rows of the dashboard's baseline-vs-production metrics table. Binary models show the scores on
 * the positive class; multiclass models the macro and weighted averages. A label-free estimate (CBPE)
 * has accuracy and F1 only, each with its 95% band; the other cells stay empty.
 */
import type { PerformanceReport } from '../../core/report/types.ts';

export interface MetricRow {
  label: string;
  baseline: number | null;
  production: number | null;
  /** The estimate's 95% band, when production is estimated. */
  band: [number, number] | null;
}

type Measured = NonNullable<PerformanceReport['baseline']>;
type Key = 'rows' | 'accuracy' | 'precision' | 'recall' | 'f1' | 'precision_weighted' | 'recall_weighted' | 'f1_weighted' | 'roc_auc';

/** Empty when there is nothing measured or estimated (no label column: prediction drift only). */
export function metricRows(p: PerformanceReport): MetricRow[] {
  if (!p.baseline && !p.production) return [];
  const binary = p.positive_class !== null;
  const keys: [Key, string][] = binary
    ? [
        ['accuracy', 'Accuracy'],
        ['precision', 'Precision'],
        ['recall', 'Recall'],
        ['f1', 'F1'],
        ['roc_auc', 'ROC AUC'],
      ]
    : [
        ['accuracy', 'Accuracy'],
        ['precision', 'Precision (macro)'],
        ['recall', 'Recall (macro)'],
        ['f1', 'F1 (macro)'],
        ['precision_weighted', 'Precision (weighted)'],
        ['recall_weighted', 'Recall (weighted)'],
        ['f1_weighted', 'F1 (weighted)'],
        ['roc_auc', 'ROC AUC (one-vs-rest, macro)'],
      ];
  keys.push(['rows', 'Labelled rows']);
  const prod = p.production;
  return keys.map(([key, label]) => {
    const baseline = p.baseline ? p.baseline[key] : null;
    if (!prod) return { label, baseline, production: null, band: null };
    if (!prod.estimated) return { label, baseline, production: (prod as Measured)[key], band: null };
    if (key === 'accuracy') return { label, baseline, production: prod.accuracy, band: prod.accuracy_band };
    if (key === 'f1') return { label, baseline, production: prod.f1, band: prod.f1_band };
    if (key === 'rows') return { label: 'Rows (labelled / scored)', baseline, production: prod.rows, band: null };
    return { label, baseline, production: null, band: null };
  });
}
