/**
 * Distinct-value helpers for column typing. NaN (missing) is never a value; 0 and -0 are one value.
 */

/**
 * Values below this that are non-negative integers (codes, counts, 0/1 labels) are tracked in a
 * flag array instead of a Set: a column of 2M small integers is counted in a few ms, not ~50.
 */
export const SMALL_INTEGERS = 1 << 16;

/** True for 0, 1, ..., SMALL_INTEGERS - 1 (and -0, which is 0). */
export function isSmallInteger(v: number): boolean {
  return v >>> 0 === v && v < SMALL_INTEGERS;
}

/**
 * Number of distinct non-NaN values over all arrays, exact up to `cap`; `cap + 1` means "more".
 * @example countDistinctNumbers([Float64Array.of(1, 2, NaN), Float64Array.of(2, 3)], 100) // 3
 */
export function countDistinctNumbers(arrays: readonly Float64Array[], cap: number): number {
  let small: Uint8Array | null = null;
  let seen: Set<number> | null = null;
  let count = 0;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // isSmallInteger(v) on the int32 `j` (NaN and out-of-range numbers fail j === v, negatives the
      // shift): half the time of testing and indexing with the double on a column of 2M small integers.
      const j = v | 0;
      if (j === v && j >>> 0 < SMALL_INTEGERS) {
        small ??= new Uint8Array(SMALL_INTEGERS);
        if (small[j] !== 0) continue;
        small[j] = 1;
      } else {
        if (v !== v) continue;
        seen ??= new Set<number>();
        if (seen.has(v)) continue;
        seen.add(v);
      }
      if (++count > cap) return cap + 1;
    }
  }
  return count;
}

/**
 * The first distinct non-NaN values in order of appearance, at most `cap + 1` of them (0 and -0 as
 * one, the first seen kept): countDistinctNumbers over such arrays of several files gives the count
 * over the files' values, for any cap up to `cap`.
 */
export function distinctNumbersUpTo(values: Float64Array, cap: number): Float64Array {
  const small = new Uint8Array(SMALL_INTEGERS);
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; i < values.length && out.length <= cap; i++) {
    const v = values[i];
    const j = v | 0;
    if (j === v && j >>> 0 < SMALL_INTEGERS) {
      if (small[j] !== 0) continue;
      small[j] = 1;
    } else {
      if (v !== v || seen.has(v)) continue;
      seen.add(v);
    }
    out.push(v);
  }
  return Float64Array.from(out);
}

/** True when every non-NaN value is an integer. */
export function isIntegerValued(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && Math.floor(v) !== v) return false;
  }
  return true;
}

/**
 * True when no non-NaN value repeats. Cheap first: a strictly monotonic column (row ids) is unique;
 * a duplicate among the first 4096 values answers early; otherwise a sorted copy is scanned.
 */
export function allNumbersUnique(values: Float64Array): boolean {
  let increasing = true;
  let decreasing = true;
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (last === last) {
      if (v <= last) increasing = false;
      if (v >= last) decreasing = false;
      if (!increasing && !decreasing) break;
    }
    last = v;
  }
  if (increasing || decreasing) return true;
  const prefix = new Set<number>();
  for (let i = 0; i < values.length && prefix.size < 4096; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (prefix.has(v)) return false;
    prefix.add(v);
  }
  const sorted = values.filter((v) => v === v).sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

/** The distinct non-NaN values, in order of first appearance. */
export function distinctNumbers(values: Float64Array): Set<number> {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) seen.add(v);
  }
  return seen;
}
