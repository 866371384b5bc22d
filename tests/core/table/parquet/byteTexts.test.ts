/**
 * String columns past the dictionary limit, whose PLAIN pages the Parquet reader hashes from their bytes
 * (byteTexts.ts), against the same values made into strings first (the builder's string path): the
 * table, the profile and the windows' tap must not tell the two apart. texts.parquet
 * (scripts/make_parquet_fixtures.py) holds >65536 distinct texts per column with spaces, missing
 * markers, non-ASCII, invalid UTF-8, long texts and repeats of early values once hashing has started.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_LIMIT } from '../../../../src/core/table/ColumnBuilder.ts';
import { MissingMarkers } from '../../../../src/core/table/missingMarkers.ts';
import { TextHashSet } from '../../../../src/core/table/TextHashSet.ts';
import { asciiText, type ByteTexts } from '../../../../src/core/table/parquet/byteTexts.ts';
import { ParquetColumnBuilder } from '../../../../src/core/table/parquet/ParquetColumnBuilder.ts';
import { readParquetTable, type AsyncBuffer } from '../../../../src/core/table/parquet/readParquet.ts';
import { profileParquet } from '../../../../src/core/profile/profileParquet.ts';
import { profileFromTable } from '../../../../src/core/profile/profileBuilder.ts';
import type { ParsedColumn, ParsedTable } from '../../../../src/core/table/types.ts';

const FILE = fileURLToPath(new URL('../../../fixtures/parquet/texts.parquet', import.meta.url));
const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const TEXT_COLUMNS = ['text', 'plain', 'raw'];

function buffer(): AsyncBuffer {
  const bytes = readFileSync(FILE);
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: ab.byteLength, slice: (s, e) => ab.slice(s, e) };
}

let rows: Promise<Record<string, unknown>[]> | null = null;
let table: Promise<ParsedTable> | null = null;

/** Every column's values as hyparquet's own reader gives them (strings by its TextDecoder, INT64 as bigint). */
function rowsOf(): Promise<Record<string, unknown>[]> {
  return (rows ??= parquetReadObjects({ file: buffer(), compressors }) as Promise<Record<string, unknown>[]>);
}

/** The file as the reader reads it. */
function tableOf(): Promise<ParsedTable> {
  return (table ??= readParquetTable(buffer(), { file: 'texts.parquet', missingValues: MISSING }));
}

/** The table the string path gives: each text column's values appended as strings. */
function stringTable(rows: Record<string, unknown>[], columns: string[]): ParsedTable['columns'] {
  const markers = new MissingMarkers(MISSING);
  return columns.map((name) => {
    const b = new ParquetColumnBuilder(name, 'text', rows.length);
    b.append(
      rows.map((r) => r[name]),
      markers,
    );
    return b.finish();
  });
}

describe('texts past the dictionary limit, read from their bytes', () => {
  it('give the table their strings give', async () => {
    const [table, rows] = await Promise.all([tableOf(), rowsOf()]);
    expect(table.rows).toBe(80_000);
    const want = stringTable(rows, TEXT_COLUMNS);
    for (const [i, name] of TEXT_COLUMNS.entries()) {
      const got = table.columns.find((c) => c.name === name)!;
      expect(got, name).toEqual(want[i]);
    }
    // Past the limit: counted by hash, each distinct trimmed text once (early texts seen again included).
    const markers = new Set(MISSING);
    for (const name of ['text', 'plain']) {
      const distinct = new Set(rows.map((r) => (r[name] as string | null)?.trim() ?? '').filter((s) => s !== '' && !markers.has(s)));
      expect(distinct.size, name).toBeGreaterThan(DICTIONARY_LIMIT + 5000);
      expect(table.columns.find((c) => c.name === name)!.highCardinality, name).toEqual({ distinct: distinct.size });
    }
    // INT64 as the nearest doubles, as Number(bigint) gives them.
    const big = table.columns.find((c) => c.name === 'big')!;
    expect([...big.values!]).toEqual(rows.map((r) => (r.big === null ? NaN : Number(r.big as bigint))));
    expect(rows.some((r) => typeof r.big === 'bigint' && BigInt(Number(r.big)) !== r.big)).toBe(true);
  });

  it('give the profile their strings give, streamed in chunks', async () => {
    const [table, rows] = await Promise.all([tableOf(), rowsOf()]);
    const createdAt = '2026-01-01T00:00:00.000Z';
    const streamed = await profileParquet(buffer(), { file: 'texts.parquet', missingValues: MISSING, rowsPerChunk: 7000, createdAt });
    const strings: ParsedTable = { ...table, columns: [...stringTable(rows, TEXT_COLUMNS), table.columns.find((c) => c.name === 'big')!] };
    expect(streamed).toEqual(profileFromTable(strings, { createdAt, source: streamed.source }));
  });

  it('reach the windows’ tap as their strings', async () => {
    const got: string[] = [];
    const rows = await rowsOf();
    await readParquetTable(buffer(), {
      file: 'texts.parquet',
      missingValues: MISSING,
      skipColumns: ['text'],
      cellTap: { column: 'text', add: (row, raw) => (got[row] = raw) },
    });
    expect(got).toEqual(rows.map((r) => (r.text as string | null) ?? ''));
  });
});

describe('a text hashed from its bytes', () => {
  const markers = new MissingMarkers(MISSING);
  const filler = Array.from({ length: DICTIONARY_LIMIT + 1 }, (_, i) => `filler ${i}`);
  const utf8 = new TextEncoder();
  const decoder = new TextDecoder();

  /** Texts as one PLAIN page's bytes (null: a null value). */
  function page(texts: (string | null)[]): ByteTexts {
    const parts = texts.map((t) => (t === null ? null : utf8.encode(t)));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + 4 + (p?.length ?? 0), 0));
    const starts = new Int32Array(texts.length);
    const lengths = new Int32Array(texts.length);
    let at = 0;
    for (const [i, p] of parts.entries()) {
      if (p === null) {
        starts[i] = -1;
        continue;
      }
      new DataView(bytes.buffer).setUint32(at, p.length, true);
      bytes.set(p, at + 4);
      starts[i] = at + 4;
      lengths[i] = p.length;
      at += 4 + p.length;
    }
    return { bytes, starts, lengths, decode: (b) => decoder.decode(b) };
  }

  const cell = fc.oneof(
    fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\v', '\f', '\r', '\x1c', '\0', 'N', 'A', 'a', '1', '?', 'é', '\u00a0', '列', '🚀'),
    }),
    fc.constantFrom('NA', ' null ', '?', '', 'N/A', '\u2003NaN'),
    fc.string(),
    fc.constant(null),
  );

  /** A column with its dictionary and codes as one string each (toEqual on 65536 entries is slow). */
  const flat = (c: ParsedColumn) => ({ ...c, dictionary: c.dictionary?.join('\u0001'), codes: c.codes?.join(',') });

  it('counts, misses and samples as its string, before and past the dictionary limit', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 400 }), fc.boolean(), (texts, past) => {
        const head = past ? filler : filler.slice(0, 10);
        const bytes = new ParquetColumnBuilder('c', 'text', 16);
        const strings = new ParquetColumnBuilder('c', 'text', 16);
        bytes.append(head, markers);
        strings.append(head, markers);
        // Twice: a text seen again must not count again.
        bytes.append(page([...texts, ...texts]), markers);
        strings.append([...texts, ...texts], markers);
        expect(flat(bytes.finish())).toEqual(flat(strings.finish()));
      }),
      { numRuns: 12 },
    );
  });

  it('has the hash pair TextHashSet.add gives its trimmed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        const b = utf8.encode(s);
        const out = { h1: 0, h2: 0 };
        const got = asciiText(b, 0, b.length, markers, out);
        const t = s.trim();
        if (t === '' || markers.has(t)) {
          expect(got).toBe('missing');
          return;
        }
        expect(got).toBe('text');
        const set = new TextHashSet();
        set.add(t);
        set.addHash(out.h1, out.h2);
        expect(set.size).toBe(1);
      }),
    );
  });
});
