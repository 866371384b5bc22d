/**
 * formatPerformance: the terminal lines for a label-free estimate, reliable or not. An unreliable
 * estimate says so on the production line and lists the reasons under it.
 */
import { describe, expect, it } from 'vitest';
import { formatPerformance } from '../../src/cli/formatPerformance.ts';
import type { EstimatedPerformance, PerformanceReport } from '../../src/core/report/types.ts';

function report(estimate: Partial<EstimatedPerformance>): PerformanceReport {
  const production: EstimatedPerformance = {
    estimated: true,
    method: 'CBPE',
    rows: 100,
    accuracy: 0.8,
    f1: 0.6,
    accuracy_band: [0.75, 0.85],
    f1_band: [0.5, 0.7],
    confusion_matrix: [
      [60, 10],
      [10, 20],
    ],
    calibration: 'isotonic on the labelled reference (1000 rows; 5-fold cross-fitted for the reliability checks)',
    band_method: 'sampling of the unknown labels plus the calibration uncertainty',
    estimate_reliable: true,
    reliability_reasons: [],
    label_shift_adjusted: null,
    ...estimate,
  };
  return {
    source: 'columns pred, proba',
    label_column: 'y',
    classes: ['0', '1'],
    class_mapping: null,
    positive_class: '1',
    positive_class_reason: 'default',
    f1_average: 'binary',
    baseline: null,
    production,
    note: null,
    warnings: [],
    f1_drop: 0.1,
    f1_drop_threshold: 0.05,
    alert: true,
    prediction_drift: [],
  };
}

describe('formatPerformance with a label-free estimate', () => {
  it('reliable: the estimate with its bands and the passed checks, no UNRELIABLE', () => {
    const text = formatPerformance(report({}));
    expect(text).toContain(
      '  production  ESTIMATED (CBPE, no labels): accuracy 0.800 [0.750, 0.850]  F1 (positive class "1") 0.600 [0.500, 0.700]',
    );
    expect(text).toContain('estimate reliability checks passed');
    expect(text).not.toMatch(/unreliable/i);
  });

  it('unreliable: UNRELIABLE on the production line, every reason on its own line, the F1 drop marked', () => {
    const reasons = [
      'only 40 labelled reference rows: the calibration needs at least 500',
      'the probability of class "1" shifted (KS distance 0.300, more than 0.1)',
    ];
    const text = formatPerformance(report({ estimate_reliable: false, reliability_reasons: reasons }));
    const lines = text.split('\n');
    expect(lines).toContain(
      '  production  ESTIMATED (CBPE, no labels, UNRELIABLE): accuracy 0.800 [0.750, 0.850]  F1 (positive class "1") 0.600 [0.500, 0.700]',
    );
    const at = lines.indexOf('  UNRELIABLE ESTIMATE: do not trust the estimated numbers; the data show its assumptions fail:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(reasons.map((r) => `    - ${r}`));
    expect(text).toContain('F1 drop 0.100 (threshold 0.05, from an unreliable estimate): ALERT');
  });

  it('the label-shift-adjusted estimate on its own line, after the headline', () => {
    const text = formatPerformance(
      report({
        label_shift_adjusted: {
          method: 'EM prior adjustment (Saerens, Latinne & Decaestecker 2002)',
          reference_positive_share: 0.3,
          production_positive_share: 0.5,
          accuracy: 0.7,
          f1: 0.65,
          accuracy_band: [0.66, 0.74],
          f1_band: [0.6, 0.7],
        },
      }),
    );
    expect(text).toContain(
      '  if only the class shares changed (label shift, EM): positive share 0.300 -> 0.500, accuracy 0.700 [0.660, 0.740]  F1 (positive class "1") 0.650 [0.600, 0.700]',
    );
  });

  it('the class mapping of a model, on the line after the header, control characters replaced; none without one', () => {
    const mapping = "probability column i is the model's class label i (TreeEnsembleClassifier: 0, 1)";
    const lines = formatPerformance({ ...report({}), class_mapping: mapping }).split('\n');
    expect(lines[1]).toBe(`  class mapping: ${mapping}`);
    expect(formatPerformance(report({}))).not.toContain('class mapping');
    // Class labels come from the model: no terminal escapes reach the terminal.
    const esc = formatPerformance({ ...report({}), class_mapping: 'probability column i is class "i" (\u001b[2Jx, y)' });
    expect(esc).not.toContain('\u001b');
    expect(esc).toContain('(?[2Jx, y)');
  });
});
