import { describe, expect, it } from 'vitest';
import { andersonKSamp2 } from '../../../src/core/stattests/andersonDarling.ts';
import { driftFixtures, sorted, statClose } from './driftFixtures.ts';

describe("andersonKSamp2 = scipy.stats.anderson_ksamp([x, y], variant='midrank')", () => {
  for (const c of driftFixtures.numerical.filter((c) => c.expected.anderson_statistic !== undefined)) {
    it(`${c.name}: statistic 1e-9 relative, p-value 1e-6 (floored 0.001, capped 0.25)`, () => {
      const r = andersonKSamp2(sorted(c.ref), sorted(c.prod));
      expect(statClose(r.statistic, c.expected.anderson_statistic!), `A ${r.statistic} vs ${c.expected.anderson_statistic}`).toBe(true);
      expect(Math.abs(r.p_value - c.expected.anderson_p_value!), `p ${r.p_value} vs ${c.expected.anderson_p_value}`).toBeLessThanOrEqual(
        1e-6,
      );
      const bound = r.p_value === 0.001 ? 'floor' : r.p_value === 0.25 ? 'cap' : 'interpolated';
      expect(r.p_value_bound).toBe(bound);
    });
  }

  it('refuses a single distinct value, as scipy', () => {
    expect(() => andersonKSamp2(Float64Array.of(2, 2), Float64Array.of(2, 2, 2))).toThrow(/more than one distinct/);
  });
});
