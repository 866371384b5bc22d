import { describe, expect, it } from 'vitest';
import { mulberry32, mulberry32First } from '../../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../../src/core/samples/normalSampler.ts';
import { pickWeighted } from '../../../src/core/samples/pickWeighted.ts';
import { randomPoisson } from '../../../src/core/samples/randomPoisson.ts';

const draws = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('mulberry32(seed)', () => {
  it('mulberry32 gives the sequence of an independent Python port (scripts/mulberry32_reference.py)', () => {
    const expected: [number, number[]][] = [
      [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
      [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
      [2 ** 32 - 1, [0.8964226141106337, 0.189478256739676, 0.7156526781618595]],
    ];
    for (const [seed, values] of expected) expect(draws(3, mulberry32(seed))).toEqual(values);
  });

  it('mulberry32First(seed) is the first draw of mulberry32(seed), for any seed', () => {
    for (const seed of [0, 1, 42, 0x6b6c6c, 2 ** 31, 2 ** 32 - 1, 2 ** 32 + 5, -3, 0x9e3779b9 * 7]) {
      expect(mulberry32First(seed)).toBe(mulberry32(seed)());
    }
  });

  it('stays in [0, 1) with mean 1/2 (n = 1e5: standard error 9e-4, tolerance 5e-3)', () => {
    const xs = draws(100_000, mulberry32(7));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(5e-3);
  });
});

describe('normalSampler(random)', () => {
  it('normalSampler draws N(0, 1) (n = 1e5: standard errors 3.2e-3 and 2.2e-3, tolerance 0.015)', () => {
    const xs = draws(100_000, normalSampler(mulberry32(1)));
    expect(Math.abs(mean(xs))).toBeLessThan(0.015);
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(0.015);
    // Share within one sd: 0.6827 for a normal (binomial standard error 1.5e-3, tolerance 0.008).
    expect(Math.abs(xs.filter((x) => Math.abs(x) < 1).length / xs.length - 0.6827)).toBeLessThan(0.008);
  });
});

describe('randomPoisson(random, lambda)', () => {
  it('randomPoisson has mean and variance lambda (n = 1e5, lambda 1.5: standard error 3.9e-3, tolerance 0.02)', () => {
    const random = mulberry32(3);
    const xs = draws(100_000, () => randomPoisson(random, 1.5));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(Math.abs(mean(xs) - 1.5)).toBeLessThan(0.02);
    expect(Math.abs(sd(xs) ** 2 - 1.5)).toBeLessThan(0.05);
  });
});

describe('pickWeighted(random, weights)', () => {
  it('pickWeighted picks categories in proportion to their weights (n = 1e5, tolerance 0.01 ~ 7 standard errors)', () => {
    const random = mulberry32(5);
    const picks = Array.from({ length: 100_000 }, () => pickWeighted(random, { a: 2, b: 1, c: 1 }));
    const share = (k: string) => picks.filter((x) => x === k).length / picks.length;
    expect(Math.abs(share('a') - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(share('c') - 0.25)).toBeLessThan(0.01);
    expect(pickWeighted(() => 0.999999, { a: 1, b: 0 })).toBe('a');
  });
});
