/**
 * A whole column's numbers sorted once and kept with the column (a WeakMap keyed by the column, so
 * they go when the table goes): the run with windows profiles the production table (exact counts:
 * the sorted numbers run-length counted) and then tests every window in one pass over the same sorted
 * numbers (windows/windowColumnStats.ts), each carrying its row to find its window. Sorting once
 * instead of twice; the sorted numbers are the same either way (a sort by value, -0 as 0). When the
 * windows are cut before the profile (the window of each row known), each number carries its window
 * instead of its row: the windows' pass then reads the tags in order, where looking up the window of
 * each row in sorted order (a random read per number) cost about as much as its merge.
 */
import type { ParsedColumn } from '../table/types.ts';
import { sortTagged } from '../windows/sortTagged.ts';

/** The column's numbers (NaN left out, -0 as 0) ascending, each with a tag (equal numbers in row order). */
export interface SortedNumbers {
  values: Float64Array;
  /** The row of each number; its window (windowOf[row]) when `windowOf` is set. */
  tags: Int32Array;
  /** The window of each row the tags were taken from, or null: the tags are rows. */
  windowOf: Int32Array | null;
}

const kept = new WeakMap<ParsedColumn, SortedNumbers>();
let scratchValues = new Float64Array(0);
let scratchRows = new Int32Array(0);

/**
 * Sorts the first `rows` cells of the column's numbers and keeps them with the column, each tagged
 * with its row, or with windowOf[row] when `windowOf` is given.
 */
export function sortAndKeepNumbers(col: ParsedColumn, rows: number, n: number, windowOf: Int32Array | null = null): SortedNumbers {
  const values = new Float64Array(n);
  const at = new Int32Array(n);
  const v = col.values;
  let k = 0;
  if (windowOf !== null && windowOf.length < rows) throw new RangeError('sortAndKeepNumbers: windowOf is shorter than the column');
  if (windowOf === null)
    for (let r = 0; v !== null && r < rows; r++) {
      const x = v[r];
      if (x !== x) continue;
      values[k] = x === 0 ? 0 : x;
      at[k++] = r;
    }
  else
    for (let r = 0; v !== null && r < rows; r++) {
      const x = v[r];
      if (x !== x) continue;
      values[k] = x === 0 ? 0 : x;
      at[k++] = windowOf[r];
    }
  if (scratchValues.length < n) {
    scratchValues = new Float64Array(n);
    scratchRows = new Int32Array(n);
  }
  sortTagged(values, at, scratchValues.subarray(0, n), scratchRows.subarray(0, n));
  const s = { values, tags: at, windowOf };
  kept.set(col, s);
  return s;
}

/** The numbers kept by sortAndKeepNumbers for this column, if any. */
export function keptNumbers(col: ParsedColumn): SortedNumbers | undefined {
  return kept.get(col);
}
