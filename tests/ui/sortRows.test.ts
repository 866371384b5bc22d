import { describe, expect, it } from 'vitest';
import { sortRows } from '../../src/ui/format/sortRows.ts';
import { filterRows } from '../../src/ui/format/filterRows.ts';
import { formatNumber } from '../../src/ui/format/formatNumber.ts';

describe('sortRows(rows, key, direction)', () => {
  const rows = [{ v: 2 }, { v: null }, { v: 10 }, { v: NaN }, { v: 1 }];
  it('sortRows(rows, key, "ascending") sorts numbers numerically with missing values last', () => {
    expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.v)).toEqual([1, 2, 10, null, NaN]);
  });
  it('sortRows(rows, key, "descending") keeps missing values last', () => {
    expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.v)).toEqual([10, 2, 1, null, NaN]);
  });
  it('sortRows(rows, key, "ascending") orders strings naturally (f2 before f10)', () => {
    expect(sortRows(['f10', 'f2', 'a'], (r) => r, 'ascending')).toEqual(['a', 'f2', 'f10']);
  });
});

describe('filterRows(rows, text, query)', () => {
  it('filterRows(rows, text, query) matches case-insensitive substrings and keeps all rows for ""', () => {
    const rows = ['Age', 'page_views', 'income'];
    expect(filterRows(rows, (r) => r, 'AGE')).toEqual(['Age', 'page_views']);
    expect(filterRows(rows, (r) => r, '  ')).toEqual(rows);
  });
});

describe('formatNumber(x)', () => {
  it('formatNumber(x) shows 4 significant digits, exponents for tiny values and a dash for null', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(3.2e-12)).toBe('3.20e-12');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(0)).toBe('0');
  });
});
