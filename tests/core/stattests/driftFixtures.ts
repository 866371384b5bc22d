/**
 * Typed access to tests/fixtures/drift_tests.json, written by scripts/make_drift_test_fixtures.py from
 * scipy/numpy (the JSON records the calls and versions).
 */
import { readFileSync } from 'node:fs';

export interface NumericalDriftCase {
  name: string;
  ref: number[];
  prod: number[];
  expected: {
    wasserstein: number;
    reference_std: number;
    wasserstein_normed: number;
    cvm_statistic?: number;
    cvm_p_value?: number;
    cvm_method?: 'exact' | 'asymptotic';
    cvm_asymptotic_p_value?: number;
    anderson_statistic?: number;
    anderson_p_value?: number;
  };
}

export interface BinnedCase {
  name: string;
  ref_counts: number[];
  prod_counts: number[];
  expected: { jensenshannon: number; hellinger: number };
}

export interface FisherCase {
  name: string;
  table: [[number, number], [number, number]];
  expected: { odds_ratio: number | null; p_value: number };
}

export const driftFixtures = JSON.parse(readFileSync(new URL('../../fixtures/drift_tests.json', import.meta.url), 'utf8')) as {
  versions: { numpy: string; scipy: string };
  numerical: NumericalDriftCase[];
  binned: BinnedCase[];
  fisher: FisherCase[];
};

/** Sorted copy as a Float64Array (the tests read ascending samples). */
export const sorted = (x: number[]): Float64Array => Float64Array.from(x).sort();

/** 1e-9 relative (absolute below 1). */
export const statClose = (got: number, want: number): boolean => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
