/**
 * A reference profile: a mergeable per-column summary of a CSV, enough for the drift tests to compare
 * production data with it instead of re-reading the raw reference.
 */
import type { KllSketch } from './kllSketch.ts';

/**
 * Numerical columns stay exact (sorted distinct values with counts) up to this many distinct values.
 * 100_000 distinct values cost 1.6 MB (two Float64Arrays). Measured on the 1M-row bench reference
 * (gen_data.py --rows 1000000 --num 10, values rounded to 4 decimals): the integer, count and
 * low-spread columns have 51, 73, 57k, 82k, 90k and 98k distinct values and stay exact; the
 * continuous wide-range ones (normal sd 10, lognormal, uniform 0-100, gamma: 173k-999k distinct) go to
 * the sketch. Keeping those exact would need the whole column (up to 16 MB each: a 40 MB profile
 * instead of 5.3 MB for the ten columns), for a KS D that the sketch gets within 1% of.
 */
export const DEFAULT_MAX_EXACT_VALUES = 100_000;

interface ColumnBase {
  name: string;
  /** Rows seen, missing included. */
  rows: number;
  missing: number;
}

/**
 * Exact counts per category, in order of first appearance (merging appends the other side's new
 * categories after this side's), the order the table layer uses for category codes.
 */
export interface CategoricalProfile extends ColumnBase {
  kind: 'categorical';
  counts: Map<string, number>;
}

/** Distinct non-missing values ascending (-0 stored as 0) with their counts (positive integers). */
export interface ExactNumericalProfile extends ColumnBase {
  kind: 'numerical';
  mode: 'exact';
  values: Float64Array;
  counts: Float64Array;
}

export interface SketchNumericalProfile extends ColumnBase {
  kind: 'numerical';
  mode: 'sketch';
  sketch: KllSketch;
}

export type NumericalProfile = ExactNumericalProfile | SketchNumericalProfile;
export type ColumnProfile = CategoricalProfile | NumericalProfile;

export interface ProfileConfig {
  maxExactValues: number;
  /** KLL parameter; 200 gives a 1.65% normalized rank error bound (99% confidence). */
  sketchK: number;
  /** Seeds the sketch's compaction coin flips (deterministic output). */
  sketchSeed: number;
}

export interface Profile {
  config: ProfileConfig;
  columns: ColumnProfile[];
}

/** Non-missing values of a numerical profile. */
export function valueCount(p: NumericalProfile): number {
  return p.rows - p.missing;
}
