import { readFileSync } from 'node:fs';

/** Reference values written by scripts/make_special_fixtures.py (scipy 1.17.1, numpy 2.4.6). */
export interface SpecialFixture {
  versions: { python: string; numpy: string; scipy: string };
  kstwo_sf: { d: number; n: number; sf: number }[];
  ks_2samp: { n1: number; n2: number; d: number; p: number; method: 'exact' | 'asymp'; sample: string }[];
  gammaincc: { a: number; x: number; q: number }[];
  chi2_sf: { x: number; dof: number; sf: number }[];
  gammaln: { a: number; gammaln: number }[];
  smirnov: { n: number; x: number; sf: number }[];
}

export const fixture: SpecialFixture = JSON.parse(readFileSync(new URL('../../fixtures/special.json', import.meta.url), 'utf8'));

/** |actual - expected| / |expected| (absolute error when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  const err = Math.abs(actual - expected);
  return expected === 0 ? err : err / Math.abs(expected);
}

/**
 * The KS p-value tolerance: within 1e-6 absolute or 1e-4 relative. A p-value only ever meets a threshold
 * such as 0.05, so this is ample; the tests that measure the series' real error hold 1e-9 relative.
 */
export function withinKsTolerance(actual: number, expected: number): boolean {
  const err = Math.abs(actual - expected);
  return err <= 1e-6 || err <= 1e-4 * Math.abs(expected);
}

/** Largest relative error over cases, with the case it came from (for failure messages). */
export function worstRelative<T>(
  cases: T[],
  actual: (c: T) => number,
  expected: (c: T) => number,
  floor = 1e-300,
): { err: number; at: T | undefined; got: number } {
  let worst = { err: 0, at: undefined as T | undefined, got: Number.NaN };
  for (const c of cases) {
    const e = expected(c);
    if (Math.abs(e) < floor) continue;
    const a = actual(c);
    const err = Number.isNaN(a) ? Infinity : relativeError(a, e);
    if (err > worst.err || Number.isNaN(err)) worst = { err, at: c, got: a };
  }
  return worst;
}
