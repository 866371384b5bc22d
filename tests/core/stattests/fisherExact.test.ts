import { describe, expect, it } from 'vitest';
import { fisherExact2x2, phiCoefficient } from '../../../src/core/stattests/fisherExact.ts';
import { chiSquareHomogeneity } from '../../../src/core/stattests/chisquare.ts';
import { driftFixtures, statClose } from './driftFixtures.ts';

describe("fisherExact2x2 = scipy.stats.fisher_exact(table, alternative='two-sided')", () => {
  for (const c of driftFixtures.fisher) {
    it(`${c.name} ${JSON.stringify(c.table)}: odds ratio and p-value (1e-6)`, () => {
      const [[a, b], [cc, d]] = c.table;
      const r = fisherExact2x2(a, b, cc, d);
      if (c.expected.odds_ratio === null) expect(r.odds_ratio).toBeNull();
      else expect(statClose(r.odds_ratio!, c.expected.odds_ratio)).toBe(true);
      expect(Math.abs(r.p_value - c.expected.p_value), `p ${r.p_value} vs ${c.expected.p_value}`).toBeLessThanOrEqual(1e-6);
    });
  }

  it("its effect size, phi, is Cramér's V of the table: sqrt(X^2 / n)", () => {
    const x2 = chiSquareHomogeneity([8, 2], [1, 5]).statistic;
    expect(phiCoefficient(8, 2, 1, 5)).toBeCloseTo(Math.sqrt(x2 / 16), 14);
    expect(phiCoefficient(0, 0, 3, 4)).toBe(0);
  });

  it('a zero margin gives p 1 (scipy: nan, 1)', () => {
    expect(fisherExact2x2(0, 0, 3, 4).p_value).toBe(1);
  });
});
