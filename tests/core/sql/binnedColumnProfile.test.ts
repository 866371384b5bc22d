/**
 * binnedColumnProfile builds a binned column's profile from its groups' arrays; it must equal what
 * profileFromQueryResult builds from the same groups as result rows (binnedRows), field for field.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import { binnedColumnProfile } from '../../../src/core/sql/binnedColumnProfile.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { binnedRows, type BinGroups } from '../../../src/core/sql/duckdbScanPlan.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';

/** Groups (k, p, n, hi, nan, ni) of one column, in the query's order (by key; the NULL key last). */
function groups(list: [number, number, number, number, number, number][]): BinGroups {
  const col = (j: number) => Float64Array.from(list, (g) => g[j]);
  return { k: col(0), p: col(1), n: col(2), hi: col(3), nan: col(4), ni: col(5), at: list.map((_, i) => i) };
}

function viaRows(g: BinGroups, rows: number, infinities: { t: string; n: number; fr: number }[], distinct: number, nonInteger: number) {
  const { meta } = profileQuery({ dialect: duckdbDialect, table: 't', columns: ['x'], missingValues: [''], numberColumns: ['x'] });
  const result: ResultRow[] = [
    { col: -2, kind: 'q', num: null, txt: meta.query_id, n: 0, first_row: null, points: 0 },
    { col: -1, kind: 'r', num: null, txt: null, n: rows, first_row: null, points: 0 },
    ...binnedRows(0, g, infinities, distinct, nonInteger),
  ];
  return profileFromQueryResult(result, meta, { file: 'f', config: DEFAULT_PROFILE_CONFIG }).columns[0];
}

describe('binnedColumnProfile', () => {
  it('equals the profile of its groups as result rows: missing, infinities, point masses, single cells, -0', () => {
    const g = groups([
      [-5000, 0, 40, -3.5, 0, 40],
      [-10, 0, 1, -0.25, 0, 1],
      [0, 0, 7, -0, 0, 0],
      // A point mass's own group (odd p): all at its edge, however many.
      [100, 1, 500, 2, 0, 0],
      [100, 2, 30, 2.5, 0, 30],
      [9000, 2, 12, 1e300, 0, 0],
      // The NULL key: NULL and NaN cells and infinities.
      [NaN, 0, 9, Infinity, 0, 0],
      [NaN, 2, 4, NaN, 1, 0],
    ]);
    const infinities = [
      { t: 'inf', n: 6, fr: 17 },
      { t: '-inf', n: 2, fr: 3 },
    ];
    const rows = 40 + 1 + 7 + 500 + 30 + 12 + 13;
    for (const [distinct, nonInteger] of [
      [123_456, 0],
      [5, 71],
      [2, 0],
    ]) {
      const fast = binnedColumnProfile('x', rows, g, infinities, distinct, nonInteger, 'f');
      expect(fast).toEqual(viaRows(g, rows, infinities, distinct, nonInteger));
      expect(Object.keys(fast)).toEqual(Object.keys(viaRows(g, rows, infinities, distinct, nonInteger)));
    }
    const fast = binnedColumnProfile('x', rows, g, infinities, 10, 0, 'f');
    expect(fast.missing).toBe(5);
    expect(fast.firstNonNumeric).toEqual({ row: 3, value: '-inf' });
    // The largest group not known to be one number: 40 of the 590 numbers.
    expect(fast.binned?.bound).toBe(40 / 590);
  });

  it('a result whose counts do not add up to the rows is one error naming the file', () => {
    const g = groups([[1, 0, 10, 1.5, 0, 10]]);
    expect(() => binnedColumnProfile('x', 11, g, [], 5, 0, 'prod.parquet')).toThrow(/prod\.parquet: does not match its query.*"x"/);
    expect(() => binnedColumnProfile('x', 10, g, [], 5, 0, 'f')).not.toThrow();
  });
});
