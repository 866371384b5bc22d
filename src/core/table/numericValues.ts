import type { ParsedColumn } from './types.ts';

/**
 * The column as numbers for a numerical feature: missing cells and cells that are not numbers are
 * NaN (pandas `to_numeric(errors="coerce")`). The array is the column's own (not a copy).
 */
export function numericValues(col: ParsedColumn): Float64Array {
  return col.values;
}

/** Cells that are NaN in {@link numericValues}: missing plus non-numeric. */
export function numericMissing(col: ParsedColumn): number {
  return col.missing + col.nonNumeric;
}
