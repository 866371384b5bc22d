/**
 * Typed access to tests/fixtures/stattests.json, written by scripts/make_stattest_fixtures.py from
 * numpy/scipy (the JSON records the exact calls and versions). NaN is stored as null.
 */
import { readFileSync } from 'node:fs';

export interface NumericalCase {
  name: string;
  ref: (number | null)[];
  prod: (number | null)[];
  bins: number;
  epsilon: number;
  expected: {
    n_ref: number;
    n_prod: number;
    statistic: number;
    p_value: number;
    method: 'exact' | 'asymp';
    quantiles: number[];
    /** PSI bins by the point-mass rule (psi_bins in the script): numpy's inner edges when distinct. */
    psi_edges: number[];
    psi_point_masses: number[];
    ref_counts: number[];
    prod_counts: number[];
    psi: number;
  };
}

export interface CategoricalCase {
  name: string;
  ref: (string | null)[];
  prod: (string | null)[];
  epsilon: number;
  expected: {
    categories: string[];
    ref_counts: number[];
    prod_counts: number[];
    statistic: number;
    p_value: number;
    dof: number;
    psi: number;
    total_variation: number;
    only_in_production: string[];
    only_in_reference: string[];
  };
}

export interface QuantileCase {
  name: string;
  sorted: number[];
  q: number[];
  expected: number[];
}

export interface StatTestFixtures {
  versions: { numpy: string; scipy: string };
  numerical: NumericalCase[];
  categorical: CategoricalCase[];
  quantiles: QuantileCase[];
}

export const fixtures: StatTestFixtures = JSON.parse(readFileSync(new URL('../../fixtures/stattests.json', import.meta.url), 'utf8'));

export const toFloat64 = (xs: (number | null)[]): Float64Array => Float64Array.from(xs, (v) => v ?? NaN);

/**
 * Dictionary-encodes two string samples the way the table layer does: one shared category list (in
 * order of first appearance, deliberately unsorted) and Int32 codes with -1 for missing.
 */
export function encodeCategories(ref: (string | null)[], prod: (string | null)[]) {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const encode = (xs: (string | null)[]) =>
    Int32Array.from(xs, (v) => {
      if (v === null) return -1;
      let c = index.get(v);
      if (c === undefined) {
        c = categories.length;
        index.set(v, c);
        categories.push(v);
      }
      return c;
    });
  const prodCodes = encode(prod);
  const refCodes = encode(ref);
  return { refCodes, prodCodes, categories };
}

/** p-value tolerance of the acceptance criteria: within 1e-6 absolute or 1e-4 relative. */
export function pValueClose(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-6 || Math.abs(actual - expected) <= 1e-4 * Math.abs(expected);
}
