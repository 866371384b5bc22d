export type SortValue = number | string | boolean | null | undefined;
export type SortDirection = 'ascending' | 'descending';

/**
 * A sorted copy of `rows` by `key(row)`: numbers numerically, strings by locale, booleans true first when
 * descending; null/undefined/NaN always last whatever the direction. Stable for equal keys.
 */
export function sortRows<T>(rows: readonly T[], key: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      const ma = isMissing(a.k);
      const mb = isMissing(b.k);
      if (ma || mb) return ma === mb ? a.i - b.i : ma ? 1 : -1;
      return sign * compare(a.k!, b.k!) || a.i - b.i;
    })
    .map((x) => x.row);
}

function isMissing(v: SortValue): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

function compare(a: number | string | boolean, b: number | string | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
