/**
 * DuckDbSession.numbers: a numeric result as Float64Arrays, NULL as NaN, equal to the same result read
 * value by value (rows), across chunks (DuckDB hands results over 2,048 rows at a time) and for DOUBLE
 * columns (copied whole, NULLs from the validity bitmap) as for other numeric types (read item by item).
 */
import { describe, expect, it } from 'vitest';
import { useEngines } from './sqlEngines.ts';

const engines = useEngines(['duckdb']);

describe('numbers', () => {
  it('equals the rows read one by one: NULL as NaN, NaN, infinities, -0, across chunks and types', async () => {
    // NULL at bits 0, 31, 32, 63, 64 of a chunk's bitmap and elsewhere, in a column with NaN and infinities.
    const sql =
      `SELECT CAST(i AS DOUBLE) AS i, ` +
      `CASE WHEN i % 7 = 0 OR i % 2048 IN (31, 32, 63, 64) THEN NULL WHEN i % 11 = 0 THEN 'NaN'::DOUBLE ` +
      `WHEN i % 13 = 0 THEN 'inf'::DOUBLE WHEN i % 17 = 0 THEN '-inf'::DOUBLE WHEN i % 19 = 0 THEN '-0'::DOUBLE ELSE i / 3.0 END AS x, ` +
      `CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(i AS INTEGER) END AS n, CAST(1.5 AS DOUBLE) AS one ` +
      `FROM range(5000) t(i) ORDER BY i`;
    const { rows, columns } = await engines.duckdb.numbers(sql);
    const expected = await engines.duckdb.rows(sql);
    expect(rows).toBe(5000);
    expect(Object.keys(columns)).toEqual(['i', 'x', 'n', 'one']);
    for (const k of ['i', 'x', 'n', 'one'])
      expect(Array.from(columns[k]), k).toEqual(expected.map((r) => (r[k] === null ? NaN : Number(r[k]))));
    // -0 stays -0, and the NULLs landed where the rows have them.
    expect(Object.is(columns.x[19], -0)).toBe(true);
    expect([0, 31, 32, 63, 64, 2048 + 31].map((i) => Number.isNaN(columns.x[i]))).toEqual([true, true, true, true, true, true]);
    expect(Number.isNaN(columns.x[37])).toBe(false);
  });
});
