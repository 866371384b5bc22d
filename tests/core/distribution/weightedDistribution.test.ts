import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numericalDistribution } from '../../../src/core/distribution/numericalDistribution.ts';
import { weightedDistribution, type WeightedSample } from '../../../src/core/distribution/weightedDistribution.ts';
import { profileDistribution } from '../../../src/core/distribution/profileDistribution.ts';
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import { KllSketch } from '../../../src/core/profile/kllSketch.ts';
import type { FeatureStats } from '../../../src/core/report/types.ts';

/** Distinct values ascending with counts, as an exact profile holds a column (independent of the code under test). */
function counted(xs: readonly number[]): WeightedSample {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  const values = [...m.keys()].sort((a, b) => a - b);
  return { values: Float64Array.from(values), counts: Float64Array.from(values.map((v) => m.get(v)!)) };
}

const ints = fc.array(fc.integer({ min: -30, max: 300 }), { minLength: 1, maxLength: 80 });
const reals = fc.array(fc.double({ min: 0.001, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 80 });

describe('weightedDistribution(feature, ref, prod)', () => {
  it('weightedDistribution on values with counts equals numericalDistribution on the rows they count (integers and reals)', () => {
    for (const gen of [ints, reals]) {
      fc.assert(
        fc.property(gen, gen, fc.integer({ min: 2, max: 60 }), (a, b, maxPoints) => {
          const raw = numericalDistribution('x', Float64Array.from(a), Float64Array.from(b), { maxPoints });
          const w = weightedDistribution('x', counted(a), counted(b), { maxPoints });
          expect(w.histogram).toEqual(raw.histogram);
          expect(w.logHistogram).toEqual(raw.logHistogram);
          expect(w.ecdf).toEqual(raw.ecdf);
          expect(w.ks).toEqual(raw.ks);
          if (raw.skewness === null) expect(w.skewness).toBeNull();
          else expect(w.skewness!).toBeCloseTo(raw.skewness, 6);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('weightedDistribution with an empty side has no KS location and shares of 0 on that side', () => {
    const w = weightedDistribution('x', counted([1, 2, 2, 3]), { values: new Float64Array(), counts: new Float64Array() });
    expect(w.ks).toBeNull();
    expect(w.histogram.production.every((s) => s === 0)).toBe(true);
    expect(w.ecdf.production).toEqual({ x: [], y: [] });
  });
});

function exactColumn(name: string, xs: readonly number[]): ColumnProfile {
  const { values, counts } = counted(xs);
  return column(name, xs.length, { mode: 'exact', values, counts });
}

function column(name: string, rows: number, numbers: ColumnProfile['numbers']): ColumnProfile {
  return {
    name,
    rows,
    missing: 0,
    numbers,
    integerValued: false,
    numbersUnique: false,
    nonNumeric: 0,
    firstNonNumeric: null,
    text: new Map(),
    textDistinct: 0,
  };
}

function profile(columns: ColumnProfile[]): Profile {
  return {
    config: { maxExactValues: 1000, sketchK: 200, sketchSeed: 1 },
    rows: columns[0].rows,
    columns,
    warnings: [],
    source: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const numericalStats = (name: string) => ({ name, type: 'numerical' }) as unknown as FeatureStats;

describe('profileDistribution(name, stats, reference, production)', () => {
  it('profileDistribution on exact profiles equals numericalDistribution on the raw columns, with no approximate mark', () => {
    const a = Array.from({ length: 500 }, (_, i) => Math.round(100 * Math.sin(i)) / 10 + 0); // + 0: -0 reads as 0, as a profile stores it
    const b = Array.from({ length: 400 }, (_, i) => Math.round(100 * Math.cos(i)) / 10 + 1);
    const d = profileDistribution('x', [numericalStats('x')], profile([exactColumn('x', a)]), profile([exactColumn('x', b)]));
    const raw = numericalDistribution('x', Float64Array.from(a), Float64Array.from(b));
    if (d?.kind !== 'numerical' || raw.skewness === null) throw new Error('expected a numerical view with a skewness');
    expect({ ...d, skewness: 0 }).toEqual({ ...raw, skewness: 0 });
    expect(d.skewness).toBeCloseTo(raw.skewness, 9);
    expect(d && 'approximate' in d).toBe(false);
  });

  it('profileDistribution with a sketched reference marks the view approximate and keeps the ECDF within the bound of the raw one', () => {
    const n = 60_000;
    const a = Array.from({ length: n }, (_, i) => ((i * 7919) % 10007) / 7);
    const sketch = new KllSketch(200, 7);
    for (const x of a) sketch.update(x);
    const b = a.slice(0, 3000).map((x) => x + 50);
    const d = profileDistribution(
      'x',
      [numericalStats('x')],
      profile([column('x', n, { mode: 'sketch', sketch, distinctAtLeast: 1000 })]),
      profile([exactColumn('x', b)]),
    );
    if (d?.kind !== 'numerical') throw new Error('expected a numerical view');
    expect(d.approximate).toBe(sketch.errorBound);
    expect(d.approximate).toBeGreaterThan(0);
    const sorted = [...a].sort((p, q) => p - q);
    const share = (x: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo / n;
    };
    d.ecdf.reference.x.forEach((x, i) => expect(Math.abs(d.ecdf.reference.y[i] - share(x))).toBeLessThanOrEqual(d.approximate!));
  });

  it('profileDistribution of a name not analysed is null', () => {
    expect(profileDistribution('y', [numericalStats('x')], profile([exactColumn('x', [1])]), profile([exactColumn('x', [2])]))).toBeNull();
  });
});
