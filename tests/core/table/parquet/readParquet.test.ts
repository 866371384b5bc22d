/**
 * The Parquet reader on files written by pyarrow (every compression codec, data page v2) and by DuckDB
 * (scripts/make_parquet_fixtures.py), checked against what pandas reads from them
 * (tests/fixtures/parquet/types_expected.json); chunked reads against whole reads; damaged files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../../src/core/errors.ts';
import { planColumns } from '../../../../src/core/table/planColumns.ts';
import { readParquetChunks, readParquetTable, type AsyncBuffer } from '../../../../src/core/table/parquet/readParquet.ts';
import { profileParquet } from '../../../../src/core/profile/profileParquet.ts';
import { profileFromTable } from '../../../../src/core/profile/profileBuilder.ts';
import { encodeProfile, decodeProfile } from '../../../../src/core/profile/profileFile.ts';
import type { ParsedColumn, ParsedTable } from '../../../../src/core/table/types.ts';
import { numericValues } from '../../../../src/core/table/numericValues.ts';

const DIR = fileURLToPath(new URL('../../../fixtures/parquet/', import.meta.url));
const MISSING = ['', 'NA', 'NaN', 'null', '?'];
// JSON.parse, not a JSON import: the fixture has a "__proto__" column, which only JSON.parse keeps as a key.
const expected = JSON.parse(readFileSync(DIR + 'types_expected.json', 'utf8')) as { rows: number; columns: Record<string, Want> };
const FILES = ['none', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'v2', 'duckdb'].map((k) => `types_${k}.parquet`);

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

function bufferOf(bytes: Uint8Array): AsyncBuffer {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) };
}

const read = (name: string) => readParquetTable(bufferOf(bytesOf(name)), { file: name, missingValues: MISSING });

function col(t: ParsedTable, name: string): ParsedColumn {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

function sum(c: ParsedColumn): number {
  let s = 0;
  for (const v of c.values ?? []) if (v === v) s += v;
  return s;
}

type Want = { missing: number; sum?: number; distinct?: number | string[]; true?: number; first?: string };
const WANT = expected.columns;

describe.each(FILES)('%s', (file) => {
  it('reads every flat column as pandas does', async () => {
    const t = await read(file);
    expect(t.rows).toBe(expected.rows);
    expect(t.columns.map((c) => c.name)).toEqual(Object.keys(WANT));
    for (const [name, want] of Object.entries(WANT)) {
      const c = col(t, name);
      expect(c.missing, name).toBe(want.missing);
      if (want.sum !== undefined) {
        expect(c.codes, name).toBeNull();
        expect(sum(c), name).toBeCloseTo(want.sum, 6);
      }
      if (typeof want.distinct === 'number') expect(new Set([...(c.values ?? [])].filter((v) => v === v)).size, name).toBe(want.distinct);
      if (Array.isArray(want.distinct)) {
        // Text: never parsed as numbers; trimmed (" Lima " is "Lima"), as a CSV's cells.
        expect(c.nonNumeric, name).toBe(expected.rows - want.missing);
        expect([...c.dictionary!].sort(), name).toEqual(want.distinct);
      }
      if (want.true !== undefined) {
        const t = c.dictionary!.indexOf('true');
        expect(c.codes!.filter((x) => x === t).length, name).toBe(want.true);
        expect([...c.dictionary!].sort()).toEqual(['false', 'true']);
      }
      if (want.first !== undefined)
        expect(c.dictionary![0], name).toBe(want.first.replace(/ 00:00:00$/, name === 'day' ? '' : ' 00:00:00'));
    }
  });

  it('skips the nested columns with a reason the report shows', async () => {
    const t = await read(file);
    expect(t.unreadable).toEqual([
      { name: 'tags', reason: 'nested Parquet column (LIST): not a single value per row' },
      { name: 'point', reason: 'nested Parquet column (group/struct): not a single value per row' },
      { name: 'attrs', reason: 'nested Parquet column (MAP): not a single value per row' },
    ]);
    const { plans } = planColumns(t, t, { label: 'label', drop: [], numerical: [], categorical: [], maxCategoricalUnique: 20 });
    const byName = new Map(plans.map((p) => [p.name, p]));
    expect(byName.get('tags')).toEqual({
      name: 'tags',
      role: 'skipped',
      reason: 'nested Parquet column (LIST): not a single value per row',
    });
    // The typing rules of a CSV: a unique integer column is an identifier, dates are timestamps, an int
    // column with few values is categorical, text is categorical.
    expect(byName.get('id')!.reason).toMatch(/^identifier/);
    expect(byName.get('day')!.reason).toMatch(/^timestamp/);
    expect(byName.get('ts')!.reason).toMatch(/^timestamp/);
    expect(byName.get('small_int')).toMatchObject({ role: 'categorical', reason: 'numeric, 5 distinct values <= 20' });
    expect(byName.get('score')!.role).toBe('numerical');
    expect(byName.get('flag')).toMatchObject({ role: 'categorical', reason: `boolean (true/false) text in ${file} and ${file}` });
    expect(byName.get('all_null')!.role).toBe('skipped');
  });

  it('keeps hostile column names exactly', async () => {
    const t = await read(file);
    for (const name of ['say "hi"', '<img src=x onerror=alert(1)>', 'a,b;c\td', 'ünïcödé 列 🚀', '__proto__', '=SUM(A1)', 'back\\slash'])
      expect(col(t, name).nonNumeric, name).toBe(300);
  });
});

describe('every writer and codec', () => {
  it('gives the same table', async () => {
    const base = await read(FILES[0]);
    for (const file of FILES.slice(1)) {
      const t = await read(file);
      expect({ ...t, file: '' }, file).toEqual({ ...base, file: '' });
    }
  });
});

describe('chunked reads', () => {
  it('cut row groups into tables whose rows are the whole table’s', async () => {
    const whole = await read('types_zstd.parquet');
    const tables: { table: ParsedTable; offset: number }[] = [];
    const summary = await readParquetChunks(bufferOf(bytesOf('types_zstd.parquet')), {
      file: 'types_zstd.parquet',
      missingValues: MISSING,
      rowsPerTable: 64,
      onTable: (table, offset) => tables.push({ table, offset }),
    });
    expect(summary.rows).toBe(300);
    // 3 row groups of 100 rows, each cut into 64 + 36.
    expect(tables.map((t) => [t.offset, t.table.rows])).toEqual([
      [0, 64],
      [64, 36],
      [100, 64],
      [164, 36],
      [200, 64],
      [264, 36],
    ]);
    for (const c of whole.columns) {
      const values = tables.flatMap(({ table }) => [...numericValues(col(table, c.name))]);
      expect(values, c.name).toEqual([...numericValues(c)]);
    }
  });

  it('give the profile of the whole table, which survives a profile file', async () => {
    const file = 'types_gzip.parquet';
    const whole = await read(file);
    const createdAt = '2026-01-01T00:00:00.000Z';
    const streamed = await profileParquet(bufferOf(bytesOf(file)), { file, missingValues: MISSING, rowsPerChunk: 37, createdAt });
    const fromTable = profileFromTable(whole, { createdAt, source: streamed.source });
    expect(streamed).toEqual(fromTable);
    expect(streamed.unreadable?.map((u) => u.name)).toEqual(['tags', 'point', 'attrs']);
    expect(decodeProfile(encodeProfile(streamed), 'x.profile')).toEqual(streamed);
  });
});

describe('a damaged file', () => {
  const good = bytesOf('types_snappy.parquet');

  async function failure(bytes: Uint8Array, name = 'bad.parquet'): Promise<Error | null> {
    try {
      await readParquetTable(bufferOf(bytes), { file: name, missingValues: MISSING });
      return null;
    } catch (e) {
      return e as Error;
    }
  }

  it('with the wrong magic bytes is one InputError naming the file', async () => {
    const csv = new TextEncoder().encode('a,b\n1,2\n3,4\n5,6\n');
    const e = await failure(csv, 'data.parquet');
    expect(isInputError(e)).toBe(true);
    expect(e!.message).toBe(
      'data.parquet is not a Parquet file: it does not start with "PAR1"; give a Parquet file, or a CSV with another name',
    );
  });

  it('truncated is one InputError naming the file', async () => {
    const e = await failure(good.slice(0, good.length - 100));
    expect(isInputError(e)).toBe(true);
    expect(e!.message).toMatch(/^bad\.parquet is not a complete Parquet file: it does not end with "PAR1"/);
  });

  it('with a footer length past the file is one InputError naming the file', async () => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setUint32(bytes.length - 8, bytes.length, true);
    const e = await failure(bytes);
    expect(isInputError(e)).toBe(true);
    expect(e!.message).toMatch(/^bad\.parquet is a damaged Parquet file: its footer length/);
  });

  it('with a garbage data page is one InputError naming the file', async () => {
    const bytes = good.slice();
    // The first column chunk starts right after the leading magic: overwrite its page header and data.
    for (let i = 4; i < 400; i++) bytes[i] = (i * 131) & 0xff;
    const e = await failure(bytes);
    expect(isInputError(e)).toBe(true);
    expect(e!.message).toMatch(/^bad\.parquet is a damaged or unsupported Parquet file \(/);
    expect(e!.message).not.toMatch(/\n/);
  });

  it('cut anywhere or with bytes flipped anywhere reads or fails with one InputError, never crashes or hangs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: good.length - 1 }) }),
          fc.record({
            flips: fc.array(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), {
              minLength: 1,
              maxLength: 8,
            }),
          }),
        ),
        async (damage) => {
          let bytes: Uint8Array;
          if ('cut' in damage) bytes = good.slice(0, damage.cut);
          else {
            bytes = good.slice();
            for (const [at, x] of damage.flips) bytes[at] ^= x;
          }
          const e = await failure(bytes);
          if (e !== null) {
            expect(isInputError(e), e.stack).toBe(true);
            expect(e.message.startsWith('bad.parquet ')).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  }, 120_000);
});

describe('readParquetTable cellTap (the windows timestamp column)', () => {
  const file = 'windows/production.parquet';
  const tapped = async (column: string, skip: string[]) => {
    const text: [number, string][] = [];
    const times: [number, number, boolean][] = [];
    const table = await readParquetTable(bufferOf(bytesOf(file)), {
      file,
      missingValues: MISSING,
      skipColumns: skip,
      cellTap: { column, add: (r, raw) => text.push([r, raw]), addTime: (r, ms, instant) => times.push([r, ms, instant]) },
    });
    return { table, text, times };
  };
  it('hands every row of a skipped column to the tap: typed times with their kind, null as an empty cell, strings as text', async () => {
    const utc = await tapped('ts_utc', ['ts_utc']);
    expect(utc.table.columns.map((c) => c.name)).toEqual(['ts_local', 'ts_text', 'day', 'amount', 'plan', 'churn']);
    expect(utc.table.notParsed).toEqual(['ts_utc']);
    expect(utc.times.length + utc.text.length).toBe(600);
    expect(utc.text.every(([, raw]) => raw === '')).toBe(true);
    expect(utc.times.every(([, , instant]) => instant)).toBe(true);
    // Row 0 of the fixture: 2024-04-01 17:30:00.016 UTC.
    expect(utc.times[0]).toEqual([0, Date.UTC(2024, 3, 1, 17, 30, 0, 16), true]);
    const local = await tapped('ts_local', []);
    expect(local.table.columns.some((c) => c.name === 'ts_local')).toBe(true);
    expect(local.times[0]).toEqual([0, Date.UTC(2024, 3, 1, 18, 30, 0, 16), false]);
    const day = await tapped('day', ['day']);
    expect(day.times[0]).toEqual([0, Date.UTC(2024, 3, 1), false]);
    const text = await tapped('ts_text', ['ts_text']);
    expect(text.times).toEqual([]);
    expect(text.text[0]).toEqual([0, '2024-04-01T18:30:00.016+01:00']);
  });
  it('an unknown column is one InputError with a suggestion', async () => {
    const e = await tapped('ts_utx', []).catch((x: unknown) => x);
    expect(isInputError(e)).toBe(true);
    expect((e as Error).message).toMatch(/^windows\/production\.parquet: windows\.column "ts_utx" is not a column; .*ts_utc/);
  });
});
