/**
 * Metrics against scikit-learn 1.9.1 (tests/fixtures/metrics/metrics.json, scripts/make_metric_fixtures.py).
 * Tolerance 1e-9: every value is a ratio of integer counts (or a mean of such ratios), so only the last
 * bits of the division and the summation order can differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classificationMetrics, confusionMatrix, rocAuc } from '../../../src/core/metrics/index.ts';

interface Case {
  classes: string[];
  positive: string | null;
  y_true: string[];
  y_pred: string[];
  proba: number[][] | null;
  expected: Record<string, unknown> & { per_class: Record<string, Record<string, number>>; confusion_matrix: number[][] };
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/metrics/metrics.json', import.meta.url), 'utf8')) as {
  cases: Record<string, Case>;
};
const TOL = 1e-9;

function run(c: Case) {
  const idx = (v: string) => c.classes.indexOf(v);
  return classificationMetrics({
    classes: c.classes,
    yTrue: Int32Array.from(c.y_true, idx),
    yPred: Int32Array.from(c.y_pred, idx),
    proba: c.proba ? Float64Array.from(c.proba.flat()) : null,
    positive: c.positive === null ? null : idx(c.positive),
  });
}

describe('classificationMetrics(input) matches scikit-learn', () => {
  for (const [name, c] of Object.entries(fixture.cases)) {
    it(`${name}: accuracy, precision/recall/F1 (binary, macro, weighted), ROC AUC, confusion matrix, class report`, () => {
      const m = run(c);
      const e = c.expected;
      for (const key of [
        'accuracy',
        'precision',
        'recall',
        'f1',
        'precision_macro',
        'recall_macro',
        'f1_macro',
        'precision_weighted',
        'recall_weighted',
        'f1_weighted',
      ] as const) {
        expect(m[key], key).toBeCloseTo(e[key] as number, 9);
        expect(Math.abs(m[key] - (e[key] as number))).toBeLessThan(TOL);
      }
      if (e.roc_auc === null) expect(m.roc_auc).toBeNull();
      else expect(Math.abs(m.roc_auc! - (e.roc_auc as number))).toBeLessThan(TOL);
      expect(m.confusion_matrix).toEqual(e.confusion_matrix);
      expect(m.rows).toBe(e.rows);
      for (const r of m.per_class) {
        const x = e.per_class[r.class];
        expect(Math.abs(r.precision - x.precision)).toBeLessThan(TOL);
        expect(Math.abs(r.recall - x.recall)).toBeLessThan(TOL);
        expect(Math.abs(r.f1 - x['f1-score'])).toBeLessThan(TOL);
        expect(r.support).toBe(x.support);
      }
    });
  }
});

describe('rocAuc(positive, scores)', () => {
  it('rocAuc counts ties as one half and is null when a class is absent', () => {
    expect(rocAuc(Uint8Array.of(0, 1), Float64Array.of(0.5, 0.5))).toBe(0.5);
    expect(rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))).toBe(0.75);
    expect(rocAuc(Uint8Array.of(1, 1), Float64Array.of(0.1, 0.2))).toBeNull();
  });

  it('rocAuc(y, s) + rocAuc(y, -s) = 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 60 }), (rows) => {
        const y = Uint8Array.from(rows, ([b]) => (b ? 1 : 0));
        const s = Float64Array.from(rows, ([, v]) => v);
        const a = rocAuc(y, s);
        const b = rocAuc(
          y,
          s.map((v) => -v),
        );
        if (a === null) return b === null;
        return Math.abs(a + b! - 1) < 1e-12;
      }),
    );
  });
});

describe('confusionMatrix(yTrue, yPred, k)', () => {
  it('confusionMatrix sums to the row count (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))), (pairs) => {
        const m = confusionMatrix(
          Int32Array.from(pairs, ([a]) => a),
          Int32Array.from(pairs, ([, b]) => b),
          4,
        );
        return m.flat().reduce((a, b) => a + b, 0) === pairs.length;
      }),
    );
  });
});
