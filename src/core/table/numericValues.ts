import type { ParsedColumn } from './types.ts';

/**
 * The column as numbers for a numerical feature: missing cells and cells that are not numbers are
 * NaN (pandas `to_numeric(errors="coerce")`). The column's own array (not a copy); for a text column
 * (its `values` is null) a new array of NaNs.
 */
export function numericValues(col: ParsedColumn): Float64Array {
  return col.values ?? new Float64Array(columnRows(col)).fill(NaN);
}

/** Row `row` of the column as a number: NaN when missing or not a number. */
export function numberAt(col: ParsedColumn, row: number): number {
  return col.values === null ? NaN : col.values[row];
}

/** The column's rows (the length of its `values`, or of its `codes` when it has no values). */
export function columnRows(col: ParsedColumn): number {
  return (col.values ?? col.codes!).length;
}

/**
 * `values` as a column keeps it: null for a text column, one with codes and no cell that is a number
 * (missing + nonNumeric = rows; see ParsedColumn.values).
 */
export function keptValues(values: Float64Array, codes: Int32Array | null, missing: number, nonNumeric: number): Float64Array | null {
  return codes !== null && missing + nonNumeric === values.length ? null : values;
}

/** Cells that are NaN in {@link numericValues}: missing plus non-numeric. */
export function numericMissing(col: ParsedColumn): number {
  return col.missing + col.nonNumeric;
}
