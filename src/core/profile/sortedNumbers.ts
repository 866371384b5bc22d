/**
 * A whole column's numbers sorted once and kept with the column (a WeakMap keyed by the column, so
 * they go when the table goes): the run with windows profiles the production table (exact counts:
 * the sorted numbers run-length counted) and then tests every window in one pass over the same sorted
 * numbers (windows/windowColumnStats.ts), each carrying its row to find its window. Sorting once
 * instead of twice; the sorted numbers are the same either way (a sort by value, -0 as 0).
 */
import type { ParsedColumn } from '../table/types.ts';
import { sortTagged } from '../windows/sortTagged.ts';

/** The column's numbers (NaN left out, -0 as 0) ascending, and the row of each (equal numbers in row order). */
export interface SortedNumbers {
  values: Float64Array;
  rows: Int32Array;
}

const kept = new WeakMap<ParsedColumn, SortedNumbers>();
let scratchValues = new Float64Array(0);
let scratchRows = new Int32Array(0);

/** Sorts the first `rows` cells of the column's numbers and keeps them with the column. */
export function sortAndKeepNumbers(col: ParsedColumn, rows: number, n: number): SortedNumbers {
  const values = new Float64Array(n);
  const at = new Int32Array(n);
  const v = col.values;
  let k = 0;
  for (let r = 0; v !== null && r < rows; r++) {
    const x = v[r];
    if (x !== x) continue;
    values[k] = x === 0 ? 0 : x;
    at[k++] = r;
  }
  if (scratchValues.length < n) {
    scratchValues = new Float64Array(n);
    scratchRows = new Int32Array(n);
  }
  sortTagged(values, at, scratchValues.subarray(0, n), scratchRows.subarray(0, n));
  const s = { values, rows: at };
  kept.set(col, s);
  return s;
}

/** The numbers kept by sortAndKeepNumbers for this column, if any. */
export function keptNumbers(col: ParsedColumn): SortedNumbers | undefined {
  return kept.get(col);
}
