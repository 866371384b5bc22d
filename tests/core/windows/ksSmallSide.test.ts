import { describe, expect, it } from 'vitest';
import { ksFromNumbers } from '../../../src/core/profile/profileStats.ts';
import type { NumberSummary } from '../../../src/core/profile/columnProfile.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

/** A seeded generator (mulberry32). */
function exact(xs: number[]): NumberSummary {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const values = Float64Array.from([...counts.keys()].sort((a, b) => a - b));
  return { mode: 'exact', values, counts: Float64Array.from(values, (v) => counts.get(v)!) } as NumberSummary;
}

/** The textbook two-sample D: both ECDFs at every point of either sample (count / n). */
function bruteD(a: number[], b: number[]): number {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  const cdf = (s: number[], x: number) => {
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (s[m] <= x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  let d = 0;
  for (const x of [...sa, ...sb]) d = Math.max(d, Math.abs(cdf(sa, x) / sa.length - cdf(sb, x) / sb.length));
  return d;
}

describe('ksFromNumbers with one side much smaller (galloping path)', () => {
  it('equals the textbook D bit for bit, either side small, with ties, shifts and disjoint ranges', () => {
    const r = rng(7);
    const cases: [number[], number[]][] = [];
    for (let k = 0; k < 60; k++) {
      const big = Array.from({ length: 2000 + Math.floor(r() * 3000) }, () => Math.round(r() * 1000 * (k % 3 === 0 ? 0.1 : 1)) / 10);
      const shift = [0, 3, -5, 200, -200][k % 5];
      const small = Array.from({ length: 5 + Math.floor(r() * 200) }, () => Math.round((r() * 100 + shift) * 10) / 10);
      cases.push([big, small]);
    }
    for (const [big, small] of cases) {
      expect(ksFromNumbers(exact(big), exact(small)).statistic).toBe(bruteD(big, small));
      expect(ksFromNumbers(exact(small), exact(big)).statistic).toBe(bruteD(small, big));
    }
  });

  it('reads the last of repeated step values (as sketch steps may have) like the merge does', () => {
    const r = rng(11);
    for (let k = 0; k < 30; k++) {
      const big = Array.from({ length: 3000 }, () => Math.round(r() * 500) / 10);
      // Steps with each value split in two entries: the same sample, repeated points.
      const small = Array.from({ length: 40 }, () => Math.round(r() * 500 + k) / 10).sort((a, b) => a - b);
      const values = Float64Array.from(small.flatMap((v) => [v, v]));
      const counts = Float64Array.from(small.flatMap(() => [0.5, 0.5]));
      const repeated = { mode: 'exact', values, counts } as NumberSummary;
      expect(ksFromNumbers(exact(big), repeated).statistic).toBeCloseTo(bruteD(big, small), 12);
      expect(ksFromNumbers(repeated, exact(big)).statistic).toBeCloseTo(bruteD(small, big), 12);
    }
  });

  it('equals the textbook D bit for bit against a big side large enough for the sampled index (>= 32768 points)', () => {
    const r = rng(23);
    for (let k = 0; k < 12; k++) {
      // Distinct-heavy big sides of 40k-100k points (with some ties), windows of a few to a few thousand values.
      const big = Array.from({ length: 40_000 + Math.floor(r() * 60_000) }, () => Math.round(r() * 1e7) / 1e3);
      const shift = [0, 0.5, -3000, 12000, -12000, 5000][k % 6];
      const small = Array.from({ length: 1 + Math.floor(r() * (k % 2 ? 3000 : 30)) }, () => Math.round((r() * 10_000 + shift) * 1e3) / 1e3);
      // Some small values equal to big points (ties across the sides) and at the extremes.
      for (let i = 0; i < small.length; i += 3) small[i] = big[Math.floor(r() * big.length)];
      small.push(Math.min(...big.slice(0, 100)), Math.max(...big.slice(-100)));
      const a = exact(big);
      const b = exact(small);
      expect(ksFromNumbers(a, b).statistic).toBe(bruteD(big, small));
      expect(ksFromNumbers(b, a).statistic).toBe(bruteD(small, big));
      // Again on the same (now indexed) big side.
      expect(ksFromNumbers(a, b).statistic).toBe(bruteD(big, small));
    }
  });
});
