/**
 * `--engine duckdb`'s scan plan (core/sql/duckdbScanPlan.ts) on Parquet files with typed columns:
 * in exact mode its profile is the one the per-cell profile query gives on the same file (NULL, NaN,
 * infinities, hostile names, texts with number shapes and markers); in binned mode each binned
 * column's CDF is exact at every bin edge and off by at most the bound it records in between.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import { duckdbDialect } from '../../../src/core/sql/duckdbDialect.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { profileFromQueryResult } from '../../../src/core/sql/queryResultProfile.ts';
import { DUCKDB_DECISION_SAMPLE, duckDbFileProfile } from '../../../src/node/duckdbFileProfile.ts';
import { MISSING, PROFILE_CONFIG } from './sqlCases.ts';
import { duckDbFileOptions, useEngines } from './sqlEngines.ts';

const dir = mkdtempSync(join(tmpdir(), 'dm-scanplan-'));
const engines = useEngines(['duckdb']);

const q = duckdbDialect.string;
const NAMES = ['d"x', 'i', "t'; DROP", 'f', 'select', 'é ü'];

/**
 * A Parquet file of `rows` rows: a DOUBLE with NULL, NaN, +-inf, a point mass at 0 and a heavy tail;
 * a BIGINT with many values; a text column of number shapes, markers and words; a FLOAT; a BIGINT of
 * few values; a DOUBLE far from 0 with a small spread (bins must not be one).
 */
async function writeParquet(name: string, rows: number): Promise<string> {
  const path = join(dir, name);
  const h = (k: number) => `((hash(i, ${k}) % 1000003) / 1000003.0)`;
  await engines.duckdb.run(
    `COPY (SELECT
      CASE WHEN i % 97 = 0 THEN NULL WHEN i % 101 = 0 THEN 'nan'::DOUBLE WHEN i % 499 = 0 THEN 'inf'::DOUBLE WHEN i % 503 = 0 THEN '-inf'::DOUBLE
           WHEN ${h(1)} < 0.3 THEN 0 ELSE round(exp(8 * ${h(2)}) - 40, 3) END AS ${duckdbDialect.ident(NAMES[0])},
      CAST(floor(${h(3)} * 1000000) AS BIGINT) - 500000 AS ${duckdbDialect.ident(NAMES[1])},
      CASE i % 9 WHEN 0 THEN ' 3.5 ' WHEN 1 THEN 'NA' WHEN 2 THEN '' WHEN 3 THEN '1e400' WHEN 4 THEN 'x' || CAST(i % 7 AS VARCHAR)
           WHEN 5 THEN NULL ELSE CAST(i % 13 AS VARCHAR) END AS ${duckdbDialect.ident(NAMES[2])},
      CAST(round(${h(4)} * 50, 2) AS FLOAT) AS ${duckdbDialect.ident(NAMES[3])},
      CAST(i % 17 AS BIGINT) AS ${duckdbDialect.ident(NAMES[4])},
      1.7e9 + round(${h(5)} * 86400, 1) AS ${duckdbDialect.ident(NAMES[5])}
    FROM range(${rows}) t(i)) TO ${q(path)} (FORMAT parquet, ROW_GROUP_SIZE 20000)`,
  );
  return path;
}

const options = (maxExactValues: number) => duckDbFileOptions(engines, { delimiter: 'auto', maxExactValues });

/** The per-cell profile query's profile of the same file (the oracle). */
async function perCellProfile(path: string): Promise<Profile> {
  const from = `read_parquet(${q(path)}, file_row_number = true)`;
  const query = profileQuery({
    dialect: duckdbDialect,
    table: 'f',
    from,
    columns: NAMES,
    numberColumns: [NAMES[0], NAMES[1], NAMES[3], NAMES[4], NAMES[5]],
    rowExpression: 'file_row_number + 1',
    missingValues: MISSING,
  });
  return profileFromQueryResult(await engines.duckdb.resultRows(query.sql), query.meta, { file: path, config: PROFILE_CONFIG });
}

/** |F_exact - F_binned| at the bin edges and at every exact value, in numbers (both CDFs right-continuous). */
function cdfGap(exact: ColumnProfile, binned: ColumnProfile): { atEdges: number; anywhere: number } {
  const e = exact.numbers;
  const b = binned.numbers;
  if (e.mode !== 'exact' || b.mode !== 'exact') throw new Error('exact summaries expected');
  // One merge of the two sorted value lists: at each point t, both CDFs up to t.
  const points = [...new Set([...e.values, ...b.values])].sort((u, v) => u - v);
  const edges = new Set(b.values);
  let i = 0;
  let j = 0;
  let fe = 0;
  let fb = 0;
  let atEdges = 0;
  let anywhere = 0;
  for (const t of points) {
    while (i < e.values.length && e.values[i] <= t) fe += e.counts[i++];
    while (j < b.values.length && b.values[j] <= t) fb += b.counts[j++];
    anywhere = Math.max(anywhere, Math.abs(fe - fb));
    if (edges.has(t)) atEdges = Math.max(atEdges, Math.abs(fe - fb));
  }
  return { atEdges, anywhere };
}

describe('--engine duckdb scan plan on Parquet', () => {
  it('exact mode: the profile of the per-cell query (all rows in the sample)', async () => {
    const path = await writeParquet('small.parquet', 30_000);
    const fast = await duckDbFileProfile(path, options(1_000_000));
    const slow = await perCellProfile(path);
    expect(fast.columns.map((c) => c.name)).toEqual(NAMES);
    expect(fast.columns.every((c) => !c.binned)).toBe(true);
    expect(fast.columns).toEqual(slow.columns);
    // The cells it must get right were there.
    const d = fast.columns[0];
    expect(d.missing).toBeGreaterThan(0);
    expect([...(d.text ?? new Map()).keys()].sort()).toEqual(['-inf', 'inf']);
    expect(fast.columns[2].firstNonNumeric).toEqual({ row: 4, value: '1e400' });
  });

  it('exact mode on a table larger than the sample: still the per-cell profile', async () => {
    const path = await writeParquet('large.parquet', DUCKDB_DECISION_SAMPLE + 100_000);
    const fast = await duckDbFileProfile(path, options(2_000_000));
    expect(fast.columns.every((c) => !c.binned)).toBe(true);
    expect(fast.columns).toEqual((await perCellProfile(path)).columns);
  }, 300_000);

  it('binned mode: exact at the edges, within the recorded bound between them', async () => {
    const path = await writeParquet('binned.parquet', DUCKDB_DECISION_SAMPLE + 100_000);
    const exact = await perCellProfile(path);
    const binned = await duckDbFileProfile(path, options(10_000));
    const names = binned.columns.filter((c) => c.binned).map((c) => c.name);
    // The many-valued typed columns go on bins; the few-valued and the text column stay exact.
    expect(names).toEqual([NAMES[0], NAMES[1], NAMES[5]]);
    for (const c of binned.columns) {
      const e = exact.columns.find((x) => x.name === c.name)!;
      expect(c.rows).toBe(e.rows);
      expect(c.missing, c.name).toBe(e.missing);
      expect(c.nonNumeric, c.name).toBe(e.nonNumeric);
      expect(c.firstNonNumeric, c.name).toEqual(e.firstNonNumeric);
      // The exact column drops its texts past the high-cardinality limit (numbers count there); bins do not.
      if (e.text !== null) expect(c.text, c.name).toEqual(e.text);
      if (!c.binned) {
        expect(c).toEqual(e);
        continue;
      }
      expect(c.integerValued, c.name).toBe(e.integerValued);
      const numbers = c.rows - c.missing - c.nonNumeric;
      const gap = cdfGap(e, c);
      expect(gap.atEdges, c.name).toBe(0);
      expect(gap.anywhere / numbers, c.name).toBeLessThanOrEqual(c.binned.bound + 1e-12);
      // Bins fine enough for a useful KS bound, also with a point mass (d) and a far-off centre (é ü).
      expect(c.binned.bound, c.name).toBeLessThan(0.005);
    }
  }, 300_000);

  it('binned mode at the limits of doubles: -0 and 0 in one spike, NULL, NaN, +-inf, numbers near +-1.8e308', async () => {
    // The median (about 4e307) minus -1.7e308 overflows a double: the key works on halves. -0 and 0 are
    // one number, a spike of a fifth of the rows (a point mass of its own).
    const name = 'x"; DROP TABLE t; --';
    const path = join(dir, 'limits.parquet');
    const u = `((hash(i, 9) % 1000003) / 1000003.0)`;
    await engines.duckdb.run(
      `COPY (SELECT CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN 'nan'::DOUBLE WHEN i % 2003 = 0 THEN 'inf'::DOUBLE
           WHEN i % 2011 = 0 THEN '-inf'::DOUBLE WHEN i % 1013 = 0 THEN -1.7e308 WHEN i % 1019 = 0 THEN 1.79e308
           WHEN i % 10 = 0 THEN '-0.0'::DOUBLE WHEN i % 10 = 1 THEN 0.0 ELSE ${u} * 1e308 END AS ${duckdbDialect.ident(name)}
      FROM range(60000) t(i)) TO ${q(path)} (FORMAT parquet, ROW_GROUP_SIZE 20000)`,
    );
    const query = profileQuery({
      dialect: duckdbDialect,
      table: 'f',
      from: `read_parquet(${q(path)}, file_row_number = true)`,
      columns: [name],
      numberColumns: [name],
      rowExpression: 'file_row_number + 1',
      missingValues: MISSING,
    });
    const [e] = profileFromQueryResult(await engines.duckdb.resultRows(query.sql), query.meta, {
      file: path,
      config: PROFILE_CONFIG,
    }).columns;
    const [c] = (await duckDbFileProfile(path, options(1000))).columns;
    expect(c.name).toBe(name);
    expect(c.binned).toBeTruthy();
    expect(c.missing).toBe(e.missing);
    expect(c.nonNumeric).toBe(e.nonNumeric);
    expect(c.text).toEqual(e.text);
    expect([...(c.text ?? new Map()).keys()].sort()).toEqual(['-inf', 'inf']);
    const gap = cdfGap(e, c);
    expect(gap.atEdges).toBe(0);
    expect(gap.anywhere / (c.rows - c.missing - c.nonNumeric)).toBeLessThanOrEqual(c.binned!.bound + 1e-12);
    expect(c.binned!.bound).toBeLessThan(0.005);
    // The spike at 0 is an edge holding all its cells (-0 and 0 alike).
    if (c.numbers.mode !== 'exact' || e.numbers.mode !== 'exact') throw new Error('exact summaries expected');
    const zero = (s: typeof c.numbers) => s.counts[s.values.indexOf(0)];
    expect(zero(c.numbers)).toBe(zero(e.numbers));
    expect(zero(e.numbers)).toBeGreaterThan(10_000);
  }, 300_000);
});
