/**
 * Profiles whose numbers are sketches (forced with a small profile.max_exact_values): the report's
 * `approximate` bounds hold against the raw samples on seeded data of many shapes, the warning says
 * so, and a categorical outcome on sketched numbers is one InputError.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseProfiles, numericalFromSummaries } from '../../../src/core/profile/analyseProfiles.ts';
import { binCounts } from '../../../src/core/profile/profileStats.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { psiBins } from '../../../src/core/stattests/psiBins.ts';
import { ksFromStatistic } from '../../../src/core/stattests/ks.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../../src/core/samples/normalSampler.ts';
import { loadKernels, type DriftKernels } from '../../../src/kernels/index.ts';
import { oneColumnTable } from './oneColumnTable.ts';
import { profileOf } from './profileOf.ts';

let k: DriftKernels;
beforeAll(async () => {
  k = await loadKernels();
});

type Shape = 'normal' | 'lognormal' | 'heavy ties' | 'point masses' | 'disjoint' | 'uniform';
const SHAPES: Shape[] = ['normal', 'lognormal', 'heavy ties', 'point masses', 'disjoint', 'uniform'];

/** n draws of `shape`, moved by `shift` (production); missing cells now and then. */
function sample(shape: Shape, n: number, seed: number, shift: number): (number | null)[] {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  return Array.from({ length: n }, () => {
    if (random() < 0.02) return null;
    switch (shape) {
      case 'normal':
        return normal() + shift;
      case 'lognormal':
        return Math.exp(normal() + shift);
      case 'heavy ties':
        return Math.round((normal() + shift) * 10) / 10;
      case 'point masses': {
        const u = random();
        return u < 0.45 ? -1 : u < 0.6 + shift / 10 ? 0 : normal() * 3 + shift;
      }
      case 'disjoint':
        return normal() + (shift > 0 ? 100 : 0);
      case 'uniform':
        return random() * (1 + shift);
    }
  });
}

const finite = (cells: (number | null)[]) => Float64Array.from(cells.filter((c): c is number => c !== null));

describe('sketch-mode results stay within their stated bounds of the raw samples', () => {
  const cases: { shape: Shape; nRef: number; nProd: number; maxExact: [number, number]; seed: number }[] = [];
  let seed = 1;
  for (const shape of SHAPES) {
    for (const [nRef, nProd] of [
      [60, 40],
      [3000, 2000],
      [20_000, 30_000],
      [150_000, 5_000],
    ]) {
      // Both sides sketched, or only the reference, or only the production.
      for (const maxExact of [
        [16, 16],
        [16, 1e9],
        [1e9, 16],
      ] as [number, number][]) {
        cases.push({ shape, nRef, nProd, maxExact, seed: seed++ });
      }
    }
  }

  for (const c of cases) {
    it(`${c.shape}, ${c.nRef} vs ${c.nProd}, max_exact_values ${c.maxExact.join('/')} (seed ${c.seed})`, () => {
      const refCells = sample(c.shape, c.nRef, c.seed, 0);
      const prodCells = sample(c.shape, c.nProd, c.seed + 1000, 0.3);
      const ref = profileOf(oneColumnTable('ref.csv', refCells), c.maxExact[0]);
      const prod = profileOf(oneColumnTable('prod.csv', prodCells), c.maxExact[1]);
      const sketched = [ref, prod].map((p) => p.columns[0].numbers.mode === 'sketch');
      const config = defaultConfig();
      config.columns.numerical = ['x'];
      const a = analyseProfiles(ref, prod, config);
      const s = a.stats[0];
      if (s.type !== 'numerical') throw new Error('numerical expected');
      const raw = k.numerical(finite(refCells), finite(prodCells), config.psi.bins);
      if (!sketched.some(Boolean)) {
        // Few distinct values (a small point-mass sample): both sides stayed exact, so nothing is approximate.
        expect(s.approximate).toBeUndefined();
        expect(s.ks!.statistic).toBe(raw.d);
        return;
      }
      const bound = s.approximate!;
      expect(bound).toBeDefined();
      expect(a.warnings.some((w) => w.startsWith('column "x": its numbers come from a profile sketch'))).toBe(true);

      // KS: D within the bound of the raw samples' D; the raw p-value inside the stated range.
      expect(s.n).toEqual({ reference: raw.nRef, production: raw.nProd });
      expect(Math.abs(s.ks!.statistic - raw.d)).toBeLessThanOrEqual(bound.ks_statistic_bound + 1e-12);
      const rawP = ksFromStatistic(raw.d, raw.nRef, raw.nProd).p_value;
      expect(rawP).toBeGreaterThanOrEqual(bound.ks_p_value_range[0] - 1e-12);
      expect(rawP).toBeLessThanOrEqual(bound.ks_p_value_range[1] + 1e-12);
      // A sketch never compacted is exact (bound 0); the bound is the sum of the sides' rank errors.
      expect(bound.ks_statistic_bound).toBeLessThan(0.04);

      // PSI: each side's bin shares within the bound of the raw sample's shares of the same bins.
      const kernel = numericalFromSummaries(ref.columns[0].numbers, prod.columns[0].numbers, config.psi.bins);
      const { thresholds } = psiBins(kernel.quantiles);
      expect(s.psi!.reference_counts).toEqual(Array.from(kernel.refCounts));
      for (const [cells, counts] of [
        [refCells, s.psi!.reference_counts],
        [prodCells, s.psi!.production_counts],
      ] as const) {
        const exact = profileOf(oneColumnTable('raw.csv', cells), 1e9).columns[0].numbers;
        const rawCounts = binCounts(exact, thresholds);
        const n = finite(cells).length;
        counts.forEach((count, i) => expect(Math.abs(count / n - rawCounts[i] / n)).toBeLessThanOrEqual(bound.psi_bin_share_bound + 1e-12));
      }
    });
  }

  it('the bounds are not vacuous: a large compacted sketch has a positive bound and an error below it', () => {
    const refCells = sample('normal', 150_000, 7, 0);
    const prodCells = sample('normal', 150_000, 8, 0.05);
    const a = analyseProfiles(
      profileOf(oneColumnTable('ref.csv', refCells), 16),
      profileOf(oneColumnTable('prod.csv', prodCells), 16),
      defaultConfig(),
    );
    const s = a.stats[0];
    if (s.type !== 'numerical') throw new Error('numerical expected');
    expect(s.approximate!.ks_statistic_bound).toBeGreaterThan(0.01);
    expect(s.approximate!.psi_bin_share_bound).toBeGreaterThan(0.01);
    const [low, high] = s.approximate!.ks_p_value_range;
    expect(low).toBeLessThanOrEqual(s.ks!.p_value);
    expect(high).toBeGreaterThanOrEqual(s.ks!.p_value);
  });
});

describe('sketched numbers and categories', () => {
  const cells = Array.from({ length: 500 }, (_, i) => i % 100);
  it('a columns.categorical override on sketched numbers is one InputError naming profile.max_exact_values', () => {
    const config = defaultConfig();
    config.columns.categorical = ['x'];
    const ref = profileOf(oneColumnTable('ref.csv', cells), 50);
    const prod = profileOf(oneColumnTable('prod.csv', cells), 1e9);
    expect(() => analyseProfiles(ref, prod, config)).toThrow(
      /^column "x" is categorical \(override: columns.categorical\) but the profile of ref.csv keeps its numbers as a sketch \(at least \d+ distinct values\), without counts per value; make the profile again with a larger profile.max_exact_values/,
    );
  });
  it('a max_categorical_unique above the sketch threshold: the same InputError; below it: numerical', () => {
    const config = defaultConfig();
    config.columns.max_categorical_unique = 1000;
    const ref = profileOf(oneColumnTable('ref.csv', cells), 50);
    const prod = profileOf(oneColumnTable('prod.csv', cells), 50);
    expect(() => analyseProfiles(ref, prod, config)).toThrow(/keeps its numbers as a sketch.*profile.max_exact_values/);
    config.columns.max_categorical_unique = 20;
    const s = analyseProfiles(ref, prod, config).stats[0];
    expect(s.type).toBe('numerical');
    expect(s.type_reason).toMatch(/^numeric, \d+ distinct values > 20$/);
  });
});
