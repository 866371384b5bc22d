import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/core/adjustPValues.ts';
import fixture from '../fixtures/adjust_pvalues.json';

// Reference values: scripts/make_adjust_fixtures.py (scipy.stats.false_discovery_control, numpy).
// Tolerance 1e-12 absolute: both sides do the same few float operations; measured max error 1.1e-16.
describe('adjustPValues(p, method)', () => {
  for (const [i, c] of fixture.cases.entries()) {
    it(`adjustPValues(p, 'fdr_bh') matches scipy false_discovery_control, case ${i}`, () => {
      const got = adjustPValues(c.p, 'fdr_bh');
      got.forEach((v, j) => expect(v).toBeCloseTo(c.fdr_bh[j], 12));
    });
    it(`adjustPValues(p, 'bonferroni') matches min(1, p*m), case ${i}`, () => {
      const got = adjustPValues(c.p, 'bonferroni');
      got.forEach((v, j) => expect(v).toBeCloseTo(c.bonferroni[j], 12));
    });
  }
  it("adjustPValues(p, 'none') returns a copy", () => {
    const p = [0.1, 0.2];
    const q = adjustPValues(p, 'none');
    expect(q).toEqual(p);
    expect(q).not.toBe(p);
  });
  it('adjustPValues leaves NaN entries out of m', () => {
    expect(adjustPValues([0.01, NaN, 0.02], 'bonferroni')).toEqual([0.02, NaN, 0.04]);
  });
});
