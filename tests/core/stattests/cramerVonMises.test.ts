import { describe, expect, it } from 'vitest';
import { cramerVonMises2Samp, cvmAsymptoticPValue } from '../../../src/core/stattests/cramerVonMises.ts';
import { driftFixtures, sorted, statClose } from './driftFixtures.ts';

const pClose = (got: number, want: number) => Math.abs(got - want) <= 1e-6;

describe("cramerVonMises2Samp = scipy.stats.cramervonmises_2samp(x, y, method='auto')", () => {
  for (const c of driftFixtures.numerical.filter((c) => c.expected.cvm_statistic !== undefined)) {
    it(`${c.name}: statistic 1e-9 relative, p-value 1e-6 (${c.expected.cvm_method})`, () => {
      const r = cramerVonMises2Samp(sorted(c.ref), sorted(c.prod));
      expect(r.method).toBe(c.expected.cvm_method);
      expect(statClose(r.statistic, c.expected.cvm_statistic!), `T ${r.statistic} vs ${c.expected.cvm_statistic}`).toBe(true);
      expect(pClose(r.p_value, c.expected.cvm_p_value!), `p ${r.p_value} vs ${c.expected.cvm_p_value}`).toBe(true);
    });
  }

  for (const c of driftFixtures.numerical.filter((c) => c.expected.cvm_asymptotic_p_value !== undefined)) {
    it(`${c.name}: the asymptotic route on small samples too (method='asymptotic')`, () => {
      const r = cramerVonMises2Samp(sorted(c.ref), sorted(c.prod));
      const p = cvmAsymptoticPValue(r.statistic, c.ref.length, c.prod.length);
      expect(pClose(p, c.expected.cvm_asymptotic_p_value!), `p ${p} vs ${c.expected.cvm_asymptotic_p_value}`).toBe(true);
    });
  }

  it('needs two values a side, as scipy', () => {
    expect(() => cramerVonMises2Samp(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(/at least two/);
  });
});
