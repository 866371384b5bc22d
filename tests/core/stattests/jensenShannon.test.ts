import { describe, expect, it } from 'vitest';
import { jensenShannonDistance } from '../../../src/core/stattests/jensenShannon.ts';
import { hellingerDistance } from '../../../src/core/stattests/hellinger.ts';
import { driftFixtures, statClose } from './driftFixtures.ts';

describe('jensenShannonDistance = scipy.spatial.distance.jensenshannon (base e); hellingerDistance as numpy', () => {
  for (const c of driftFixtures.binned) {
    it(`${c.name}: JS and Hellinger to 1e-9 relative`, () => {
      const js = jensenShannonDistance(c.ref_counts, c.prod_counts);
      const h = hellingerDistance(c.ref_counts, c.prod_counts);
      expect(statClose(js, c.expected.jensenshannon), `JS ${js} vs ${c.expected.jensenshannon}`).toBe(true);
      expect(statClose(h, c.expected.hellinger), `H ${h} vs ${c.expected.hellinger}`).toBe(true);
    });
  }

  it('disjoint supports reach the maxima sqrt(ln 2) and 1', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(hellingerDistance([1, 0], [0, 1])).toBeCloseTo(1, 15);
  });

  it('refuses different bins or an empty side', () => {
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/same bins/);
    expect(() => hellingerDistance([0, 0], [1, 2])).toThrow(/non-empty/);
  });
});
