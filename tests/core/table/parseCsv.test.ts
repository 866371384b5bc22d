import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, type ParseCsvOptions } from '../../../src/core/table/parseCsv.ts';
import type { ParsedColumn, ParsedTable } from '../../../src/core/table/types.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const parse = (input: string | Blob, extra: Partial<ParseCsvOptions> = {}) =>
  parseCsv(input, { file: 't.csv', delimiter: 'auto', missingValues: MISSING, ...extra });
const col = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;
/** The cells as the table sees them: number, text, or null for missing. */
const cells = (c: ParsedColumn) =>
  Array.from(numericValues(c), (v, i) =>
    c.codes !== null && c.codes[i] >= 0 && Number.isNaN(v) ? c.dictionary![c.codes[i]] : Number.isNaN(v) ? null : v,
  );

describe('parseCsv(input, opts)', () => {
  it('parseCsv handles quoted fields with commas, doubled quotes and newlines', async () => {
    const t = await parse(fixture('quoted.csv'));
    expect(t.rows).toBe(4);
    expect(t.delimiter).toBe(',');
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'comment', 'amount']);
    expect(cells(col(t, 'comment'))).toEqual(['hello, world', 'she said "hi"', 'line one\nline two', 'plain']);
    expect(Array.from(numericValues(col(t, 'amount')))).toEqual([10.5, 20, 30, 40]);
    expect(col(t, 'id').codes).toBeNull();
  });

  it('parseCsv strips a UTF-8 BOM and reads CRLF lines (a CRLF inside quotes reads as LF)', async () => {
    const t = await parse(fixture('bom_crlf.csv'));
    expect(t.columns.map((c) => c.name)).toEqual(['name', 'value']);
    expect(cells(col(t, 'name'))).toEqual(['alpha', 'be\nta', 'gamma']);
    expect(Array.from(numericValues(col(t, 'value')))).toEqual([1, 2, 3]);
  });

  it('parseCsv reads a file whose line endings change from CRLF to LF part-way, and back', async () => {
    for (const chunkSize of [undefined, 1, 4]) {
      const t = await parse(fixture('crlf_then_lf.csv'), { chunkSize });
      expect(t.rows).toBe(5);
      expect(Array.from(numericValues(col(t, 'a')))).toEqual([1, 2, 3, 4, 5]);
      expect(cells(col(t, 'c'))).toEqual(['q', 'r', 's', 't', 'u']);
      expect(t.warnings).toEqual([]);
    }
    const back = await parse(fixture('lf_then_crlf.csv'));
    expect(cells(col(back, 'b'))).toEqual(['x', 'y', 'z']);
    expect(back.warnings).toEqual([]);
  });

  it('parseCsv keeps no values for a text column (codes only), and keeps them for numbers, mixed and all-missing columns', async () => {
    const t = await parse('t,n,m,e\na,1,x,\nb,2,3,NA\nNA,,y,\n');
    expect(col(t, 't').values).toBeNull();
    expect(Array.from(col(t, 't').codes!)).toEqual([0, 1, -1]);
    expect(Array.from(numericValues(col(t, 't')))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(col(t, 'n').values!)).toEqual([1, 2, NaN]);
    expect(Array.from(col(t, 'm').values!)).toEqual([NaN, 3, NaN]);
    expect(col(t, 'm').dictionary).toEqual(['x', '3', 'y']);
    // No codes (nothing but missing cells): the values are the column.
    expect(col(t, 'e').codes).toBeNull();
    expect(Array.from(col(t, 'e').values!)).toEqual([NaN, NaN, NaN]);
  });

  it('parseCsv strips a BOM before a quoted first header (Excel\'s "Save as CSV UTF-8")', async () => {
    const t = await parseCsv('\ufeff"id","a;b"\r\n1,x\r\n', { file: 'f.csv', delimiter: 'auto', missingValues: [''] });
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'a;b']);
  });

  it('parseCsv detects ";" and tab, and honours an explicit delimiter', async () => {
    const semi = await parse(fixture('semicolon.csv'));
    expect(semi.delimiter).toBe(';');
    expect(cells(col(semi, 'a'))).toEqual([1.5, 2.5]); // decimal commas are numbers (see numberFormats.test.ts)
    const tab = await parse(fixture('tab.tsv'));
    expect(tab.delimiter).toBe('\t');
    expect(cells(col(tab, 'b'))).toEqual(['x, y', 'z']);
    const forced = await parse('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(forced.columns.map((c) => c.name)).toEqual(['a;b', 'c']);
  });

  it('parseCsv detects the real bank slice (bank-full.csv\'s format) as ";" with 3768 rows and 17 columns', async () => {
    const text = fixture('../real/bank/reference.csv');
    const t = await parse(text);
    expect(t.delimiter).toBe(';');
    expect(t.rows).toBe(3768);
    expect(t.columns).toHaveLength(17);
    expect(t.columns[0].name).toBe('age');
    expect(col(t, 'age').codes).toBeNull();
    expect(col(t, 'job').dictionary).toContain('management');
    expect(t.warnings).toEqual([]);
  });

  it('parseCsv counts missing markers after trimming, and they are configurable', async () => {
    const t = await parse(fixture('missing_markers.csv'));
    const x = col(t, 'x');
    expect(x.missing).toBe(6);
    expect(x.nonNumeric).toBe(0);
    expect(x.codes).toBeNull();
    expect(Array.from(numericValues(x)).map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, null, null, null, null, null, 7]);
    expect(col(t, 'y').missing).toBe(1);
    const custom = await parse(fixture('missing_markers.csv'), { missingValues: ['?'] });
    const cx = col(custom, 'x');
    expect(cx.missing).toBe(2); // '?' and the empty cell, which is always missing
    expect(cx.nonNumeric).toBe(4); // NA, NaN, null, NA
    expect(cx.firstNonNumeric).toEqual({ row: 2, value: 'NA' });
  });

  it('parseCsv keeps numbers in values and dictionary-encodes a column once text appears', async () => {
    const t = await parse('v\n1\n2.0\nabc\n 3 \n1\nNA\n');
    const v = col(t, 'v');
    expect(v.nonNumeric).toBe(1);
    expect(v.firstNonNumeric).toEqual({ row: 3, value: 'abc' });
    expect(Array.from(numericValues(v)).map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, 2, null, 3, 1, null]);
    // numbers are encoded by String(value), before and after the first text cell
    expect(v.dictionary).toEqual(['1', '2', 'abc', '3']);
    expect(Array.from(v.codes!)).toEqual([0, 1, 2, 3, 0, -1]);
  });

  it('parseCsv rejects an empty file and a header-only file with one-line errors', async () => {
    await expect(parse(fixture('empty.csv'), { file: 'empty.csv' })).rejects.toThrow(/^empty\.csv is empty: /);
    await expect(parse('\n\n  \n', { file: 'blank.csv' })).rejects.toThrow(/^blank\.csv is empty: /);
    await expect(parse(fixture('header_only.csv'), { file: 'h.csv' })).rejects.toThrow(/^h\.csv has a header but no data rows: /);
    await expect(parse(fixture('header_only.csv'))).rejects.toHaveProperty('name', 'InputError');
  });

  it('parseCsv pads short rows with missing values and warns once', async () => {
    const t = await parse(fixture('ragged_short.csv'), { file: 'r.csv' });
    expect(t.rows).toBe(4);
    expect(col(t, 'c').missing).toBe(2);
    expect(col(t, 'b').missing).toBe(1);
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatch(/^r\.csv: 2 row\(s\) have fewer fields than the header \(first: data row 2\)/);
  });

  it('parseCsv rejects a row with too many fields, naming the file and row', async () => {
    await expect(parse(fixture('ragged_long.csv'), { file: 'r.csv' })).rejects.toThrow(
      'r.csv: data row 2 has 4 fields but the header has 3; quote fields that contain the delimiter "," or remove the extra fields',
    );
    // a trailing delimiter only (empty extra field) is tolerated with a warning
    const t = await parse('a,b\n1,2,\n3,4\n');
    expect(t.rows).toBe(2);
    expect(t.warnings[0]).toMatch(/1 row\(s\) end with extra empty fields \(first: data row 1\)/);
  });

  it('parseCsv rejects an unterminated quote', async () => {
    await expect(parse(fixture('unterminated.csv'), { file: 'u.csv' })).rejects.toThrow(
      /^u\.csv: a quoted field starting near data row 1 is never closed/,
    );
  });

  it('parseCsv rejects empty and duplicate header names', async () => {
    await expect(parse('a,,c\n1,2,3\n', { file: 'x.csv' })).rejects.toThrow(
      'x.csv: column 2 of the header has no name; give every column a name in the first line',
    );
    await expect(parse('a,b, a\n1,2,3\n', { file: 'x.csv' })).rejects.toThrow(
      'x.csv: column name "a" appears twice in the header (columns 1 and 3); rename one of them',
    );
  });

  it('parseCsv: a first row of numbers that repeats or leaves out a value names the missing header row', async () => {
    // A file without a header row whose first data row repeats a value (0/1 flags, counts) fails on
    // the duplicate name before the all-numbers warning could say what is wrong.
    await expect(parse('0,2,0,0.5\n1,3,0,0.7\n', { file: 'x.csv' })).rejects.toThrow(
      'x.csv: column name "0" appears twice in the header (columns 1 and 3); rename one of them; ' +
        'the first row (0, 2, 0, ...) is all numbers: if the file has no header row, add a header line with the column names',
    );
    await expect(parse('1,,3\n1,2,3\n', { file: 'x.csv' })).rejects.toThrow(
      'x.csv: column 2 of the header has no name; give every column a name in the first line; ' +
        'the first row (1, , 3) is all numbers: if the file has no header row, add a header line with the column names',
    );
  });

  it('parseCsv: a repeated name that is a number (a headerless row of mixed data) names the missing header row', async () => {
    // Adult's raw adult.data: "39, State-gov, 77516, ..., 0, 0, 40, ..." has no header row.
    await expect(parse('39,State-gov,0,0,40\n50,Private,0,0,13\n', { file: 'adult.data' })).rejects.toThrow(
      'adult.data: column name "0" appears twice in the header (columns 3 and 4); rename one of them; ' +
        'a repeated number as a column name suggests the first row (39, State-gov, 0, ...) is data: if the file has no header row, add a header line with the column names',
    );
    // Repeated text names keep the plain message.
    await expect(parse('a,b,a\n1,2,3\n', { file: 'x.csv' })).rejects.toThrow(/rename one of them$/);
  });

  it('parseCsv skips blank lines but keeps a line of empty fields as missing values', async () => {
    const t = await parse(fixture('blank_lines.csv'));
    expect(t.rows).toBe(3);
    expect(Array.from(numericValues(col(t, 'b')))).toEqual([2, 4, 6]);
    const u = await parse('a,b\n1,2\n,\n');
    expect(u.rows).toBe(2);
    expect(col(u, 'a').missing).toBe(1);
  });

  it('parseCsv gives the same table whatever the chunk size (string and Blob input)', async () => {
    const text = fixture('quoted.csv') + fixture('quoted.csv').split('\n').slice(1).join('\n') + 'é5,"ünïcode ✓",1\n';
    const whole = await parse(text);
    for (const chunkSize of [1, 2, 3, 5, 7, 16, 64]) {
      expect(await parse(text, { chunkSize }), `string, chunkSize ${chunkSize}`).toEqual(whole);
      // Blob chunks are bytes: multi-byte characters straddle chunk boundaries here
      expect(await parse(new Blob([text]), { chunkSize }), `Blob, chunkSize ${chunkSize}`).toEqual(whole);
    }
    expect(cells(col(whole, 'comment')).at(-1)).toBe('ünïcode ✓');
  });

  it('parseCsv is chunk-size independent on random quoted CSVs (property)', async () => {
    const field = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom('', 'NA', ' 2.5 ', 'a,b', 'say ""hi""', 'x\ny', 'ü', '\r\n'),
    );
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field, field), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, chunkSize, nl) => {
          const text = ['a,b,c', ...rows.map((r) => r.map(quote).join(','))].join(nl) + nl;
          const whole = await parse(text);
          expect(whole.rows).toBe(rows.length);
          expect(await parse(text, { chunkSize })).toEqual(whole);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  it('parseCsv rejects with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(parse('a\n1\n', { signal: controller.signal })).rejects.toHaveProperty('name', 'AbortError');
    const c2 = new AbortController();
    const big = 'a,b\n' + '1,2\n'.repeat(200_000);
    const p = parse(big, {
      chunkSize: 1024,
      signal: c2.signal,
      onProgress: (n) => {
        if (n > 10_000) c2.abort();
      },
    });
    await expect(p).rejects.toHaveProperty('name', 'AbortError');
  });

  it('parseCsv reports progress up to the input size', async () => {
    const seen: number[] = [];
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    await parse(new Blob([text]), { chunkSize: 1000, onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(text.length);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });
});
